// The bulk paths at full size (BENCH_ONLY=scale; scenarios in page/scale.ts), each against its floor
// from the same run. Runs on the loaded demo database; the last step (the import into an empty base)
// replaces it, so run.ts puts the demo back when another group follows.
import type { Page } from 'playwright-core';
import type { Figure } from './customers';
import { syncFigures } from './sync';

type Fns = Record<string, (arg?: unknown) => Promise<unknown>>;

async function call<T>(page: Page, fn: string, arg?: unknown): Promise<T> {
  return page.evaluate(([name, value]) => (window as unknown as { bench: Fns }).bench[name as string]!(value), [fn, arg] as const) as Promise<T>;
}

const log = (n: number, what: string) => console.error(`[bench ${n} scale] ${what}`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

export async function scaleFigures(page: Page, n: number): Promise<Figure[]> {
  const out: Figure[] = [];
  const b = await call<{ ms: number; floorMs: number; bytes: number; rows: number }>(page, 'scaleBackup');
  log(n, `backup ${JSON.stringify(b)}`);
  out.push({ figure: `backup of the ${n}-account demo (${b.rows} rows, ${mb(b.bytes)}), app (worker)`, ms: b.ms, baseline: 'raw read of every table', baseMs: b.floorMs });
  const r = await call<{ ms: number; checkMs: number; floorMs: number; bytes: number; rows: number }>(page, 'scaleRestore');
  log(n, `restore ${JSON.stringify(r)}`);
  out.push({ figure: `restore of that backup into the loaded base (check pass ${(r.checkMs / 1000).toFixed(1)} s)`, ms: r.ms, baseline: 'JSON.parse of each row + raw put', baseMs: r.floorMs });

  // Import into the full base: a file of a tenth of its size (new customers; the duplicate check reads only what the file can match).
  const rows = Number(process.env.BENCH_SCALE_IMPORT ?? Math.max(100, Math.round(n / 10)));
  await call<number>(page, 'ieMakeCsv', rows);
  const rawSmall = await call<number>(page, 'ieImportRaw');
  const full = await call<{ total: number; plan: number; write: number; created: number }>(page, 'scaleImportFull');
  log(n, `import into the full base ${JSON.stringify(full)}, floor ${rawSmall.toFixed(0)} ms`);
  out.push({ figure: `import ${rows} CSV rows into the ${n}-account base (${full.created} new accounts)`, ms: full.total, baseline: 'papaparse + raw put into an empty store', baseMs: rawSmall });

  out.push(...(await syncFigures(page, n)).slice(0, 2));

  // Import of n rows into an empty base (replaces the app database).
  await call<number>(page, 'ieMakeCsv', n);
  const raw = await call<number>(page, 'ieImportRaw');
  const empty = await call<{ total: number; write: number; created: number }>(page, 'ieImportApp');
  log(n, `import into an empty base ${JSON.stringify(empty)}, floor ${raw.toFixed(0)} ms`);
  out.push({ figure: `import ${n} CSV rows into an empty base (${empty.created} accounts+contacts)`, ms: empty.total, baseline: 'papaparse + raw put', baseMs: raw });
  return out;
}
