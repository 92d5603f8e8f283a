import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchOptimum, benchWeekKm } from './route-bench';
import { defaultRepWeek } from './rep-week';
import { driveLeg, haversineKm, orderStops, pathCost } from './route';

const MUC = { lat: 48.1372, lon: 11.5756 };
const CGN = { lat: 50.9375, lon: 6.9603 };

describe('driving estimate', () => {
  it('measures straight-line km and turns them into road km and minutes', () => {
    expect(haversineKm(MUC, CGN)).toBeGreaterThan(450);
    expect(haversineKm(MUC, CGN)).toBeLessThan(460);
    const leg = driveLeg(MUC, CGN, defaultRepWeek());
    expect(leg.km).toBeCloseTo(haversineKm(MUC, CGN) * 1.3, 6);
    expect(leg.minutes).toBe(Math.ceil(((leg.km ?? 0) / 60) * 60));
  });

  it('never puts two addresses 0 minutes apart, and costs the minimum where a point is missing', () => {
    expect(driveLeg(MUC, MUC, defaultRepWeek())).toEqual({ km: 0, minutes: 10 });
    expect(driveLeg(MUC, { lat: 48.14, lon: 11.58 }, { ...defaultRepWeek(), minDriveMinutes: 7 }).minutes).toBe(7);
    expect(driveLeg(undefined, MUC, defaultRepWeek())).toEqual({ minutes: 10 });
  });
});

describe('orderStops', () => {
  it('returns every stop once and never drives more than the order it was given', () => {
    const pt = fc.record({ lat: fc.double({ min: 47, max: 55, noNaN: true }), lon: fc.double({ min: 6, max: 15, noNaN: true }) });
    fc.assert(fc.property(fc.array(pt, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), (pts, hasStart, hasEnd) => {
      const all = [...pts, MUC, CGN];
      const dist = (a: number, b: number): number => haversineKm(all[a] ?? MUC, all[b] ?? MUC);
      const start = hasStart ? pts.length : -1;
      const end = hasEnd ? pts.length + 1 : -1;
      const given = pts.map((_, k) => k);
      const order = orderStops(given, dist, start, end);
      expect([...order].sort((a, b) => a - b)).toEqual(given);
      expect(pathCost(order, dist, start, end)).toBeLessThanOrEqual(pathCost(given, dist, start, end) + 1e-9);
    }));
  });
});

describe('route bench', () => {
  // Shape only: the figures are printed by `npm run bench` (tests/bench/planning.ts), not asserted here.
  it('returns km for the proposal, the due-date plan and the optimum', () => {
    const w = benchWeekKm(1, 120);
    expect(w.visits).toBeGreaterThan(0);
    expect(w.proposedKm).toBeGreaterThan(0);
    expect(w.dueOrderKm).toBeGreaterThan(0);
    const o = benchOptimum(5, 1);
    expect(o.plannedKm).toBeGreaterThanOrEqual(o.optimumKm - 1e-6);
    expect(o.worst.plannedKm).toBeGreaterThanOrEqual(o.worst.optimumKm - 1e-6);
  });
});
