import { describe, expect, it } from 'vitest';
import type { Account } from '../domain';
import { isRetentionDue, lastActivityOf, retentionCutoff } from './retention';

const former = (extra: Partial<Account> = {}) => ({
  kind: 'company', street: '', phone: '', email: '', lifecycleDates: { former: '2014-05-01' }, createdAt: Date.UTC(2010, 0, 1), ...extra,
}) as Account;

describe('retention', () => {
  it('takes the latest of contacts, history, becoming former and creation', () => {
    expect(lastActivityOf(former(), undefined)).toBe('2014-05-01');
    expect(lastActivityOf(former({ lastHumanContactAt: '2015-01-02T10:00:00.000Z' }), '2014-12-01T10:00:00.000Z')).toBe('2015-01-02T10:00:00.000Z');
    expect(lastActivityOf(former(), '2016-03-01T10:00:00.000Z')).toBe('2016-03-01T10:00:00.000Z');
  });

  it('proposes deletion after the cutoff only while something personal is left', () => {
    const cutoff = retentionCutoff(new Date('2026-12-07T12:00:00.000Z'), 10);
    expect(cutoff).toBe('2016-12-07T12:00:00.000Z');
    expect(isRetentionDue(former(), '2014-05-01', 2, cutoff)).toBe(true);
    expect(isRetentionDue(former(), '2017-05-01', 2, cutoff)).toBe(false);
    expect(isRetentionDue(former(), '2014-05-01', 0, cutoff)).toBe(false);
    expect(isRetentionDue(former({ kind: 'private', phone: '089 1' }), '2014-05-01', 0, cutoff)).toBe(true);
    expect(isRetentionDue(former({ kind: 'private' }), '2014-05-01', 0, cutoff)).toBe(false);
  });
});
