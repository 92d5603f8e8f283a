// Planning rules in the benchmark table. They are pure TypeScript (shared/planning), so they run
// here in Node via tsx rather than in the bench page; the row labels say so.
import { benchPlanning } from '../../shared/planning/bench';

export type PlanningRow = { figure: string; ms: number; baseline: string; baseMs: number };

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
    rows.push({ figure: `week plan proposal, ${n} accounts (Node/tsx, ${b.planned} visits)`, ms: b.weekPlanMs, baseline: floor, baseMs: b.floorMs });
  }
  return rows;
}
