// Floors for the reports page figures (tests/bench/reports-page.ts), measured on the bench page
// against the app's database: a raw read of the rows the reports read, and one plain pass over them.
import { DEFAULT_DB_NAME } from '../../../renderer/db/core/db';
import type { ReportData } from '../../../shared/kpi';
import { plainPass } from '../../../shared/kpi/bench';
import { getAll } from './raw-idb';
import { asIsoDate } from '../../../shared/time';

const TABLES = ['accounts', 'deals', 'sales', 'leadSources', 'interactions'] as const;

/**
 * [raw getAll of the five tables, median of `runs` plain passes over the rows]. The pass reads a
 * date and a number per row (see `plainPass`): the least any report must do with rows in memory.
 */
export async function reportFloor(runs = 5): Promise<number[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DEFAULT_DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const t0 = performance.now();
  const rows: Record<string, unknown[]> = {};
  for (const table of TABLES) rows[table] = await getAll(db, table);
  const readMs = performance.now() - t0;
  db.close();
  const data = rows as unknown as ReportData;
  const passes: number[] = [];
  let sink = 0;
  for (let r = 0; r <= runs; r += 1) {
    const t1 = performance.now();
    sink += plainPass(data, asIsoDate('2026-01-01'), asIsoDate('2026-11-23'));
    if (r > 0) passes.push(performance.now() - t1); // the first run warms up
  }
  if (sink === -1) throw new Error('unreachable');
  passes.sort((a, b) => a - b);
  return [readMs, passes[passes.length >> 1] ?? NaN];
}
