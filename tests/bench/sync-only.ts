// Runs only the sync figures, from a private build folder: BENCH_SIZES=10000,100000 BENCH_PORT=4362
// npx tsx tests/bench/sync-only.ts (BENCH_DIST=../dist-mine builds into <BENCH_DIST>/bench-sync). It needs
// no demo load: the scenario writes its own n accounts into a database of its own.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Figure } from './customers';
import { serveStatic } from './static-server';
import { syncFigures } from './sync';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, process.env.BENCH_DIST ?? 'dist', 'bench-sync');
const sizes = (process.env.BENCH_SIZES ?? '10000').split(',').map(Number);
const port = Number(process.env.BENCH_PORT ?? 4362);

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/vite.config.ts', '--outDir', resolve(out, 'bench')], { cwd: root, stdio: 'inherit' });
  const server = await serveStatic(out, port);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info'],
  });
  const rows: Figure[] = [];
  try {
    const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    for (const n of sizes) {
      await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
      await page.waitForFunction(() => document.title === 'bench-ready');
      rows.push(...(await syncFigures(page, n)));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const fmt = (v: number, unit: Figure['unit'] = 'ms') => (unit === 'MB' ? `${v.toFixed(0)} MB` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
  console.log('\n| figure | value | baseline | baseline value | ratio |\n| --- | ---: | --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.figure} | ${fmt(r.ms, r.unit)} | ${r.baseline} | ${fmt(r.baseMs, r.unit)} | ${(r.ms / r.baseMs).toFixed(2)}× |`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
