// Backup figures for run.ts (scenario code in page/backup.ts).
import type { Page } from 'playwright-core';
import type { Figure } from './customers';
import type { BackupBenchResult } from './page/backup';

/** The former page-thread backup as baseline up to 20k accounts (BENCH_BACKUP_BASELINE=1 forces it). */
export async function backupFigures(page: Page, n: number): Promise<Figure[]> {
  const baseline = n <= 20_000 || process.env.BENCH_BACKUP_BASELINE === '1';
  // Stalls are single worst gaps and so noisy on a loaded machine: the median of three runs where they are short.
  const runs: BackupBenchResult[] = [];
  for (let i = 0; i < (n <= 1000 ? 3 : 1); i++) {
    runs.push(
      await page.evaluate(
        (withBaseline) => (window as unknown as { bench: { backupBench: (b: boolean) => Promise<BackupBenchResult> } }).bench.backupBench(withBaseline),
        baseline,
      ),
    );
  }
  const median = (pick: (r: BackupBenchResult) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)];
  };
  const r: BackupBenchResult = {
    workerMs: median((x) => x.workerMs)!,
    workerStall: median((x) => x.workerStall)!,
    mainMs: median((x) => x.mainMs),
    mainStall: median((x) => x.mainStall),
    bytes: runs[0]!.bytes,
  };
  const mb = (r.bytes / 1e6).toFixed(1);
  const stall = `backup: longest page stall while backing up ${n} accounts (${mb} MB), worker`;
  const total = `backup: total time, ${n} accounts, worker`;
  if (r.mainMs === undefined || r.mainStall === undefined) {
    // Without the baseline: the stall against one 60 Hz frame, the total against the stall.
    return [
      { figure: stall, ms: r.workerStall, baseline: 'one frame (16.7 ms)', baseMs: 16.7 },
      { figure: total, ms: r.workerMs, baseline: 'longest page stall', baseMs: Math.max(r.workerStall, 0.1) },
    ];
  }
  return [
    { figure: stall, ms: r.workerStall, baseline: 'former backup on the page thread', baseMs: r.mainStall },
    { figure: total, ms: r.workerMs, baseline: 'former backup on the page thread', baseMs: r.mainMs },
  ];
}
