import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../time';
import { makeInteraction } from './fixtures';
import { openKeys } from './open-items';

const at = '2026-11-22T23:05:00.000Z' as const;
const asks = makeInteraction({ id: 'i', accountId: 'weiss', at, followUpDate: asIsoDate('2026-11-23') });

describe('openKeys', () => {
  it('a follow-up stays open until its account has a contact after it (the same instant is no answer)', () => {
    expect(openKeys(asks, undefined)).toEqual([['f', '2026-11-23'], ['a', 'weiss']]);
    expect(openKeys(asks, { lastHumanContactAt: at })).toEqual([['f', '2026-11-23'], ['a', 'weiss']]);
    expect(openKeys(asks, { lastDigitalContactAt: '2026-11-22T23:06:00.000Z' })).toBeUndefined();
    // An instant with an offset is compared as an instant: 00:10 in Berlin is after 23:05 UTC.
    expect(openKeys(asks, { lastHumanContactAt: '2026-11-23T00:10:00+01:00' as typeof at })).toBeUndefined();
  });

  it('asks nothing when planned, called off, trashed or with a malformed day', () => {
    expect(openKeys({ ...asks, status: 'planned' } as never, undefined)).toBeUndefined();
    expect(openKeys({ ...asks, status: 'cancelled' } as never, undefined)).toBeUndefined();
    expect(openKeys({ ...asks, deletedAt: 1 }, undefined)).toBeUndefined();
    expect(openKeys({ ...asks, followUpDate: '2026-1-5' as never }, undefined)).toBeUndefined();
  });

  it('a complaint is open until resolved, and open without a handling record (older versions)', () => {
    const complaint = makeInteraction({ type: 'complaint', at, complaint: { status: 'in_progress', ownerId: 'u', resolution: '' } });
    expect(openKeys(complaint, undefined)).toEqual([['c', at]]);
    expect(openKeys({ ...complaint, complaint: undefined } as never, undefined)).toEqual([['c', at]]);
    expect(openKeys({ ...complaint, complaint: { status: 'resolved', ownerId: 'u', resolution: 'Gutschrift' } } as never, undefined)).toBeUndefined();
  });
});
