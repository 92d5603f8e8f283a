import { describe, expect, it } from 'vitest';
import { parseHash, routeToHash } from './router';

describe('hash routes', () => {
  it('round-trips every route', () => {
    for (const route of [{ page: 'customers' } as const, { page: 'account', accountId: 'a/b c' } as const, { page: 'briefing', accountId: 'a/b c' } as const, { page: 'importExport' } as const]) {
      expect(parseHash(routeToHash(route))).toEqual(route);
    }
  });
  it('falls back to today for unknown hashes', () => {
    expect(parseHash('#/nowhere')).toEqual({ page: 'today' });
    expect(parseHash('')).toEqual({ page: 'today' });
  });
});
