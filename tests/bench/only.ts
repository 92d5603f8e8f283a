// Shared body of the single-group runners (import-export-only.ts, sync-only.ts): build the bench page
// into a private folder, serve it, run one figure group per size in a fresh Chromium, print the table.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Figure } from './customers';
import { serveStatic } from './static-server';

export type GroupRun = {
  /** Folder under BENCH_DIST (default dist/) the bench page is built into. */
  folder: string;
  defaultPort: number;
  defaultSizes: string;
  /** Extra Chromium switches the group needs (e.g. an exposed gc for heap figures). */
  args?: string[];
  figures: (page: Page, n: number) => Promise<Figure[]>;
};

export async function runGroup(run: GroupRun): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const out = resolve(root, process.env.BENCH_DIST ?? 'dist', run.folder);
  const sizes = (process.env.BENCH_SIZES ?? run.defaultSizes).split(',').map(Number);
  const port = Number(process.env.BENCH_PORT ?? run.defaultPort);
  execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/vite.config.ts', '--outDir', resolve(out, 'bench')], { cwd: root, stdio: 'inherit' });
  const server = await serveStatic(out, port);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info', ...(run.args ?? [])],
  });
  const rows: Figure[] = [];
  try {
    const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    for (const n of sizes) {
      await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
      await page.waitForFunction(() => document.title === 'bench-ready');
      rows.push(...(await run.figures(page, n)));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const fmt = (v: number, unit: Figure['unit'] = 'ms') => (unit === 'MB' ? `${v.toFixed(0)} MB` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
  console.log('\n| figure | value | baseline | baseline value | ratio |\n| --- | ---: | --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.figure} | ${fmt(r.ms, r.unit)} | ${r.baseline} | ${fmt(r.baseMs, r.unit)} | ${(r.ms / r.baseMs).toFixed(2)}× |`);
}
