// The customer list's scroll figures alone, on a loaded BENCH_PROFILE (BENCH_REUSE-style: the profile's
// database is used as it is): open the list, wait for the full index, show all owners, scroll the whole
// list and 100 px per frame. SCROLL_TRACE=1 also traces one whole-list scroll and prints where the
// frames' time went, per thread and trace event. Not part of `npm run bench`: a tool to work on the
// scroll figures without the many minutes of the customer group's other figures at 100k.
//   BENCH_PROFILE=/work/bench100k/cust BENCH_SIZES=100000 BENCH_PORT=4302 BENCH_DIST=dist-bench npx tsx tests/bench/scroll-only.ts
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { scrollList } from './customers';
import { serveStatic } from './static-server';
import { endTrace } from './trace-tasks';

type Event = { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { name?: string } };

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, process.env.BENCH_DIST ?? 'dist');
const port = Number(process.env.BENCH_PORT ?? 4302);
const profile = process.env.BENCH_PROFILE;
const sizes = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number);
const repeats = Number(process.env.SCROLL_ROUNDS ?? 3);
if (!profile) throw new Error('BENCH_PROFILE: a folder with a loaded profile per size');

/** Opens the list on all owners with the full index in memory; returns ms to the first rows and to the index. */
async function openList(page: Page): Promise<{ firstRows: number; indexReady: number }> {
  await page.goto(`http://127.0.0.1:${port}/renderer/index.html#/customers`);
  const t0 = Date.now();
  await page.locator('table tbody tr').first().waitFor({ timeout: 3_600_000 });
  const firstRows = Date.now() - t0;
  const ready = () => page.waitForFunction(() => /^[\d.]+ Kunden?$/.test(document.querySelector('.customers [role=status]')?.textContent ?? ''), null, { timeout: 3_600_000, polling: 100 });
  await ready();
  const indexReady = Date.now() - t0;
  await page.locator('#cf-owner').selectOption('all');
  await ready();
  await page.waitForTimeout(1000);
  return { firstRows, indexReady };
}

/** Summed duration (ms) of each trace event per thread while `action` runs; the top lines. */
async function traced(page: Page, action: () => Promise<unknown>): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8,blink.user_timing,cc,viz,gpu', transferMode: 'ReturnAsStream' });
  await action();
  const events = await endTrace<Event>(cdp);
  await cdp.detach();
  const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
  const sum = new Map<string, [number, number, number]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name.startsWith('ThreadController') || e.name.includes('mojo')) continue;
    const key = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} ${e.name}`;
    const s = sum.get(key) ?? [0, 0, 0];
    sum.set(key, [s[0] + (e.dur ?? 0) / 1000, s[1] + (e.tdur ?? 0) / 1000, s[2] + 1]);
  }
  return [...sum]
    .sort((a, b) => b[1][0] - a[1][0])
    .slice(0, 45)
    .map(([k, [wall, cpu, n]]) => `${wall.toFixed(0).padStart(7)} ms wall ${cpu.toFixed(0).padStart(7)} ms cpu ${String(n).padStart(6)}× ${k}`);
}

async function main(): Promise<void> {
  if (process.env.SCROLL_BUILD !== '0') {
    const env = { ...process.env, RAPPORT_OUT_DIR: resolve(dist, 'renderer'), BENCH_DIST: dist };
    execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit', env });
  }
  const server = await serveStatic(dist, port);
  try {
    for (const n of sizes) {
      const context = await chromium.launchPersistentContext(resolve(profile!, String(n)), {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
        locale: 'de-DE',
        viewport: { width: 1366, height: 800 },
      });
      const page = await context.newPage();
      await page.context().addInitScript({ content: 'globalThis.__name = (f) => f;' });
      console.log(`[${n}] opened ${JSON.stringify(await openList(page))}`);
      for (let i = 0; i < repeats; i++) {
        const fling = await scrollList(page, 0, 2000);
        const wheel = await scrollList(page, 100, 300);
        console.log(`[${n}] whole list ${JSON.stringify(fling)}; 100 px ${JSON.stringify(wheel)}`);
      }
      if (process.env.SCROLL_TRACE === '1') {
        console.log(`[${n}] trace of a whole-list scroll:\n${(await traced(page, () => scrollList(page, 0, 2000))).join('\n')}`);
        console.log(`[${n}] trace of 100 px per frame:\n${(await traced(page, () => scrollList(page, 100, 300))).join('\n')}`);
      }
      await context.close();
    }
  } finally {
    server.close();
  }
}

await main();
