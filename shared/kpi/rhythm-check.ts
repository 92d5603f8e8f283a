import { toDayNumber, zoneClock } from '../planning/calendar';
import type { RhythmTable } from '../planning/rhythm';
import { hasRhythm, lastDayOf, modeStateAt, rhythmDaysOf } from '../planning/rhythm';
import type { RhythmCheck } from './coverage';

/**
 * The planning rules (shared/planning) as the coverage KPI's rhythm check: "within rhythm" is
 * human-contact status `ok`, exactly as planning's `visitCoverage`; null when the account has no
 * rhythm (leads, former, archived) or human contact is switched off for it. Due, overdue and
 * never-contacted accounts count as outside. The clock is built once, not per account.
 */
export function rhythmCheck(table: RhythmTable, tz?: string): RhythmCheck {
  const clock = zoneClock(tz);
  const humanDays = rhythmDaysOf(table, 'human');
  let cachedToday = '';
  let todayNumber = 0;
  return (a, today) => {
    if (!hasRhythm(a)) return null;
    if (today !== cachedToday) {
      cachedToday = today;
      todayNumber = toDayNumber(today);
    }
    const state = modeStateAt(lastDayOf(a.lastHumanContactAt, clock), humanDays(a), todayNumber);
    return state === null ? null : state.status === 'ok';
  };
}
