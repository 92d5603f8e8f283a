import type { GeoPlace, GeoPoint } from '../geo/types';
import { asIsoDate, type IsoDate } from '../time';
import { parseInstant, toDayNumber, zoneClock } from './calendar';
import { generateBook } from './fixtures';
import { computeReminders, DEFAULT_REMINDER_SETTINGS } from './reminders';
import { DEFAULT_RHYTHMS } from './rhythm';
import { proposeWeekPlan } from './week-plan';

export type PlanningBench = {
  n: number;
  /** One plain pass over the same rows, reading the same fields: the floor. */
  floorMs: number;
  remindersMs: number;
  weekPlanMs: number;
  /** remindersMs / floorMs; the target is ≤ 3. */
  remindersRatio: number;
  weekPlanRatio: number;
  reminders: number;
  planned: number;
};

/**
 * Runs the measured functions interleaved and keeps each one's fastest run: on a shared, busy
 * laptop the minimum is the stable estimate of the cost, and interleaving exposes all of them to
 * the same background load.
 */
function timeAll(runs: number, fns: (() => void)[], now: () => number): number[] {
  for (const fn of fns) fn(); // warm-up: JIT and the zone-offset cache
  const best = fns.map(() => Number.POSITIVE_INFINITY);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t0 = now();
      fn();
      best[k] = Math.min(best[k] ?? Number.POSITIVE_INFINITY, now() - t0);
    });
  }
  return best;
}

type Book = ReturnType<typeof generateBook>;

/** Centres of the towns generateBook uses, keyed by postcode. */
const CITY_POINTS = new Map<string, GeoPoint>([
  ['80331', { lat: 48.1372, lon: 11.5756 }], ['10115', { lat: 52.532, lon: 13.385 }], ['20095', { lat: 53.551, lon: 9.994 }],
  ['50667', { lat: 50.938, lon: 6.957 }], ['70173', { lat: 48.778, lon: 9.18 }], ['01067', { lat: 51.056, lon: 13.735 }],
]);
const START: GeoPlace = { lat: 48.1372, lon: 11.5756, precision: 'postcode', label: '80331 München' };

/**
 * The floor: one plain pass over each array that reads every field the reminder rules read and
 * turns each instant they turn into a local day the same way (parseInstant + the zone clock), but
 * joins nothing, builds nothing and only counts. No implementation can do less.
 */
export function planningFloor(book: Book, today: IsoDate, tz = 'Europe/Berlin'): () => number {
  const clock = zoneClock(tz);
  const t = toDayNumber(today);
  const localDay = (s: string | undefined): number => (s ? clock.dayNumberAt(parseInstant(s)) : -1);
  return () => {
    let count = 0;
    for (const a of book.accounts) {
      if (a.archived || a.deletedAt !== undefined || a.ownerId === '' || a.lifecycle === 'lead' || a.id === '') continue;
      const days = a.rhythm?.humanDays ?? (a.category === 'A' ? 42 : a.accountType === 'expand' ? 63 : 91);
      if (localDay(a.lastHumanContactAt) + days <= t) count++;
      if (a.lastDigitalContactAt !== undefined) count++;
    }
    for (const c of book.contacts) {
      const b = c.birthday;
      if (b && c.deletedAt === undefined && !c.erased && c.accountId !== '' && b.month === 11 && b.day > 20 && (b.year ?? 0) >= 0) count++;
    }
    for (const i of book.interactions) {
      if (i.deletedAt !== undefined || i.status === 'cancelled' || i.accountId === '') continue;
      if (i.type === 'complaint' && i.complaint?.status !== 'resolved' && localDay(i.at) < t) count++;
      if (i.followUpDate && i.followUpDate <= today && i.at.length === 24) count++;
    }
    for (const d of book.deals) {
      if (d.deletedAt !== undefined || d.accountId === '' || (d.stage !== 'offer_sent' && d.stage !== 'negotiation')) continue;
      if (Math.max(localDay(d.offerSentAt ?? d.createdAt), localDay(d.lastFollowUpAt)) + 14 <= t) count++;
    }
    return count;
  };
}

/**
 * Times reminder computation and the week plan proposal over n generated accounts (one contact
 * each, n/2 interactions, n/10 offers, all owned by one rep) against the floor (planningFloor).
 * Best of a few interleaved runs, after a warm-up. `now` is the clock in ms: the Node bench passes
 * the process's CPU time, so other programs on a busy machine do not count (wall time by default).
 */
export function benchPlanning(n: number, runs = 9, now: () => number = () => performance.now()): PlanningBench {
  const book = generateBook(n);
  const today = asIsoDate('2026-11-23');
  let sink = 0;
  const floorPass = planningFloor(book, today);
  const floor = (): void => {
    sink += floorPass();
  };
  let reminders = 0;
  const input = { ...book, rhythms: DEFAULT_RHYTHMS, states: new Map() };
  const remindersRun = (): void => {
    reminders = computeReminders(input, today, { ...DEFAULT_REMINDER_SETTINGS, tz: 'Europe/Berlin' }).length;
  };
  let planned = 0;
  const weekPlanRun = (): void => {
    // Routed, as the Plan page runs it: a geocoder (a postcode lookup here) and the rep's start point.
    const plan = proposeWeekPlan({
      rep: 'rep-1', isoYear: 2026, isoWeek: 48, accounts: book.accounts, interactions: book.interactions, rhythms: DEFAULT_RHYTHMS,
      maxVisitsPerDay: 6, tz: 'Europe/Berlin', pointOf: (a) => CITY_POINTS.get(a.postalCode), startPoint: START,
    });
    planned = plan.days.reduce((s, d) => s + d.areas.reduce((t, a) => t + a.entries.length, 0), 0);
  };
  const [floorMs = 0, remindersMs = 0, weekPlanMs = 0] = timeAll(runs, [floor, remindersRun, weekPlanRun], now);
  if (sink < 0) throw new Error('unreachable'); // keeps the floor loop from being optimised away
  return { n, floorMs, remindersMs, weekPlanMs, remindersRatio: remindersMs / floorMs, weekPlanRatio: weekPlanMs / floorMs, reminders, planned };
}
