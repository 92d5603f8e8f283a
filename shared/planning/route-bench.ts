import { segmentKey, type Account } from '../domain';
import type { GeoPlace, GeoPoint } from '../geo/types';
import { zoneClock } from './calendar';
import { makeAccount, seededRandom } from './fixtures';
import { defaultRepWeek } from './rep-week';
import { DEFAULT_RHYTHMS, lastDayOf, rhythmDaysOf } from './rhythm';
import { driveLeg } from './route';
import { planDay, type DayFrame } from './schedule';
import { proposeWeekPlan } from './week-plan';

// Route-quality figures for the bench (tests/bench/planning.ts): driving km of a proposed week
// against a plan by due date alone, and a day's order against the brute-force optimum.

/** Towns of a southern-Bavarian territory (postcode regions 80–87), real centre coordinates. */
export const TERRITORY: readonly [string, string, number, number][] = [
  ['80331', 'München', 48.1372, 11.5756], ['86150', 'Augsburg', 48.3705, 10.8978], ['85049', 'Ingolstadt', 48.7665, 11.4258],
  ['83022', 'Rosenheim', 47.8561, 12.1289], ['84028', 'Landshut', 48.5372, 12.1522], ['85354', 'Freising', 48.4029, 11.7489],
  ['85435', 'Erding', 48.3064, 11.9077], ['85221', 'Dachau', 48.26, 11.4342], ['82256', 'Fürstenfeldbruck', 48.179, 11.255],
  ['82319', 'Starnberg', 47.999, 11.3406], ['82362', 'Weilheim', 47.84, 11.14], ['83646', 'Bad Tölz', 47.7603, 11.557],
  ['83278', 'Traunstein', 47.8684, 12.6434], ['83512', 'Wasserburg am Inn', 48.06, 12.233], ['84453', 'Mühldorf am Inn', 48.2467, 12.5228],
  ['84503', 'Altötting', 48.2264, 12.6769], ['82467', 'Garmisch-Partenkirchen', 47.4917, 11.0955], ['87600', 'Kaufbeuren', 47.88, 10.622],
  ['86899', 'Landsberg am Lech', 48.048, 10.878], ['85276', 'Pfaffenhofen', 48.53, 11.51], ['86529', 'Schrobenhausen', 48.56, 11.26],
  ['86633', 'Neuburg an der Donau', 48.7333, 11.1833], ['85368', 'Moosburg', 48.47, 11.938], ['85560', 'Ebersberg', 48.077, 11.97],
  ['83714', 'Miesbach', 47.789, 11.833], ['83607', 'Holzkirchen', 47.885, 11.7],
];
const OFFICE: GeoPlace = { lat: 48.1372, lon: 11.5756, precision: 'postcode', label: '80331 München' };

/** One rep's book in the territory: a third in München, the rest spread over the towns, each a few km off the centre. */
export function territoryBook(n: number, seed: number): { accounts: Account[]; points: Map<string, GeoPoint> } {
  const rnd = seededRandom(seed);
  const monday = Date.UTC(2026, 10, 23);
  const accounts: Account[] = [];
  const points = new Map<string, GeoPoint>();
  for (let i = 0; i < n; i++) {
    const [postalCode, city, lat, lon] = (rnd() < 0.3 ? TERRITORY[0] : TERRITORY[Math.floor(rnd() * TERRITORY.length)]) ?? ['80331', 'München', 48.1, 11.6];
    const category = (['A', 'B', 'C', 'D'] as const)[Math.floor(rnd() * 4)] ?? 'A';
    const accountType = rnd() < 0.5 ? 'expand' : 'maintain';
    const span = DEFAULT_RHYTHMS[segmentKey(category, accountType)].humanDays * 1.5;
    const last = new Date(monday - Math.floor(rnd() * span) * 86_400_000 - 36_000_000).toISOString();
    const id = `t${seed}-${i}`;
    accounts.push(makeAccount({ id, postalCode, city, category, accountType, lastHumanContactAt: last }));
    points.set(id, { lat: lat + (rnd() - 0.5) * 0.06, lon: lon + (rnd() - 0.5) * 0.09 });
  }
  return { accounts, points };
}

const pathKm = (stops: readonly GeoPoint[], from: GeoPoint, model = defaultRepWeek()): number => {
  let km = 0;
  let prev = from;
  for (const p of [...stops, from]) [km, prev] = [km + (driveLeg(prev, p, model).km ?? 0), p];
  return stops.length > 0 ? km : 0;
};

export type WeekKmBench = { weeks: number; visits: number; proposedKm: number; dueOrderKm: number };

/**
 * Proposed weeks against the plan by due date alone, over `weeks` generated books of `n` accounts:
 * the same number of visits per day, days filled with the accounts that fell due first, each day
 * driven in the order listed, from and back to the same office.
 */
export function benchWeekKm(weeks = 8, n = 250): WeekKmBench {
  const clock = zoneClock('Europe/Berlin');
  const rhythmOf = rhythmDaysOf(DEFAULT_RHYTHMS, 'human');
  let [visits, proposedKm, dueOrderKm] = [0, 0, 0];
  for (let w = 0; w < weeks; w++) {
    const { accounts, points } = territoryBook(n, w + 1);
    const plan = proposeWeekPlan({
      rep: 'rep-1', isoYear: 2026, isoWeek: 48, accounts, interactions: [], rhythms: DEFAULT_RHYTHMS, maxVisitsPerDay: 6,
      tz: 'Europe/Berlin', pointOf: (a) => points.get(a.id), startPoint: OFFICE,
    });
    const counts = plan.days.map((d) => d.areas.reduce((s, a) => s + a.entries.length, 0));
    proposedKm += plan.days.reduce((s, d) => s + (d.km ?? 0), 0);
    const dueDay = (a: Account): number => (lastDayOf(a.lastHumanContactAt, clock) ?? 0) + rhythmOf(a);
    const byDue = [...accounts].sort((a, b) => dueDay(a) - dueDay(b) || (a.id < b.id ? -1 : 1));
    let next = 0;
    for (const c of counts) {
      const day = byDue.slice(next, next + c).map((a) => points.get(a.id) as GeoPoint);
      next += c;
      visits += c;
      dueOrderKm += pathKm(day, OFFICE);
    }
  }
  return { weeks, visits, proposedKm, dueOrderKm };
}

/** Shortest office → all points → office by depth-first search over every order (fine up to 9 points). */
function shortestKm(pts: readonly GeoPoint[], home: GeoPoint): number {
  const n = pts.length;
  const model = defaultRepWeek();
  const km = (a: GeoPoint, b: GeoPoint): number => driveLeg(a, b, model).km ?? 0;
  const d = pts.map((p) => pts.map((q) => km(p, q)));
  const fromHome = pts.map((p) => km(home, p));
  let best = Number.POSITIVE_INFINITY;
  const used = new Array<boolean>(n).fill(false);
  const walk = (at: number, depth: number, sum: number): void => {
    if (sum >= best) return;
    if (depth === n) {
      best = Math.min(best, sum + (fromHome[at] ?? 0));
      return;
    }
    for (let k = 0; k < n; k++) {
      if (used[k]) continue;
      used[k] = true;
      walk(k, depth + 1, sum + (d[at]?.[k] ?? 0));
      used[k] = false;
    }
  };
  for (let k = 0; k < n; k++) {
    used[k] = true;
    walk(k, 1, fromHome[k] ?? 0);
    used[k] = false;
  }
  return best;
}

export type OptimumBench = {
  cases: number;
  plannedKm: number;
  optimumKm: number;
  /** The day where the planner is farthest from the optimum: its km and the optimum's. */
  worst: { plannedKm: number; optimumKm: number };
};

/** The planner's order of one day (4–8 visits in the territory, no appointments) against every possible order. */
export function benchOptimum(cases = 200, seed = 7): OptimumBench {
  const rnd = seededRandom(seed);
  const frame: DayFrame = { model: defaultRepWeek(), workStart: 0, workEnd: 24 * 60 * 3, from: OFFICE };
  let [plannedKm, optimumKm] = [0, 0];
  let worst = { plannedKm: 1, optimumKm: 1 };
  for (let c = 0; c < cases; c++) {
    const n = 4 + (c % 5);
    const pts = Array.from({ length: n }, (): GeoPoint => {
      const [, , lat, lon] = TERRITORY[Math.floor(rnd() * TERRITORY.length)] ?? ['', '', 48, 11];
      return { lat: lat + (rnd() - 0.5) * 0.06, lon: lon + (rnd() - 0.5) * 0.09 };
    });
    const day = planDay([], pts.map((point, key) => ({ key, point, minutes: 30 })), frame);
    const planned = pathKm(day.route.map((s) => s.point as GeoPoint), OFFICE);
    const best = shortestKm(pts, OFFICE);
    [plannedKm, optimumKm] = [plannedKm + planned, optimumKm + best];
    if (planned / best > worst.plannedKm / worst.optimumKm) worst = { plannedKm: planned, optimumKm: best };
  }
  return { cases, plannedKm, optimumKm, worst };
}
