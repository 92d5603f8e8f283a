// Backup figures for run.ts (scenario code in page/backup.ts).
import type { Page } from 'playwright-core';
import type { Figure } from './customers';
import type { BackupBenchResult, RestoreBenchResult } from './page/backup';
import { rounds } from './rounds';

/** The former page-thread backup as baseline up to 20k accounts (BENCH_BACKUP_BASELINE=1 forces it). */
export async function backupFigures(page: Page, n: number): Promise<Figure[]> {
  const baseline = n <= 20_000 || process.env.BENCH_BACKUP_BASELINE === '1';
  // Stalls are single worst gaps and so noisy on a loaded machine: the median of three runs where they are short.
  const runs: BackupBenchResult[] = [];
  for (let i = 0; i < rounds(n <= 1000 ? 3 : 1); i++) {
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

type HeapRun = RestoreBenchResult & { heapPeakMb: number };

/** One restore on the page, with the page's JS heap polled (CDP) above its level before (after a GC). */
async function restoreRun(page: Page, mode: 'app' | 'former'): Promise<HeapRun> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const used = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const base = await used();
  let peak = base;
  let running = true;
  // Answered between the page's tasks, so a peak inside one long task (JSON.parse) is seen once it ends; it is held until the restore ends.
  const poll = (async () => {
    while (running) {
      peak = Math.max(peak, await used().catch(() => peak));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    const r = await page.evaluate((m) => (window as unknown as { bench: { restoreBench: (m: 'app' | 'former') => Promise<RestoreBenchResult> } }).bench.restoreBench(m), mode);
    return { ...r, heapPeakMb: (peak - base) / 1e6 };
  } finally {
    running = false;
    await poll;
    await cdp.detach();
  }
}

/** Restore figures: the app's restore against the former JSON.parse restore (up to 20k accounts; beyond, the file passes V8's string limit). */
export async function restoreFigures(page: Page, n: number): Promise<Figure[]> {
  const app = await restoreRun(page, 'app');
  const mb = (app.bytes / 1e6).toFixed(1);
  const heap = `restore: peak JS heap growth, ${n} accounts (${mb} MB file), app restore`;
  const rows: Figure[] = [];
  if (n <= 20_000 || process.env.BENCH_BACKUP_BASELINE === '1') {
    const former = await restoreRun(page, 'former');
    rows.push(
      { figure: `restore: longest page stall, ${n} accounts (${mb} MB), app restore`, ms: app.stall, baseline: 'former restore (JSON.parse of the file)', baseMs: former.stall },
      { figure: `restore: total time, ${n} accounts, app restore (of which check pass ${Math.round(app.checkMs ?? 0)} ms)`, ms: app.ms, baseline: 'former restore (JSON.parse of the file)', baseMs: former.ms },
      { figure: heap, ms: app.heapPeakMb, baseline: 'former restore', baseMs: former.heapPeakMb, unit: 'MB' },
    );
  } else {
    rows.push(
      { figure: `restore: longest page stall, ${n} accounts (${mb} MB), app restore`, ms: app.stall, baseline: 'one frame (16.7 ms)', baseMs: 16.7 },
      { figure: `restore: total time, ${n} accounts, app restore (of which check pass ${Math.round(app.checkMs ?? 0)} ms)`, ms: app.ms, baseline: 'longest page stall', baseMs: Math.max(app.stall, 0.1) },
      { figure: heap, ms: app.heapPeakMb, baseline: 'file size', baseMs: app.bytes / 1e6, unit: 'MB' },
    );
  }
  return rows;
}
