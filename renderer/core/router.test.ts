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

  it('carries a customer-list link (owner and due filter) in the query, and a bare list without one', () => {
    const route = { page: 'customers', list: { owner: 'all', due: 'uncovered' } } as const;
    expect(routeToHash(route)).toBe('#/customers?owner=all&due=uncovered');
    expect(parseHash('#/customers?owner=all&due=uncovered')).toEqual(route);
    // Anything but "all" is the rep's own accounts; without a due filter it is the plain list.
    expect(parseHash('#/customers?owner=x&due=ok')).toEqual({ page: 'customers', list: { owner: 'me', due: 'ok' } });
    expect(parseHash('#/customers?owner=all')).toEqual({ page: 'customers' });
    expect(parseHash('#/customers')).toEqual({ page: 'customers' });
  });
});
