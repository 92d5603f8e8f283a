import { create } from 'zustand';
import { segmentKey, type Account } from '../../../shared/domain';
import { toDayNumber, zoneClock } from '../../../shared/planning/calendar';
import { DEFAULT_RHYTHMS, lastDayOf, modeStateAt, type ContactStatus, type ModeState, type RhythmTable } from '../../../shared/planning/rhythm';
import { todayIso } from '../../../shared/time/today';

/** Filter values of the customer list's contact-status filter. */
export const DUE_FILTERS = ['dueOrOverdue', 'overdue', 'due', 'never', 'ok'] as const;
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
  if ((r.lifecycle !== 'customer' && r.lifecycle !== 'prospect') || r.archived) return null;
  const day = todayIso();
  if (day !== cachedDay) [cachedDay, todayNumber, clock] = [day, toDayNumber(day), zoneClock()];
  const { table } = useDueTable.getState();
  const days = r.rhythm?.humanDays ?? table[segmentKey(r.category, r.accountType)]?.humanDays ?? 0;
  return modeStateAt(lastDayOf(r.lastHumanContactAt, clock), days, todayNumber);
}

export function matchesDue(r: DueRow, filter: DueFilter): boolean {
  if (!filter) return true;
  const status: ContactStatus | undefined = dueStateOfRow(r)?.status;
  return filter === 'dueOrOverdue' ? status === 'due' || status === 'overdue' : status === filter;
}

/** Sort key: never-contacted first, then by days past the due date (ascending = least overdue first). */
export function dueSortKey(r: DueRow): string {
  const s = dueStateOfRow(r);
  if (!s) return '0';
  if (s.daysOverdue === null) return '1';
  return `2${String(s.daysOverdue + 100_000).padStart(6, '0')}`;
}
