import type { GeoPoint } from '../geo/types';

// Driving estimates and stop order for one day. Straight-line distance times a road factor is
// what the issue asks for (no road network offline); it is good to ±20 % between towns, which is
// enough to decide an order and to warn before a day runs past working hours.

/** The settings the driving estimate reads (a RepWeek has them all). */
export type DriveModel = {
  /** Road km per straight-line km. */
  roadFactor: number;
  /** Average driving speed in km/h. */
  speedKmh: number;
  /** Least minutes between two different addresses, even in the same town. */
  minDriveMinutes: number;
};

/** Estimated leg between two stops; km is absent when either end has no point. */
export type Leg = { km?: number; minutes: number };

const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Road km and whole driving minutes between two different addresses. The minutes never drop
 * below `minDriveMinutes` (parking, walking in), so two accounts that geocode to the same town
 * centre are still apart; an end without a point costs just that minimum and no km.
 */
export function driveLeg(a: GeoPoint | undefined, b: GeoPoint | undefined, m: DriveModel): Leg {
  const min = Math.max(0, m.minDriveMinutes);
  if (!a || !b) return { minutes: min };
  const km = haversineKm(a, b) * m.roadFactor;
  const speed = m.speedKmh > 0 ? m.speedKmh : 60;
  return { km, minutes: Math.max(min, Math.ceil((km / speed) * 60)) };
}

/** Cost of a path through `order` (indices into dist), with optional fixed ends at index `start`/`end`. */
function pathCost(order: readonly number[], dist: (i: number, j: number) => number, start: number, end: number): number {
  let s = 0;
  let prev = start;
  for (const k of order) {
    if (prev >= 0) s += dist(prev, k);
    prev = k;
  }
  return end >= 0 && prev >= 0 ? s + dist(prev, end) : s;
}

/**
 * Orders stops to keep the drive short: nearest neighbour from the start, then 2-opt and or-opt
 * (move one stop elsewhere) until no move helps. `start` and `end` are fixed ends, or -1 for an
 * open end (a day without a set start point begins at its first visit). Stops are indices the
 * `dist` function understands; the result is a permutation of `stops`. For the ≤ 15 visits of a
 * day this takes well under a millisecond, which is why no solver library is used.
 */
export function orderStops(stops: readonly number[], dist: (i: number, j: number) => number, start = -1, end = -1): number[] {
  if (stops.length <= 1) return [...stops];
  const rest = [...stops];
  const order: number[] = [];
  let at = start;
  if (at < 0) {
    // Open start: begin at the stop farthest from the end (or the first), so the path runs towards it.
    at = end >= 0 ? rest.reduce((b, k) => (dist(k, end) > dist(b, end) ? k : b), rest[0] ?? 0) : (rest[0] ?? 0);
    order.push(at);
    rest.splice(rest.indexOf(at), 1);
  }
  while (rest.length > 0) {
    let best = 0;
    for (let i = 1; i < rest.length; i++) if (dist(at, rest[i] ?? 0) < dist(at, rest[best] ?? 0)) best = i;
    at = rest[best] ?? 0;
    order.push(at);
    rest.splice(best, 1);
  }
  return improve(order, dist, start, end);
}

/** 2-opt (reverse a stretch) and or-opt (move one stop) until neither shortens the path. */
export function improve(order: number[], dist: (i: number, j: number) => number, start: number, end: number): number[] {
  let best = [...order];
  let cost = pathCost(best, dist, start, end);
  const eps = 1e-9;
  for (let round = 0; round < 50; round++) {
    let improved = false;
    for (let i = 0; i < best.length - 1; i++) {
      for (let j = i + 1; j < best.length; j++) {
        const next = [...best.slice(0, i), ...best.slice(i, j + 1).reverse(), ...best.slice(j + 1)];
        const c = pathCost(next, dist, start, end);
        if (c < cost - eps) [best, cost, improved] = [next, c, true];
      }
    }
    for (let i = 0; i < best.length; i++) {
      for (let j = 0; j < best.length; j++) {
        if (i === j) continue;
        const next = [...best];
        const [k] = next.splice(i, 1);
        next.splice(j, 0, k ?? 0);
        const c = pathCost(next, dist, start, end);
        if (c < cost - eps) [best, cost, improved] = [next, c, true];
      }
    }
    if (!improved) break;
  }
  return best;
}

export { pathCost };
