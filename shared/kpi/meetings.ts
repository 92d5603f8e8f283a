import type { Id, IsoDate } from '../domain/common';
import type { Interaction, InteractionType } from '../domain/interaction';
import type { Accumulator, Ratio, ReportPeriod } from './common';
import { ratio, runAccumulator } from './common';
import { zoneClock } from '../planning/calendar';
import { addMonths, instantBounds, localMidnight } from './dates';

/** Face-to-face appointments: a field rep's visit is a meeting with the customer. */
export const MEETING_TYPES: ReadonlySet<InteractionType> = new Set(['visit', 'meeting']);

/** Meeting figures of one person or of the team. */
export type MeetingStats = {
  /** Done meetings dated in the window. */
  held: number;
  /** Held meetings with outcome `successful`, ÷ held. */
  successful: Ratio;
  /** Held meetings with a follow-up date agreed (`followUpDate` set), ÷ held. */
  followUpBooked: Ratio;
  /** Planned meetings from today for one month (today included, same day next month excluded). */
  upcoming: number;
};

export type MeetingReport = {
  /** The window "held" refers to, usually one ISO week; both ends included. */
  window: { from: IsoDate; to: IsoDate };
  /** Everybody in the filtered rows. */
  team: MeetingStats;
  /** Per team member (`userId`), sorted by id. */
  byPerson: (MeetingStats & { userId: Id })[];
};

type Counts = { held: number; ok: number; follow: number; upcoming: number };

function toStats(c: Counts): MeetingStats {
  return { held: c.held, successful: ratio(c.ok, c.held), followUpBooked: ratio(c.follow, c.held), upcoming: c.upcoming };
}

/**
 * Meeting statistics; feed the filtered interactions (rep = who had the meeting). A meeting
 * belongs to its local day in `window.tz` (default the laptop's zone), the calendar the window
 * and `today` are meant in: one at 00:30 on Monday is Monday's, not Sunday's.
 */
export function meetingAccumulator(
  window: ReportPeriod,
  today: IsoDate,
  types: ReadonlySet<InteractionType> = MEETING_TYPES,
): Accumulator<Interaction, MeetingReport> {
  const clock = zoneClock(window.tz);
  const { lo, hi } = instantBounds(window.from, window.to, clock);
  // Upcoming: [today, same day next month), from local midnight to local midnight.
  const upFrom = localMidnight(today, clock);
  const upTo = localMidnight(addMonths(today, 1), clock);
  const team: Counts = { held: 0, ok: 0, follow: 0, upcoming: 0 };
  const people = new Map<Id, Counts>();
  const person = (id: Id): Counts => {
    let c = people.get(id);
    if (c === undefined) {
      c = { held: 0, ok: 0, follow: 0, upcoming: 0 };
      people.set(id, c);
    }
    return c;
  };
  return {
    add(i) {
      if (!types.has(i.type)) return;
      if (i.status === 'done' && i.at >= lo && i.at < hi) {
        const ok = i.outcome === 'successful' ? 1 : 0;
        const follow = i.followUpDate !== undefined && i.followUpDate !== '' ? 1 : 0;
        const p = person(i.userId);
        team.held += 1;
        team.ok += ok;
        team.follow += follow;
        p.held += 1;
        p.ok += ok;
        p.follow += follow;
      } else if (i.status === 'planned' && i.at >= upFrom && i.at < upTo) {
        team.upcoming += 1;
        person(i.userId).upcoming += 1;
      }
    },
    result: () => ({
      window: { from: window.from, to: window.to },
      team: toStats(team),
      byPerson: [...people.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([userId, c]) => ({ userId, ...toStats(c) })),
    }),
  };
}

export function meetingStats(
  interactions: readonly Interaction[],
  window: ReportPeriod,
  today: IsoDate,
  types?: ReadonlySet<InteractionType>,
): MeetingReport {
  return runAccumulator(interactions, meetingAccumulator(window, today, types));
}
