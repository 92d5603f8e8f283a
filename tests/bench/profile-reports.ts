// Where the reports page's time goes (not a figure): opens Reports and changes the period with a
// Chrome trace running, then prints the main thread's long tasks broken down by what ran in them.
// Build first (unminified reads better): RAPPORT_OUT_DIR=$D/renderer npx vite build --minify false &&
// BENCH_DIST=$D npx vite build --config tests/bench/vite.config.ts; then PROF_DIST=$D npx tsx tests/bench/profile-reports.ts
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from './static-server';
import { endTrace, printTasks, tracedTasks } from './trace-tasks';

const dist = process.env.PROF_DIST ?? '/tmp/prof-dist';
const port = Number(process.env.BENCH_PORT ?? 5184);
const n = Number(process.env.PROF_SIZE ?? 700);
const profileDir = process.env.PROF_PROFILE ?? '/tmp/prof-profile';

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { name?: string; data?: { functionName?: string; url?: string } } };

async function call(page: Page, fn: string, arg?: number): Promise<number> {
  return page.evaluate(([name, value]) => (window as unknown as Record<string, Record<string, (n?: number) => Promise<number>>>).bench![name as string]!(value as number | undefined), [fn, arg] as const);
}

async function waitRendered(page: Page, period?: string): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const s = document.querySelector<HTMLElement>('.report-sections');
      const done = s && !s.classList.contains('is-stale') && s.getAttribute('aria-busy') === 'false' && document.querySelector('[data-kpi]') && !document.querySelector('.chart-box[data-pending]');
      return done && (want === undefined || s.dataset.period === want);
    },
    period,
    { timeout: 600_000, polling: 5 },
  );
}

function summarize(events: TraceEvent[], label: string): void {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const main = [...threads].filter(([, name]) => name === 'CrRendererMain').map(([k]) => k);
  const worker = [...threads].filter(([, name]) => name.startsWith('DedicatedWorker')).map(([k]) => k);
  for (const [what, keys] of [['main', main], ['worker', worker]] as const) {
    const mine = events.filter((e) => e.ph === 'X' && keys.includes(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
    const tasks = mine.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 8000);
    console.log(`\n## ${label}: ${what} thread, tasks over 8 ms: ${tasks.map((t) => ((t.dur ?? 0) / 1000).toFixed(1)).join(', ')}`);
    for (const t of tasks) {
      const end = t.ts + (t.dur ?? 0);
      const inner = mine.filter((e) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end && e !== t);
      const by = new Map<string, number>();
      for (const e of inner) {
        const key = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${e.args?.data?.functionName ?? ''}` : e.name;
        by.set(key, (by.get(key) ?? 0) + (e.dur ?? 0));
      }
      const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 12);
      console.log(`- task ${((t.dur ?? 0) / 1000).toFixed(1)} ms: ${top.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | ')}`);
    }
  }
}

type CpuProfile = { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>; samples: number[]; timeDeltas: number[] };

const GENERIC = /^(\(root\)|\(program\)|\(idle\)|\(garbage collector\)|\(anon\)|performWorkUntilDeadline|performWorkOnRoot.*|workLoop.*|renderRoot.*|beginWork|renderWithHooks|updateFunctionComponent|commit.*|recursively.*|flush.*|run|processRootScheduleInMicrotask|performSyncWorkOnRoot|updateForwardRef|updateMemoComponent|updateSimpleMemoComponent|mountIndeterminateComponent|performUnitOfWork|completeRoot.*|completeUnitOfWork|completeWork)$/;

/** Splits the profile into bursts of work (between idle samples) and names what ran in each burst over 15 ms. */
function bursts(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let start = 0;
  let current: Array<[number, number]> = [];
  const flush = () => {
    const ms = current.reduce((s, [, us]) => s + us, 0) / 1000;
    if (ms >= 15) {
      const total = new Map<string, number>();
      for (const [id, us] of current) {
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const name = byId.get(at)!.callFrame.functionName || '(anon)';
          if (seen.has(name) || GENERIC.test(name)) continue;
          seen.add(name);
          total.set(name, (total.get(name) ?? 0) + us);
        }
      }
      const top = [...total].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, us]) => `${k} ${(us / 1000).toFixed(1)}`);
      console.log(`burst at ${(start / 1000).toFixed(0)} ms: ${ms.toFixed(1)} ms: ${top.join(' | ')}`);
    }
    current = [];
  };
  let t = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    const name = byId.get(id)!.callFrame.functionName;
    if (name === '(idle)') flush();
    else {
      if (current.length === 0) start = t;
      current.push([id, dt]);
    }
  });
  flush();
}

/** Self time per function (and total under each function, by name), top 40. */
function selfTimes(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  };
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, us] of self) {
    selfBy.set(key(id), (selfBy.get(key(id)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(at);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + us);
    }
  }
  const show = (m: Map<string, number>, title: string) => {
    console.log(`\n## ${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  };
  show(selfBy, 'self time');
  // PROF_CALLERS=name,name: who calls these (inclusive time per caller chain of 4).
  for (const name of (process.env.PROF_CALLERS ?? '').split(',').filter(Boolean)) {
    const chains = new Map<string, number>();
    for (const [id, us] of self) {
      const path: string[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) path.push(byId.get(at)!.callFrame.functionName || '(anon)');
      const i = path.indexOf(name);
      if (i < 0) continue;
      const k = path.slice(i, i + 6).join(' < ');
      chains.set(k, (chains.get(k) ?? 0) + us);
    }
    show(chains, `callers of ${name}`);
  }
  show(totalBy, 'total time');
}

type Cdp = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launchPersistentContext>>['newCDPSession']>>;

/** Runs `action` under a light trace; returns the page thread's tasks as [wall ms, thread (CPU) ms], longest first by CPU. */
async function traced(cdp: Cdp, action: () => Promise<void>): Promise<Array<[number, number]>> {
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReturnAsStream' });
  await action();
  const events = await endTrace<TraceEvent & { tdur?: number }>(cdp);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  if (process.env.PROF_DEBUG) console.log(events.length, [...mains], [...new Set(events.map((e) => `${e.ph} ${e.name}`))].slice(0, 60).join('; '));
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  for (const task of onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.tdur ?? 0) > 25_000)) {
    const end = task.ts + (task.dur ?? 0);
    const by = new Map<string, number>();
    for (const e of onMain) {
      if (e === task || e.ts < task.ts || e.ts + (e.dur ?? 0) > end || e.name.startsWith('ThreadController') || e.name.includes('mojo') || e.name.includes('Watcher')) continue;
      const key = e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName ?? ''}` : e.name;
      by.set(key, (by.get(key) ?? 0) + (e.tdur ?? 0));
    }
    console.log(`    task ${((task.tdur ?? 0) / 1000).toFixed(1)} ms CPU: ${[...by].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | ')}`);
  }
  return onMain
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask')
    .map((e): [number, number] => [(e.dur ?? 0) / 1000, (e.tdur ?? 0) / 1000])
    .sort((a, b) => b[1] - a[1]);
}

async function phases(page: Page, cdp: Cdp): Promise<void> {
  const show = (label: string, tasks: Array<[number, number]>) => {
    const cpu = tasks.reduce((s, t) => s + t[1], 0);
    console.log(`${label}: page-thread CPU ${cpu.toFixed(0)} ms; longest tasks (CPU/wall ms): ${tasks.slice(0, 6).map(([w, c]) => `${c.toFixed(1)}/${w.toFixed(1)}`).join(', ')}`);
  };
  show('open', await traced(cdp, async () => {
    await page.click('a[href="#/reports"]');
    await waitRendered(page);
  }));
  for (const label of ['Letztes Quartal', 'Dieser Monat', 'Letzte 12 Monate', 'Dieses Jahr']) {
    show(`  ${label}`, await traced(cdp, async () => {
      await page.locator('.preset-buttons button', { hasText: label }).click();
      await page.waitForTimeout(20);
      await waitRendered(page);
    }));
  }
}

/** PROF_MODE=tasks: open and the four period changes, each traced with CPU samples, printed per long task (PROF_MIN ms CPU, default 20). */
async function taskPhases(page: Page, cdp: Cdp): Promise<void> {
  const min = Number(process.env.PROF_MIN ?? 20);
  printTasks('open', await tracedTasks(cdp, async () => {
    await page.click('a[href="#/reports"]');
    await waitRendered(page);
  }, min));
  for (const label of ['Letztes Quartal', 'Dieser Monat', 'Letzte 12 Monate', 'Dieses Jahr']) {
    printTasks(label, await tracedTasks(cdp, async () => {
      await page.locator('.preset-buttons button', { hasText: label }).click();
      await page.waitForTimeout(20);
      await waitRendered(page);
    }, min));
  }
}

async function main(): Promise<void> {
  const server = await serveStatic(resolve(dist), port);
  const context = await chromium.launchPersistentContext(resolve(profileDir, String(n)), {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    locale: 'de-DE',
    viewport: { width: 1366, height: 800 },
  });
  const page = await context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
    await page.waitForFunction(() => document.title === 'bench-ready');
    if ((await call(page, 'accountCount')) !== n) await call(page, 'appLoad', n);
    await page.goto(`http://127.0.0.1:${port}/renderer/index.html#/today`);
    await page.locator('a[href="#/reports"]').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1500);
    const cdp = await context.newCDPSession(page);
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', 'blink.user_timing'];
    if (process.env.PROF_MODE === 'phases' || process.env.PROF_MODE === 'tasks') {
      for (let r = 0; r < Number(process.env.PROF_ROUNDS ?? 2); r += 1) {
        await page.goto(`http://127.0.0.1:${port}/renderer/index.html#/today`);
        await page.locator('a[href="#/reports"]').waitFor({ timeout: 120_000 });
        await page.waitForTimeout(1500);
        await (process.env.PROF_MODE === 'tasks' ? taskPhases : phases)(page, cdp);
      }
      return;
    }
    const cpu = process.env.PROF_MODE === 'cpu';
    if (cpu) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    } else await cdp.send('Tracing.start', { categories: categories.join(','), transferMode: 'ReturnAsStream' });
    const t0 = Date.now();
    await page.click('a[href="#/reports"]');
    await waitRendered(page);
    const openMs = Date.now() - t0;
    if (cpu && process.env.PROF_PHASE === 'open') {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      console.log(`open ${openMs} ms`);
      bursts(profile);
      return;
    }
    const changes: number[] = [];
    for (const label of ['Letztes Quartal', 'Dieser Monat', 'Letzte 12 Monate', 'Dieses Jahr']) {
      const t1 = Date.now();
      await page.locator('.preset-buttons button', { hasText: label }).click();
      await page.waitForTimeout(20);
      await waitRendered(page);
      changes.push(Date.now() - t1);
    }
    const status = await page.locator('.report-status [role=status]').textContent();
    if (cpu) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      console.log(`open ${openMs} ms, changes ${changes.join(', ')} ms; status: ${status}`);
      selfTimes(profile);
      return;
    }
    const events = await endTrace<TraceEvent>(cdp);
    console.log(`open ${openMs} ms, changes ${changes.join(', ')} ms; status: ${status}`);
    summarize(events, `${n} accounts`);
  } finally {
    await context.close();
    server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
