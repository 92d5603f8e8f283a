import type { GeoPlace, GeoPoint } from '../geo/types';
import { fromDayNumber } from './calendar';
import { clusterDays } from './cluster';
import type { RepWeek } from './rep-week';
import { clockOf, minutesOf, planDay, type DayFrame, type DayPlan, type DayStop } from './schedule';
import type { WeekPlanArea, WeekPlanDay, WeekPlanEntry } from './week-plan';

// Lays the chosen visits out over the week: days by area, each day routed and timed. The
// candidate pass (week-plan.ts) has already decided who is urgent enough; this decides where and
// when, and hands back the visits no day could take in working hours.

/** A proposed visit that made the cut, with what routing needs. */
export type PlanCandidate = {
  entry: WeekPlanEntry;
  /** Priority score, lower is more urgent. */
  score: number;
  areaKey: string;
  /** Visit length in minutes (by category). */
  minutes: number;
  point?: GeoPoint;
  /** Day number of its birthday or follow-up date, when that is a working day of the week. */
  preferredDay?: number;
};
/** A pinned appointment of the week. */
export type PlanAppointment = {
  entry: WeekPlanEntry;
  areaKey: string;
  minutes: number;
  /** Length the appointment itself states, which wins over the category's visit length. */
  duration?: number;
  point?: GeoPoint;
  /** Minute of the day it starts. */
  at: number;
};

export type LayoutInput = {
  week: readonly number[];
  workdays: readonly number[];
  appts: ReadonlyMap<number, readonly PlanAppointment[]>;
  /** Chosen visits, most urgent first. */
  chosen: readonly PlanCandidate[];
  /** The next most urgent visit that did not make the cut, for days with room left (undefined: none). */
  reserve?: () => PlanCandidate | undefined;
  /** Proposed visits each working day can take at most (count). */
  capacity: ReadonlyMap<number, number>;
  repWeek: RepWeek;
  /** Whether accounts carry points (a geocoder was given). */
  routed: boolean;
  from?: GeoPlace;
  to?: GeoPlace;
};

const round1 = (km: number): number => Math.round(km * 10) / 10;

/**
 * The routed days of the week; the chosen visits that fit on no day (most urgent first); and the
 * reserve visits that were taken to fill days whose chosen visits were too far away to fit.
 */
export function layoutWeek(input: LayoutInput): { days: WeekPlanDay[]; left: PlanCandidate[]; added: PlanCandidate[] } {
  const { chosen, workdays, repWeek: rw } = input;
  const frame: DayFrame = {
    model: rw, workStart: minutesOf(rw.workStart), workEnd: minutesOf(rw.workEnd),
    ...(input.from ? { from: { lat: input.from.lat, lon: input.from.lon } } : {}),
    ...(input.to ? { to: { lat: input.to.lat, lon: input.to.lon } } : {}),
  };
  // Stop keys: 0, 1, … the candidates in priority order (reserve ones appended), −1, −2, … the appointments.
  const cands = [...chosen];
  const apptList = input.week.flatMap((d) => input.appts.get(d) ?? []);
  const sourceOf = (key: number): PlanCandidate | PlanAppointment => (key >= 0 ? cands[key] : apptList[-1 - key]) as PlanCandidate;
  const fixedOf = (d: number): DayStop[] => (input.appts.get(d) ?? []).map((a) => ({ key: -1 - apptList.indexOf(a), minutes: a.minutes, fixedAt: a.at, ...(a.point ? { point: a.point } : {}) }));
  const stopOf = (key: number): DayStop => ({ key, minutes: cands[key]?.minutes ?? 0, ...(cands[key]?.point ? { point: cands[key]?.point as GeoPoint } : {}) });
  const room = (k: number): number => input.capacity.get(workdays[k] ?? -1) ?? 0;

  const dayIdx = new Map(workdays.map((d, k) => [d, k]));
  const preferred = (c: PlanCandidate): number | undefined => (c.preferredDay === undefined ? undefined : dayIdx.get(c.preferredDay));
  const assign = input.routed
    ? clusterDays(
      chosen.map((c) => ({ point: c.point ?? { lat: 0, lon: 0 }, ...(preferred(c) !== undefined ? { preferredDay: preferred(c) } : {}) })),
      workdays.map((d, k) => ({ anchors: (input.appts.get(d) ?? []).flatMap((a) => (a.point ? [a.point] : [])), room: room(k) })),
      frame.from,
    )
    : byRegion(chosen, workdays.map((d, k) => ({ regions: new Set((input.appts.get(d) ?? []).map((a) => a.areaKey.slice(0, 2))), room: room(k) })), preferred);
  const flex: number[][] = workdays.map(() => []);
  const pool: number[] = [];
  assign.forEach((k, key) => (k >= 0 ? flex[k]?.push(key) : pool.push(key)));
  const run = (k: number, keys: number[]): DayPlan => planDay(fixedOf(workdays[k] ?? 0), [...keys].sort((a, b) => a - b).map(stopOf), frame);
  const plans = workdays.map((_, k) => run(k, flex[k] ?? []));
  plans.forEach((p, k) => {
    const out = new Set(p.rejected.map((s) => s.key));
    flex[k] = (flex[k] ?? []).filter((key) => !out.has(key));
    pool.push(...out);
  });
  const left = resettle(pool, flex, plans, room, run);
  const added: PlanCandidate[] = [];
  // Days left with room (their visits were too far apart to fit) take the next most urgent visits that fit.
  for (let misses = 0; misses < 12 && input.reserve && flex.some((keys, k) => keys.length < room(k));) {
    const c = input.reserve();
    if (!c) break;
    const key = cands.push(c) - 1;
    const best = bestDay(key, flex, plans, room, run);
    if (!best) {
      misses++;
      continue;
    }
    flex[best.k] = [...(flex[best.k] ?? []), key];
    plans[best.k] = best.plan;
    added.push(c);
  }

  const days: WeekPlanDay[] = [];
  for (const d of input.week) {
    const k = dayIdx.get(d);
    if (k === undefined && !input.appts.get(d)?.length) continue;
    const plan = k === undefined ? planDay(fixedOf(d), [], frame) : (plans[k] as DayPlan);
    days.push(dayOut(fromDayNumber(d), plan, frame, sourceOf, input));
  }
  return { days, left: left.map((key) => cands[key] as PlanCandidate), added };
}

const dayKm = (p: DayPlan): number => p.schedule.stops.reduce((s, t) => s + (t.leg.km ?? 0), p.schedule.backLeg?.km ?? 0);

type Run = (k: number, keys: number[]) => DayPlan;

/** The day with room where the visit fits and adds the least driving. */
function bestDay(key: number, flex: number[][], plans: DayPlan[], room: (k: number) => number, run: Run): { k: number; plan: DayPlan; add: number } | undefined {
  let best: { k: number; plan: DayPlan; add: number } | undefined;
  flex.forEach((keys, k) => {
    if (keys.length >= room(k)) return;
    const plan = run(k, [...keys, key]);
    const add = dayKm(plan) - dayKm(plans[k] as DayPlan);
    if (plan.rejected.length === 0 && (!best || add < best.add)) best = { k, plan, add };
  });
  return best;
}

/**
 * Finds a day for each visit its own day could not fit (most urgent first): the day where it
 * adds the least driving, or else in place of a less urgent visit, which then tries in turn.
 * Returns the keys that fit nowhere.
 */
function resettle(pool: number[], flex: number[][], plans: DayPlan[], room: (k: number) => number, run: Run): number[] {
  const left: number[] = [];
  const queue = [...pool].sort((a, b) => a - b);
  for (let guard = 0; queue.length > 0 && guard < 1000; guard++) {
    const key = queue.shift() as number;
    let best = bestDay(key, flex, plans, room, run);
    if (!best) {
      for (let k = 0; k < flex.length && !best; k++) {
        const keys = flex[k] ?? [];
        const worst = Math.max(-1, ...keys);
        if (worst < key) continue;
        const plan = run(k, [...keys.filter((x) => x !== worst), key]);
        if (plan.rejected.length > 0) continue;
        best = { k, plan, add: 0 };
        flex[k] = keys.filter((x) => x !== worst);
        queue.push(worst);
        queue.sort((a, b) => a - b);
      }
    }
    if (!best) {
      left.push(key);
      continue;
    }
    flex[best.k] = [...(flex[best.k] ?? []), key];
    plans[best.k] = best.plan;
  }
  return [...left, ...queue].sort((a, b) => a - b);
}

/**
 * Without points: whole postal regions go to one day (largest first, onto a day already going
 * there or the one with most room); a birthday or follow-up goes on its own day when it has room.
 */
function byRegion(chosen: readonly PlanCandidate[], days: { regions: Set<string>; room: number }[], preferred: (c: PlanCandidate) => number | undefined): number[] {
  const assign = chosen.map(() => -1);
  chosen.forEach((c, key) => {
    const k = preferred(c);
    const day = k === undefined ? undefined : days[k];
    if (k === undefined || !day || day.room <= 0) return;
    assign[key] = k;
    day.room -= 1;
    day.regions.add(c.areaKey.slice(0, 2));
  });
  const clusters = new Map<string, number[]>();
  chosen.forEach((c, key) => assign[key] === -1 && clusters.set(c.areaKey.slice(0, 2), [...(clusters.get(c.areaKey.slice(0, 2)) ?? []), key]));
  const order = [...clusters.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  for (const [region, keys] of order) {
    let rest = keys;
    while (rest.length > 0) {
      let best = -1;
      days.forEach((d, k) => {
        if (d.room <= 0) return;
        const b = days[best];
        const here = d.regions.has(region);
        const bestHere = b?.regions.has(region) ?? false;
        if (!b || (here && !bestHere) || (here === bestHere && d.room > b.room)) best = k;
      });
      const day = days[best];
      if (!day) break;
      const take = rest.slice(0, day.room);
      for (const key of take) assign[key] = best;
      rest = rest.slice(take.length);
      day.room -= take.length;
      day.regions.add(region);
    }
  }
  return assign;
}

/** A day's output: entries in route order, grouped into consecutive runs of the same area. */
function dayOut(date: WeekPlanDay['date'], plan: DayPlan, frame: DayFrame, sourceOf: (key: number) => PlanCandidate | PlanAppointment, input: LayoutInput): WeekPlanDay {
  const areas: WeekPlanArea[] = [];
  let km = 0;
  let driveMinutes = 0;
  plan.schedule.stops.forEach((t, i) => {
    const src = sourceOf(t.stop.key);
    const drove = i > 0 || frame.from !== undefined;
    if (drove) [km, driveMinutes] = [km + (t.leg.km ?? 0), driveMinutes + t.leg.minutes];
    const entry: WeekPlanEntry = {
      ...src.entry, start: clockOf(t.start), end: clockOf(t.end),
      ...(src.point ? { point: src.point } : {}),
      ...(drove ? { driveMinutes: t.leg.minutes, ...(t.leg.km !== undefined ? { driveKm: round1(t.leg.km) } : {}) } : {}),
      ...(t.wait > 0 ? { waitMinutes: t.wait } : {}),
    };
    const last = areas[areas.length - 1];
    if (last && last.areaKey === src.areaKey) last.entries.push(entry);
    else areas.push({ areaKey: src.areaKey, entries: [entry] });
  });
  const back = plan.schedule.backLeg;
  if (back) [km, driveMinutes] = [km + (back.km ?? 0), driveMinutes + back.minutes];
  if (areas.length === 0) return { date, areas, ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) };
  return {
    date, areas, ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}),
    ...(input.routed ? { km: round1(km) } : {}), driveMinutes, back: clockOf(plan.schedule.back),
  };
}
