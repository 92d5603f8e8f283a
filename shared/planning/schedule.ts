import type { GeoPoint } from '../geo/types';
import { driveLeg, improve, orderStops, pathCost, type DriveModel, type Leg } from './route';

// One day of the plan: which visits fit between the start and the end point within working
// hours, in which order, at which times. Appointments are anchors: they keep their time, the rep
// waits when early, and a visit that would make one late (or the day end after hours) is refused.

/** Minute of the day of a local `HH:mm` (0 when unreadable). */
export function minutesOf(time: string): number {
  const m = /^(\d{1,2}):(\d{2})/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** Local `HH:mm` of a minute of the day. */
export function clockOf(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A stop of the day: an appointment (fixedAt set) or a proposed visit. */
export type DayStop = {
  /** Caller's handle for the stop (index into its own list). */
  key: number;
  /** Where the stop is; absent when the account could not be placed (then only the minimum drive counts). */
  point?: GeoPoint;
  /** Length of the visit in minutes. */
  minutes: number;
  /** Minute of the day the appointment starts; absent for a proposed visit. */
  fixedAt?: number;
};

/** The day's frame: working hours, the start and end point, the driving model. */
export type DayFrame = {
  model: DriveModel;
  /** First possible departure, minute of the day. */
  workStart: number;
  /** Latest return to the end point, minute of the day. */
  workEnd: number;
  /** Where the day starts; absent: at the first visit. */
  from?: GeoPoint;
  /** Where the day ends; absent: at the last visit. */
  to?: GeoPoint;
};

/** A stop with its times. */
export type TimedStop = { stop: DayStop; leg: Leg; start: number; end: number; wait: number };
/** A scheduled day: ok when no appointment is missed and the rep is back by the end of work. */
export type DaySchedule = { ok: boolean; stops: TimedStop[]; backLeg?: Leg; back: number };

/** Times of a route in the given order: each visit starts when the previous ends plus the drive. */
export function scheduleDay(route: readonly DayStop[], frame: DayFrame): DaySchedule {
  const stops: TimedStop[] = [];
  let t = frame.workStart;
  let prev = frame.from;
  let started = frame.from !== undefined;
  let ok = true;
  for (const stop of route) {
    const leg = started ? driveLeg(prev, stop.point, frame.model) : { minutes: 0 };
    // A day that opens with an appointment starts just in time for it (early, if it is before hours).
    if (stops.length === 0 && stop.fixedAt !== undefined) t = stop.fixedAt - leg.minutes;
    const arrive = t + leg.minutes;
    let start = arrive;
    if (stop.fixedAt !== undefined) {
      if (arrive > stop.fixedAt) ok = false;
      start = stop.fixedAt;
    }
    const end = start + stop.minutes;
    stops.push({ stop, leg, start, end, wait: Math.max(0, start - arrive) });
    t = end;
    prev = stop.point;
    started = true;
  }
  const home = frame.to ?? frame.from;
  const backLeg = stops.length > 0 && home ? driveLeg(prev, home, frame.model) : undefined;
  const back = t + (backLeg?.minutes ?? 0);
  if (back > frame.workEnd) ok = false;
  return { ok, stops, back, ...(backLeg ? { backLeg } : {}) };
}

/** A day's plan: the route in driving order, its times, and the proposed visits that did not fit. */
export type DayPlan = { route: DayStop[]; schedule: DaySchedule; rejected: DayStop[] };

/**
 * Fits proposed visits (in priority order) around the day's appointments: each goes where it adds
 * the least driving without making the day infeasible (or is rejected), then each stretch between
 * appointments is re-ordered (nearest neighbour, 2-opt, or-opt) when that drives less and still fits.
 * A day whose appointments alone already overrun takes no proposed visits at all.
 */
export function planDay(fixed: readonly DayStop[], flex: readonly DayStop[], frame: DayFrame): DayPlan {
  let route = [...fixed].sort((a, b) => (a.fixedAt ?? 0) - (b.fixedAt ?? 0) || a.key - b.key);
  if (!scheduleDay(route, frame).ok) return { route, schedule: scheduleDay(route, frame), rejected: [...flex] };
  const km = (a: GeoPoint | undefined, b: GeoPoint | undefined): number => (a && b ? driveLeg(a, b, frame.model).km ?? 0 : 0);
  const rejected: DayStop[] = [];
  for (const stop of flex) {
    let best: DayStop[] | undefined;
    let bestAdd = Number.POSITIVE_INFINITY;
    let bestBack = 0;
    // Least added km; on a tie the earliest return (a visit before an appointment rather than after), then the latest place.
    for (let p = route.length; p >= 0; p--) {
      const before = p > 0 ? route[p - 1]?.point : frame.from;
      const after = p < route.length ? route[p]?.point : (frame.to ?? frame.from);
      const add = km(before, stop.point) + km(stop.point, after) - km(before, after);
      if (add > bestAdd + 1e-9) continue;
      const next = [...route.slice(0, p), stop, ...route.slice(p)];
      const timed = scheduleDay(next, frame);
      if (timed.ok && (add < bestAdd - 1e-9 || timed.back < bestBack)) [best, bestAdd, bestBack] = [next, add, timed.back];
    }
    if (best) route = best;
    else rejected.push(stop);
  }
  route = reorderStretches(route, frame);
  return { route, schedule: scheduleDay(route, frame), rejected };
}

/** Re-orders each run of proposed visits between two anchors (appointments, start, end) when that is shorter and fits. */
function reorderStretches(route: DayStop[], frame: DayFrame): DayStop[] {
  let out = route;
  let i = 0;
  while (i < out.length) {
    if (out[i]?.fixedAt !== undefined) {
      i++;
      continue;
    }
    let j = i;
    while (j < out.length && out[j]?.fixedAt === undefined) j++;
    // Points of the stretch, then its anchors: the stop before (or the day's start) and after (or the end).
    const run = out.slice(i, j);
    const before = i > 0 ? out[i - 1]?.point : frame.from;
    const after = j < out.length ? out[j]?.point : (frame.to ?? frame.from);
    const pts = [...run.map((s) => s.point), before, after];
    const dist = (a: number, b: number): number => {
      const p = pts[a];
      const q = pts[b];
      return p && q ? driveLeg(p, q, frame.model).km ?? 0 : 0;
    };
    const idx = run.map((_, k) => k);
    const s = before ? run.length : -1;
    const e = after ? run.length + 1 : -1;
    let bestOrder = idx;
    let bestCost = pathCost(idx, dist, s, e);
    for (const order of [improve(idx, dist, s, e), orderStops(idx, dist, s, e)]) {
      const c = pathCost(order, dist, s, e);
      if (c >= bestCost - 1e-9) continue;
      const next = [...out.slice(0, i), ...order.map((k) => run[k] as DayStop), ...out.slice(j)];
      if (scheduleDay(next, frame).ok) [bestOrder, bestCost] = [order, c];
    }
    out = [...out.slice(0, i), ...bestOrder.map((k) => run[k] as DayStop), ...out.slice(j)];
    i = j;
  }
  return out;
}
