// Planning rules in the benchmark table. They are pure TypeScript (shared/planning), so they run
// here in Node via tsx rather than in the bench page; the row labels say so.
import { benchPlanning } from '../../shared/planning/bench';
import { benchOptimum, benchWeekKm } from '../../shared/planning/route-bench';

export type PlanningRow = { figure: string; ms: number; baseline: string; baseMs: number; unit?: 'count' };

/**
 * CPU time of this process in ms (user + system, GC threads included): on a shared machine wall
 * time mostly measures the other programs, and a longer run is preempted more often, which
 * inflated the ratios under load.
 */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** Reminders and week-plan proposal against the floor (one plain pass over the same rows). */
export function planningRows(sizes: readonly number[]): PlanningRow[] {
  const rows: PlanningRow[] = [];
  for (const n of sizes) {
    // At 10k one pass takes ~2 ms: 11 runs left both sides half-warmed by the JIT and the ratio swung 2.9–3.7×.
    const b = benchPlanning(n, n >= 50_000 ? 7 : 41, cpuMs);
    const floor = 'one pass over the same rows (floor), CPU time';
    rows.push({ figure: `reminders, ${n} accounts (Node/tsx, ${b.reminders} reminders)`, ms: b.remindersMs, baseline: floor, baseMs: b.floorMs });
    rows.push({ figure: `week plan proposal, routed, ${n} accounts (Node/tsx, ${b.planned} visits)`, ms: b.weekPlanMs, baseline: floor, baseMs: b.floorMs });
  }
  return [...rows, ...routeRows()];
}

/** Route quality (km, shown as whole numbers; target ratios ≤ 0.60 and ≤ 1.10). */
export function routeRows(): PlanningRow[] {
  const w = benchWeekKm(8, 250);
  const o = benchOptimum(200, 7);
  const km = (x: number): number => Math.round(x);
  return [
    { figure: `week plan driving km, ${w.weeks} weeks × 250 accounts in Südbayern (${w.visits} visits), proposed`, ms: km(w.proposedKm), baseline: 'same visit count by due date, listed order', baseMs: km(w.dueOrderKm), unit: 'count' },
    { figure: `day order km, ${o.cases} days of 4–8 visits, planner (all days)`, ms: km(o.plannedKm), baseline: 'brute-force optimum', baseMs: km(o.optimumKm), unit: 'count' },
    { figure: '  worst single day, planner', ms: Math.round(o.worst.plannedKm * 10) / 10, baseline: 'brute-force optimum', baseMs: Math.round(o.worst.optimumKm * 10) / 10, unit: 'count' },
  ];
}
