import type { IsoDate } from './brand';
import { MS_PER_DAY, toDayNumber } from './day-number';

const ZONE_TTL_MS = 1000;
let zoneName = '';
let zoneAt = 0;

/** The laptop's IANA zone; Node honours `TZ`, Electron the OS setting. */
export function localTimeZone(): string {
  // Resolving the zone builds a whole Intl.DateTimeFormat (tens of µs, far more on a busy machine), and
  // the customer list asked for it per row on every scroll frame (due column → todayIso → zoneClock):
  // the largest share of a fling frame in a profile. Resolved at most once a second, so a laptop that
  // changes zone (travel) is followed within a second.
  const now = Date.now();
  if (zoneName === '' || Math.abs(now - zoneAt) >= ZONE_TTL_MS) {
    zoneName = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    zoneAt = now;
  }
  return zoneName;
}

/** Converts between instants and a zone's local calendar; one per zone, it caches offsets. */
export type ZoneClock = {
  tz: string;
  /** UTC offset in minutes (east positive) at an instant. */
  offsetMinutesAt(ms: number): number;
  /** Local day number of an instant. */
  dayNumberAt(ms: number): number;
  /** The instant of a local wall-clock time; a time skipped by DST moves forward by the gap. */
  instantOf(date: IsoDate, hour: number, minute: number): number;
};

const clocks = new Map<string, ZoneClock>();

/** A cached clock for a zone; offsets come from Intl, so no tz database is bundled. */
export function zoneClock(tz: string = localTimeZone()): ZoneClock {
  const cached = clocks.get(tz);
  if (cached) return cached;
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const exact = (ms: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(ms)) p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
    return Math.round((wall - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
  };
  // Intl is ~100× slower than the arithmetic around it, and reminders run over 100k rows: offsets
  // are cached per UTC day. A day whose start and end offsets differ holds a transition; its
  // instant is found once by bisection (to the minute) and cached with the offsets either side.
  type DayOffset = number | { at: number; before: number; after: number };
  const perDay = new Map<number, DayOffset>();
  const offsetMinutesAt = (ms: number): number => {
    const day = Math.floor(ms / MS_PER_DAY);
    let off = perDay.get(day);
    if (off === undefined) {
      const before = exact(day * MS_PER_DAY);
      const after = exact(day * MS_PER_DAY + MS_PER_DAY - 60_000);
      if (before === after) off = before;
      else {
        let lo = day * MS_PER_DAY; // offset(lo) = before
        let hi = day * MS_PER_DAY + MS_PER_DAY - 60_000; // offset(hi) = after
        while (hi - lo > 60_000) {
          const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
          if (exact(mid) === before) lo = mid;
          else hi = mid;
        }
        off = { at: hi, before, after };
      }
      perDay.set(day, off);
    }
    return typeof off === 'number' ? off : ms < off.at ? off.before : off.after;
  };
  const clock: ZoneClock = {
    tz,
    offsetMinutesAt,
    dayNumberAt: (ms) => Math.floor((ms + offsetMinutesAt(ms) * 60_000) / MS_PER_DAY),
    instantOf: (date, hour, minute) => {
      const wall = toDayNumber(date) * MS_PER_DAY + (hour * 60 + minute) * 60_000;
      const first = wall - offsetMinutesAt(wall) * 60_000;
      const second = wall - offsetMinutesAt(first) * 60_000;
      // In a spring-forward gap neither guess round-trips; the later offset yields the wall time
      // shifted forward, which is what calendars do with a 02:30 that does not exist.
      return offsetMinutesAt(second) === offsetMinutesAt(first) ? second : Math.max(first, second);
    },
  };
  clocks.set(tz, clock);
  return clock;
}
