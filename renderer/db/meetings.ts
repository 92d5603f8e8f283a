import type { Interaction, IsoDate } from '../../shared/domain';
import { addDays, addMonths, meetingStats, type MeetingReport } from '../../shared/kpi';
import { getDb } from './db';

/**
 * Meeting statistics for one week (both ends included) and the month from `today`, computed by
 * the shared KPI function over only the rows it needs: done rows of the week and planned rows of
 * the coming month, both read through the [status+at] index instead of the whole history.
 */
export async function loadMeetingReport(week: { from: IsoDate; to: IsoDate }, today: IsoDate): Promise<MeetingReport> {
  const db = getDb();
  const [done, planned] = await Promise.all([
    db.interactions.where('[status+at]').between(['done', week.from], ['done', addDays(week.to, 1)], true, false).toArray(),
    db.interactions.where('[status+at]').between(['planned', today], ['planned', addMonths(today, 1)], true, false).toArray(),
  ]);
  const live = (r: Interaction) => r.deletedAt === undefined;
  return meetingStats([...done.filter(live), ...planned.filter(live)], week, today);
}
