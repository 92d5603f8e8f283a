import { create } from 'zustand';
import type { Account } from '../../../shared/domain';
import { toDayNumber, zoneClock } from '../../../shared/planning/calendar';
import { coverageState, DEFAULT_RHYTHMS, inCoverageGroup, type ContactStatus, type ModeState, type RhythmTable } from '../../../shared/planning/rhythm';
import { todayIso } from '../../../shared/time/today';

/**
 * Filter values of the customer list's contact-status filter. `uncovered` (not within rhythm: due,
 * overdue or never) and `rhythm` (every account with a visit rhythm) are the groups the visit
 * coverage on Today counts; its figures link here.
 */
export const DUE_FILTERS = ['dueOrOverdue', 'overdue', 'due', 'never', 'ok', 'uncovered', 'rhythm'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number] | '';

type DueRow = Pick<Account, 'category' | 'accountType' | 'lifecycle' | 'archived' | 'lastHumanContactAt' | 'rhythm'>;

/** The rhythm table the list computes with; `version` changes when it does, so cached filters start over. */
export const useDueTable = create<{ table: RhythmTable; version: number }>(() => ({ table: DEFAULT_RHYTHMS, version: 0 }));

export function setDueTable(table: RhythmTable): void {
  useDueTable.setState((s) => ({ table, version: s.version + 1 }));
}

let cachedDay = '';
let todayNumber = 0;
// Looking up the local time zone goes through Intl and costs more than the rest of a row: once a day.
let clock = zoneClock();

/**
 * Human-contact state of a list row on today (null: no rhythm, see shared/planning/rhythm.ts).
 * Plain day arithmetic per row, so filtering 100k rows stays a single cheap pass.
 */
export function dueStateOfRow(r: DueRow): ModeState | null {
  const day = todayIso();
  if (day !== cachedDay) [cachedDay, todayNumber, clock] = [day, toDayNumber(day), zoneClock()];
  // The coverage's own predicate (shared/planning/rhythm.ts): the list counts what Today counts.
  return coverageState(r, useDueTable.getState().table, todayNumber, clock);
}

export function matchesDue(r: DueRow, filter: DueFilter): boolean {
  if (!filter) return true;
  if (filter === 'uncovered' || filter === 'rhythm') return inCoverageGroup(dueStateOfRow(r), filter);
  const status: ContactStatus | undefined = dueStateOfRow(r)?.status;
  return filter === 'dueOrOverdue' ? status === 'due' || status === 'overdue' : status === filter;
}

/**
 * Sort key of the "Fälligkeit" (due date) column: ascending is by due date, earliest first, so the
 * first click shows the most urgent accounts: never contacted (due since ever), then the most overdue,
 * down to those due furthest ahead. Accounts without a rhythm (leads, former customers, archived, a
 * segment with rhythm 0) have no due date: null, which the list sorts last in both directions, as a
 * spreadsheet does with empty cells (customers/filters.ts).
 */
export function dueSortKey(r: DueRow): string | null {
  const s = dueStateOfRow(r);
  if (!s) return null;
  if (s.daysOverdue === null) return '0';
  // daysOverdue grows as the due date lies further back: invert it so an earlier due date sorts first.
  return `1${String(10_000_000 - s.daysOverdue).padStart(8, '0')}`;
}
