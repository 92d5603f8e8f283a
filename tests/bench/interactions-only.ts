// Runs only the interaction-history figures, from a private build folder, so it can run while
// other benchmarks use dist/: BENCH_SIZES=700,10000 BENCH_PORT=4322 npx tsx tests/bench/interactions-only.ts
// BENCH_DIST picks the build folder; BENCH_PROFILE keeps one browser profile per size (<dir>/<n>, with its
// loaded database) on disk, and with BENCH_REUSE=1 a size already loaded there is not loaded again.
// BENCH_SEARCH_ONLY=1 times only the per-query history searches (one sample of the other figures) and prints
// what each query did; BENCH_POSTINGS_REBUILD=1 first rebuilds the block postings from scratch and prints how
// long that took;
// BENCH_WRITE_COST=<accounts> times the demo load of that many accounts with and without the postings.
// BENCH_RESUME=1 (with BENCH_PROFILE and BENCH_REUSE=1) goes on with a demo load that was stopped part-way (a 100k
// load takes hours here, so it can be spread over several runs); it needs the same BENCH_PORT as the first run.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { interactionFigures, type InteractionFigure } from './interactions';
import { serveStatic } from './static-server';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, process.env.BENCH_DIST ?? 'dist/bench-interactions');
const sizes = (process.env.BENCH_SIZES ?? '700,10000').split(',').map(Number);
const port = Number(process.env.BENCH_PORT ?? 4322);

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/vite.config.ts', '--outDir', resolve(out, 'bench')], { cwd: root, stdio: 'inherit' });
  const server = await serveStatic(out, port);
  const launch = {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  };
  const profile = process.env.BENCH_PROFILE;
  const browser = profile ? undefined : await chromium.launch(launch);
  const rows: InteractionFigure[] = [];
  try {
    for (const n of sizes) {
      const context = profile
        ? await chromium.launchPersistentContext(resolve(profile, String(n)), { ...launch, locale: 'de-DE' })
        : await browser!.newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.text().startsWith('bench-progress')) console.log(`  ${m.text().slice(15)}`);
      });
      const open = async () => {
        await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
        await page.waitForFunction(() => document.title === 'bench-ready');
      };
      await open();
      type Bench = { bench: { appLoad: (n: number) => Promise<number>; appResume: (n: number) => Promise<number>; accountCount: () => Promise<number> } };
      const loaded = await page.evaluate(() => (window as unknown as Bench).bench.accountCount());
      if (process.env.BENCH_RESUME === '1' && loaded > 0 && loaded < n) {
        const t0 = Date.now();
        await page.evaluate((k) => (window as unknown as Bench).bench.appResume(k), n);
        console.log(`went on loading ${n} accounts from ${loaded} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        await open();
      } else if (process.env.BENCH_REUSE !== '1' || loaded !== n) {
        const t0 = Date.now();
        await page.evaluate((k) => (window as unknown as Bench).bench.appLoad(k), n);
        console.log(`loaded ${n} accounts in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        await open();
      }
      rows.push(...(await interactionFigures(page, n)));
      await context.close();
    }
  } finally {
    await browser?.close();
    server.close();
  }
  const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
  console.log('\n| figure | time | baseline | baseline time | ratio |\n| --- | ---: | --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.figure} | ${fmt(r.ms)} | ${r.baseline} | ${fmt(r.baseMs)} | ${(r.ms / r.baseMs).toFixed(2)}× |`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
