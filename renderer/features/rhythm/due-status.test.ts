import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../../shared/planning/fixtures';
import { todayIso } from '../../../shared/time/today';
import { addDays } from '../../../shared/planning/calendar';
import { DEFAULT_RHYTHMS } from '../../../shared/planning/rhythm';
import { dueSortKey, dueStateOfRow, matchesDue, setDueTable } from './due-status';

const at = (days: number) => `${addDays(todayIso(), -days)}T10:00:00`;

describe('due status of customer list rows', () => {
  it('follows the rhythm table, the override and the lifecycle', () => {
    setDueTable(DEFAULT_RHYTHMS);
    const ok = makeAccount({ lastHumanContactAt: new Date(at(10)).toISOString() }); // A-expand: 42 days
    const due = makeAccount({ lastHumanContactAt: new Date(at(45)).toISOString() });
    const overdue = makeAccount({ lastHumanContactAt: new Date(at(80)).toISOString() });
    const never = makeAccount({ lastHumanContactAt: undefined });
    const lead = makeAccount({ lifecycle: 'lead', lastHumanContactAt: new Date(at(80)).toISOString() });
    expect([ok, due, overdue, never].map((a) => dueStateOfRow(a)?.status)).toEqual(['ok', 'due', 'overdue', 'never']);
    expect(dueStateOfRow(lead)).toBeNull();
    expect(matchesDue(due, 'dueOrOverdue') && matchesDue(overdue, 'dueOrOverdue') && !matchesDue(ok, 'dueOrOverdue')).toBe(true);
    expect(dueStateOfRow({ ...ok, rhythm: { humanDays: 7 } })?.status).toBe('overdue');
    setDueTable({ ...DEFAULT_RHYTHMS, 'A-expand': { humanDays: 100, digitalDays: 14 } });
    expect(dueStateOfRow(overdue)?.status).toBe('ok');
    setDueTable(DEFAULT_RHYTHMS);
    // By due date, earliest first: never contacted, then the most overdue, then those still within rhythm.
    expect([ok, never, overdue, due].map(dueSortKey).sort()).toEqual([dueSortKey(never), dueSortKey(overdue), dueSortKey(due), dueSortKey(ok)]);
    expect(dueSortKey(lead)).toBeNull();
  });
});
