import type { GeoPoint } from '../geo/types';
import { haversineKm } from './route';

// Which proposed visit goes on which day: one area per day. A capacity-bounded k-means: days with
// appointments (or a birthday / follow-up tied to them) are seeded where those are, the other days
// where the visits are farthest from every seed, then visits move to their nearest day with room
// until the assignment settles. A few dozen visits and five days: microseconds.

/** A visit to place, in priority order (most urgent first). */
export type ClusterItem = {
  point: GeoPoint;
  /** Index of the day it belongs on (its birthday, its follow-up date), if that is a working day. */
  preferredDay?: number;
};
/** A working day: where its appointments are and how many more visits it can take. */
export type ClusterDay = { anchors: readonly GeoPoint[]; room: number };

function centroid(points: readonly GeoPoint[]): GeoPoint | undefined {
  if (points.length === 0) return undefined;
  let lat = 0;
  let lon = 0;
  for (const p of points) [lat, lon] = [lat + p.lat, lon + p.lon];
  return { lat: lat / points.length, lon: lon / points.length };
}

/**
 * Assigns each item a day index (or -1 when every day is full). Only as many empty days are
 * opened as the visits need (earliest first), so a light week is driven in fewer, fuller days
 * instead of five trips out and back. Among days without appointments, the area holding the most
 * urgent visit goes first. Deterministic for the same input.
 */
export function clusterDays(items: readonly ClusterItem[], days: readonly ClusterDay[], origin?: GeoPoint): number[] {
  const assign = items.map(() => -1);
  const room = days.map((d) => Math.max(0, d.room));
  const seeded = days.map((d) => d.anchors.length > 0);
  items.forEach((it, i) => {
    const d = it.preferredDay;
    if (d !== undefined && d >= 0 && d < days.length && (room[d] ?? 0) > 0) {
      assign[i] = d;
      room[d] = (room[d] ?? 0) - 1;
      seeded[d] = true;
    }
  });
  const free = items.map((_, i) => i).filter((i) => assign[i] === -1);
  // Open days: the seeded ones, then the earliest others until the free visits fit.
  const open = days.map((_, d) => seeded[d] === true && (room[d] ?? 0) > 0);
  let fits = room.reduce((s, r, d) => s + (open[d] ? r : 0), 0);
  for (let d = 0; d < days.length && fits < free.length; d++) {
    if (open[d] || (room[d] ?? 0) === 0) continue;
    open[d] = true;
    fits += room[d] ?? 0;
  }
  const members = (d: number): GeoPoint[] => [...(days[d]?.anchors ?? []), ...items.filter((_, i) => assign[i] === d && items[i]?.preferredDay === d).map((it) => it.point)];
  const centres: (GeoPoint | undefined)[] = days.map((_, d) => (open[d] ? centroid(members(d)) : undefined));
  for (let d = 0; d < days.length; d++) {
    if (!open[d] || centres[d]) continue;
    // Farthest-first: the free visit farthest from every centre so far (or from the start point).
    const known = centres.filter((c): c is GeoPoint => c !== undefined);
    if (known.length === 0 && origin) known.push(origin);
    let best = free[0];
    let bestD = -1;
    for (const i of free) {
      const p = items[i]?.point;
      if (!p) continue;
      const near = known.length === 0 ? 0 : Math.min(...known.map((c) => haversineKm(c, p)));
      if (near > bestD) [best, bestD] = [i, near];
    }
    centres[d] = best === undefined ? undefined : items[best]?.point;
  }
  const openDays = days.map((_, d) => d).filter((d) => open[d] && centres[d]);
  for (let round = 0; round < 12; round++) {
    const left = [...room];
    const dist = free.map((i) => openDays.map((d) => haversineKm(items[i]?.point as GeoPoint, centres[d] as GeoPoint)));
    const regret = dist.map((row) => {
      const [a = 0, b = a] = [...row].sort((x, y) => x - y);
      return b - a;
    });
    // Visits with most to lose if they do not get their nearest day choose first; ties by priority.
    const byRegret = free.map((_, k) => k).sort((a, b) => (regret[b] ?? 0) - (regret[a] ?? 0) || a - b);
    let changed = false;
    for (const k of byRegret) {
      const row = dist[k] ?? [];
      let pick = -1;
      let pickKm = Number.POSITIVE_INFINITY;
      for (let o = 0; o < openDays.length; o++) {
        const d = openDays[o] ?? 0;
        if ((left[d] ?? 0) > 0 && (row[o] ?? 0) < pickKm) [pick, pickKm] = [d, row[o] ?? 0];
      }
      const i = free[k] ?? 0;
      if (assign[i] !== pick) changed = true;
      assign[i] = pick;
      if (pick >= 0) left[pick] = (left[pick] ?? 0) - 1;
    }
    for (const d of openDays) centres[d] = centroid([...members(d), ...free.filter((i) => assign[i] === d).map((i) => items[i]?.point as GeoPoint)]) ?? centres[d];
    if (!changed && round > 0) break;
  }
  return relabel(assign, days.map((_, d) => open[d] === true && !(days[d]?.anchors.length ?? 0) && !items.some((it, i) => assign[i] === d && it.preferredDay === d)));
}

/** Interchangeable days (no appointment, no tied visit) take their areas in order of the most urgent visit. */
function relabel(assign: number[], swappable: boolean[]): number[] {
  const days = swappable.map((s, d) => (s ? d : -1)).filter((d) => d >= 0);
  const firstOf = (d: number): number => {
    const i = assign.indexOf(d);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const byUrgency = [...days].sort((a, b) => firstOf(a) - firstOf(b) || a - b);
  const map = new Map(byUrgency.map((from, k) => [from, days[k] ?? from]));
  return assign.map((d) => map.get(d) ?? d);
}
