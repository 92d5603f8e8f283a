import type { Interaction, IsoDate } from '../../../shared/domain';
import { addMonths, instantBounds, localMidnight, meetingStats, type MeetingReport } from '../../../shared/kpi';
import { localTimeZone, zoneClock } from '../../../shared/planning/calendar';
import { getDb } from '../core/db';

/**
 * Meeting statistics for one week (both ends included) and the month from `today`, computed by
 * the shared KPI function over only the rows it needs: done rows of the week and planned rows of
 * the coming month, both read through the [status+at] index instead of the whole history. Days are
 * local days in `tz` (default the laptop's zone), so the index ranges run from local midnight to
 * local midnight, the same bounds the KPI function applies.
 */
export async function loadMeetingReport(week: { from: IsoDate; to: IsoDate }, today: IsoDate, tz: string = localTimeZone()): Promise<MeetingReport> {
  const db = getDb();
  const clock = zoneClock(tz);
  const held = instantBounds(week.from, week.to, clock);
  const [done, planned] = await Promise.all([
    db.interactions.where('[status+at]').between(['done', held.lo], ['done', held.hi], true, false).toArray(),
    db.interactions.where('[status+at]').between(['planned', localMidnight(today, clock)], ['planned', localMidnight(addMonths(today, 1), clock)], true, false).toArray(),
  ]);
  const live = (r: Interaction) => r.deletedAt === undefined;
  return meetingStats([...done.filter(live), ...planned.filter(live)], { ...week, tz }, today);
}
