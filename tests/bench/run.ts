// Benchmarks in real Chromium. Every figure is printed with a baseline measured in the same run
// and their ratio, because these machines are shared and absolute times drift.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from './static-server';
import { interactionFigures } from './interactions';
import { importExportFigures } from './import-export';
import { customerFigures, type At700 } from './customers';
import { planningRows } from './planning';
import { reportRows } from './reports';
import { reportPageFigures } from './reports-page';
import { syncFigures } from './sync';
import { couchRows } from './couch';
import { backupFigures, restoreFigures } from './backup';
import { rounds } from './rounds';
import { scaleFigures } from './scale';

type Row = { figure: string; ms: number; baseline: string; baseMs: number; unit?: 'ms' | 'MB' | 'count' };

const root = resolve(import.meta.dirname, '../..');
const sizes = (process.env.BENCH_SIZES ?? '700,10000').split(',').map(Number);
const port = Number(process.env.BENCH_PORT ?? 4199);
/** BENCH_ONLY=customers,interactions,import-export,backup,planning,reports,couch,scale runs only those scenario groups (the load figures always run). */
const only = process.env.BENCH_ONLY?.split(',');
const wants = (group: string) => !only || only.includes(group);
/**
 * BENCH_DEMO=customers loads only the customer base (accounts, contacts, team; no interactions, deals, sales):
 * the customer list's figures at 100k without the ~3 GB a million interactions take to load. Use its own
 * BENCH_PROFILE, and only with BENCH_ONLY=customers.
 */
const customersOnly = process.env.BENCH_DEMO === 'customers';
if (customersOnly && only?.join() !== 'customers') throw new Error('BENCH_DEMO=customers needs BENCH_ONLY=customers: the other groups read interactions, deals and sales');
/** planning and couch run in Node only; BENCH_ONLY=planning,couch skips the build, the browser and the demo load. */
const needsBrowser = !only || only.some((g) => g !== 'planning' && g !== 'couch');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function call(page: Page, fn: string, arg?: number): Promise<number> {
  return page.evaluate(
    ([name, value]) => (window as unknown as Record<string, Record<string, (n?: number) => Promise<number>>>).bench![name as string]!(value as number | undefined),
    [fn, arg] as const,
  );
}

async function openBench(page: Page): Promise<number> {
  await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
  await page.waitForFunction(() => document.title === 'bench-ready');
  return page.evaluate(() => performance.now());
}

/** Demo-data load through the app vs generation + raw IndexedDB put; leaves the app's database loaded with n accounts. */
async function loadFigures(page: Page, n: number): Promise<Row[]> {
  if (customersOnly) {
    const ms = await call(page, 'appLoadCustomers', n);
    return [{ figure: `demo data load, ${n} accounts, customer base only (app loader, incl. generation of all tables)`, ms, baseline: 'generation in memory', baseMs: await call(page, 'generate', n) }];
  }
  const repeats = rounds(n <= 1000 ? 3 : 1);
  const gen: number[] = [];
  const app: number[] = [];
  const raw: number[] = [];
  // The raw baseline is part of every load figure (BENCH_LOAD_BASELINE=0 leaves it out, for a quick look).
  const withRaw = process.env.BENCH_LOAD_BASELINE !== '0';
  // Raw first, then the app's loader (each logged as it ends: a 100k load takes many minutes), generation last.
  const log = (what: string, ms: number) => console.error(`[bench ${n}] ${what} ${(ms / 1000).toFixed(1)} s`);
  for (let i = 0; i < repeats; i++) {
    if (withRaw) raw.push(await call(page, 'rawLoad', n));
    if (withRaw) log('raw IndexedDB put of the demo rows (incl. generation)', raw.at(-1)!);
    app.push(await call(page, 'appLoad', n));
    log('app demo load', app.at(-1)!);
    gen.push(await call(page, 'generate', n));
    log('generation alone', gen.at(-1)!);
  }
  if (!withRaw) return [{ figure: `demo data load, ${n} accounts (app loader, incl. generation)`, ms: median(app), baseline: 'generation in memory', baseMs: median(gen) }];
  return [
    { figure: `demo data load, ${n} accounts (app loader, incl. generation)`, ms: median(app), baseline: 'generation + raw IndexedDB put', baseMs: median(raw) },
    { figure: `  of which generation in memory`, ms: median(gen), baseline: 'raw load', baseMs: median(raw) },
  ];
}

/** Puts the demo database of `n` accounts back after a group that replaced it; not a figure. */
async function reloadDemo(page: Page, n: number): Promise<void> {
  await openBench(page);
  await call(page, customersOnly ? 'appLoadCustomers' : 'appLoad', n);
  // The loader closes the app's database when done: count on a fresh page.
  await openBench(page);
  if ((await call(page, 'accountCount')) !== n) throw new Error(`demo reload: expected ${n} accounts`);
}

async function main(): Promise<void> {
  const rows: Row[] = needsBrowser ? await browserRows() : [];
  // Pure planning rules, timed in Node (no browser needed).
  if (wants('planning')) rows.push(...planningRows(sizes));
  if (wants('reports')) rows.push(...reportRows(sizes));
  // CouchDB sync against a pouchdb-server started here (Node; no browser).
  if (wants('couch')) rows.push(...(await couchRows(sizes)));
  const fmt = (ms: number, unit: Row['unit'] = 'ms') =>
    unit === 'MB' ? `${ms.toFixed(0)} MB` : unit === 'count' ? String(ms) : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
  console.log('\n| figure | time | baseline | baseline time | ratio |\n| --- | ---: | --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.figure} | ${fmt(r.ms, r.unit)} | ${r.baseline} | ${fmt(r.baseMs, r.unit)} | ${(r.ms / r.baseMs).toFixed(2)}× |`);
  // BENCH_STRICT=1 (the CI smoke run): a figure that came out as no number is a group that did not measure.
  const broken = rows.filter((r) => !Number.isFinite(r.ms) || !Number.isFinite(r.baseMs));
  if (process.env.BENCH_STRICT === '1' && broken.length > 0) throw new Error(`bench: no figure for ${broken.map((r) => r.figure.trim()).join('; ')}`);
}

/** The load figures and the browser groups, in real Chromium. */
async function browserRows(): Promise<Row[]> {
  // BENCH_DIST lets parallel runs build into their own folders; the app and the bench page must sit side by
  // side (dist/renderer, dist/bench) so they share one origin and one IndexedDB.
  const dist = resolve(root, process.env.BENCH_DIST ?? 'dist');
  const env = { ...process.env, RAPPORT_OUT_DIR: resolve(dist, 'renderer'), BENCH_DIST: dist };
  execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit', env });
  execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/vite.config.ts'], { cwd: root, stdio: 'inherit', env });
  const server = await serveStatic(dist, port);
  const launch = {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  };
  const contextOptions = { locale: 'de-DE', viewport: { width: 1366, height: 800 } };
  // BENCH_PROFILE keeps one browser profile per size (<dir>/<n>, and so that size's loaded database) on disk
  // between runs; with BENCH_REUSE=1 a size whose accounts are already there is not loaded again (a 100k load
  // takes many minutes here), so "700,100000" can be re-run without reloading either.
  const profile = process.env.BENCH_PROFILE;
  const browser = profile ? undefined : await chromium.launch(launch);
  const rows: Row[] = [];
  try {
    const at700: At700 = {};
    for (const n of sizes) {
      const context = profile
        ? await chromium.launchPersistentContext(resolve(profile, String(n)), { ...launch, ...contextOptions })
        : await browser!.newContext(contextOptions);
      const page = await context.newPage();
      // A 100k load runs for minutes: echo the loader's progress lines.
      page.on('console', (m) => {
        if (m.text().startsWith('bench-progress')) console.error(`[bench ${n}] ${m.text().slice(15)}`);
      });
      await openBench(page);
      const reuse = process.env.BENCH_REUSE === '1' && (await call(page, 'accountCount')) === n;
      if (!reuse) rows.push(...(await loadFigures(page, n)));

      const paint: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < rounds(3); i++) {
        floor.push((await openBench(page)) + (await call(page, 'rawReadAll')));
        await page.goto(`http://127.0.0.1:${port}/renderer/index.html#/customers`);
        await page.locator('table tbody tr').first().waitFor({ timeout: 120_000 });
        paint.push(await page.evaluate(() => performance.now()));
      }
      rows.push({ figure: `app start to first customer rows, ${n} accounts${customersOnly ? ' (customer base only)' : ''}`, ms: median(paint), baseline: 'page load + raw getAll accounts+contacts', baseMs: median(floor) });

      if (wants('customers')) {
        await openBench(page);
        rows.push(...(await customerFigures(page, port, n, at700)));
      }

      if (wants('interactions')) {
        await openBench(page);
        rows.push(...(await interactionFigures(page, n)));
      }

      if (wants('sync')) {
        await openBench(page);
        rows.push(...(await syncFigures(page, n)));
      }

      if (wants('import-export')) {
        await openBench(page);
        rows.push(...(await importExportFigures(page, n)));
        // The import measures into a fresh app database and leaves only its own n accounts there: no team
        // member, no settings, so the app opens on its first-run screen (no navigation: the Reports group
        // then waited for a[href="#/reports"] forever), and no interactions, deals or sales to report on.
        // The groups after it measure the demo database, as they do when run alone: load it again (untimed).
        if (wants('backup') || wants('reports')) await reloadDemo(page, n);
      }

      if (wants('backup')) {
        await openBench(page);
        rows.push(...(await backupFigures(page, n)));
        rows.push(...(await restoreFigures(page, n)));
      }

      if (wants('reports')) {
        await openBench(page);
        const floor = await page.evaluate(() => (window as unknown as { bench: { reportFloor: () => Promise<number[]> } }).bench.reportFloor());
        rows.push(...(await reportPageFigures(page, port, n, floor)));
      }

      // Last: its import into an empty base replaces the demo database.
      if (wants('scale')) {
        await openBench(page);
        rows.push(...(await scaleFigures(page, n)));
      }
      await context.close();
    }
  } finally {
    await browser?.close();
    server.close();
  }
  return rows;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
