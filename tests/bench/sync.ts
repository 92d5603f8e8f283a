// Sync figures for run.ts (scenario code in page/sync.ts).
import type { Page } from 'playwright-core';
import type { Figure } from './customers';

type SyncResult = { mergeMs: number; mergeMb: number; floorMs: number; floorMb: number; bytes: number; noop: number; noopLong: number; filesShort: number; filesLong: number };

export async function syncFigures(page: Page, n: number): Promise<Figure[]> {
  const r = await page.evaluate((size) => (window as unknown as { bench: { syncMerge: (n: number) => Promise<SyncResult> } }).bench.syncMerge(size), n);
  return [
    { figure: `sync: merge 5 devices × ${n} changes into ${n} accounts (${(r.bytes / 1e6).toFixed(1)} MB of segments)`, ms: r.mergeMs, baseline: 'JSON.parse of the same bytes + raw IDB put of the rows (app indexes)', baseMs: r.floorMs },
    { figure: `sync: merge peak heap, ${n}`, ms: r.mergeMb, baseline: 'floor peak heap', baseMs: Math.max(r.floorMb, 0.1), unit: 'MB' },
    { figure: `sync: incremental run with nothing new, ${n} accounts, ${r.filesShort} files`, ms: r.noop, baseline: '5 ms target', baseMs: 5 },
    { figure: `sync: same after 20 more rounds of edits, ${r.filesLong} files`, ms: r.noopLong, baseline: '5 ms target', baseMs: 5 },
  ];
}
