// What runs inside the page thread's long tasks: a Chrome trace with the V8 sampling profiler in it, so
// each sample carries the trace's clock and can be put into the task it fell in (the CPU profile of
// profile-reports' cpu mode only splits at idle samples, which merges the tasks of a busy stretch).
// Not a figure: a tool to find what to take out of a frame.
import type { chromium } from 'playwright-core';

type Cdp = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launchPersistentContext>>['newCDPSession']>>;

type Frame = { functionName: string; url?: string; lineNumber?: number };
type ProfileNode = { id: number; callFrame: Frame; parent?: number };
type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  pid: number;
  id?: string;
  args?: { name?: string; data?: { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[]; functionName?: string } };
};

/** One long task: wall and CPU ms, and the functions (by total time of the samples in it) that ran. */
export type TaskReport = { wallMs: number; cpuMs: number; top: Array<[string, number]>; events: Array<[string, number]> };

// React's and the scheduler's own frames say nothing about which component is dear.
const GENERIC = /^(\(root\)|\(program\)|\(idle\)|\(garbage collector\)|\(anonymous\)|performWorkUntilDeadline|performWorkOnRoot.*|workLoop.*|renderRoot.*|beginWork|renderWithHooks.*|updateFunctionComponent|recursively.*|flush.*|runWithFiberInDEV|processRootScheduleIn.*|performSyncWorkOnRoot|updateForwardRef|updateMemoComponent|updateSimpleMemoComponent|mountIndeterminateComponent|performUnitOfWork|completeUnitOfWork|commitRoot.*|commitMutationEffects.*|commitLayoutEffects.*|commitPassiveMountOnFiber|commitPassiveUnmount.*|reconcileChildren.*|reconcileChildFibers.*|callCallback.*|run|FireAnimationFrame)$/;

/** Ends the trace started on `cdp` and returns its events (read from the stream Chrome wrote them to). */
export async function endTrace<E = TraceEvent>(cdp: Cdp): Promise<E[]> {
  const done = new Promise<string>((res) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => res(e.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle: stream })) as { data: string; eof: boolean };
    text += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents: E[] } | E[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Runs `action` under a trace with CPU samples; returns the page thread's tasks over `minMs` CPU, in order. */
export async function tracedTasks(cdp: Cdp, action: () => Promise<void>, minMs = 25): Promise<TaskReport[]> {
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-v8.cpu_profiler',
    transferMode: 'ReturnAsStream',
  });
  await action();
  const events = await endTrace(cdp);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));

  // Samples per profile id (one profile per thread): [trace µs, node id]; nodes by id with their parent.
  const nodes = new Map<string, Map<number, ProfileNode>>();
  const samples = new Map<string, Array<[number, number]>>();
  const clock = new Map<string, number>();
  const threadOf = new Map<string, string>();
  for (const e of events) {
    if (e.ph !== 'P' || e.id === undefined) continue;
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') {
      clock.set(key, e.args?.data?.startTime ?? e.ts);
      threadOf.set(key, `${e.pid}:${e.tid}`);
    } else if (e.name === 'ProfileChunk') {
      const data = e.args?.data;
      const mine = nodes.get(key) ?? new Map<number, ProfileNode>();
      nodes.set(key, mine);
      for (const n of data?.cpuProfile?.nodes ?? []) mine.set(n.id, n);
      const list = samples.get(key) ?? [];
      samples.set(key, list);
      let t = clock.get(key) ?? e.ts;
      (data?.cpuProfile?.samples ?? []).forEach((id, i) => {
        t += data?.timeDeltas?.[i] ?? 0;
        list.push([t, id]);
      });
      clock.set(key, t);
    }
  }
  const mainProfiles = [...threadOf].filter(([, thread]) => mains.has(thread)).map(([key]) => key);

  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`) && (e.tdur ?? 0) / 1000 >= minMs)
    .sort((a, b) => a.ts - b.ts);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const total = new Map<string, number>();
    for (const key of mainProfiles) {
      const byId = nodes.get(key)!;
      const list = samples.get(key) ?? [];
      for (let i = 0; i < list.length; i += 1) {
        const [t, id] = list[i]!;
        if (t < task.ts || t > end) continue;
        const us = (list[i + 1]?.[0] ?? t) - t;
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = byId.get(at)?.parent) {
          const f = byId.get(at)?.callFrame;
          if (!f) break;
          const name = f.functionName || '(anonymous)';
          if (GENERIC.test(name)) continue;
          const label = `${name} ${(f.url ?? '').split('/').pop() ?? ''}:${f.lineNumber ?? ''}`;
          if (seen.has(label)) continue;
          seen.add(label);
          total.set(label, (total.get(label) ?? 0) + us);
        }
      }
    }
    // The trace's own events in the task (layout, style, paint, GC, timers…) by CPU time.
    const by = new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'X' || e === task || e.ts < task.ts || e.ts + (e.dur ?? 0) > end || !mains.has(`${e.pid}:${e.tid}`)) continue;
      if (e.name.startsWith('ThreadController') || e.name.includes('mojo') || e.name.includes('Watcher')) continue;
      const key = e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName ?? ''}` : e.name;
      by.set(key, (by.get(key) ?? 0) + (e.tdur ?? 0) / 1000);
    }
    const top = [...total].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, us]): [string, number] => [k, us / 1000]);
    return { wallMs: (task.dur ?? 0) / 1000, cpuMs: (task.tdur ?? 0) / 1000, top, events: [...by].sort((a, b) => b[1] - a[1]).slice(0, 8) };
  });
}

/** Prints each task and what ran in it. */
export function printTasks(label: string, tasks: TaskReport[]): void {
  console.log(`\n## ${label}: ${tasks.length} long tasks`);
  for (const t of tasks) {
    console.log(`- ${t.cpuMs.toFixed(1)} ms CPU / ${t.wallMs.toFixed(1)} wall; trace: ${t.events.map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(' | ')}`);
    console.log(`    samples: ${t.top.map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(' | ')}`);
  }
}

/**
 * Runs `action` under a light trace (no samples) and returns the CPU milliseconds of the page thread's
 * longest task in it: unlike a frame's wall time, it does not grow when a loaded machine keeps the
 * thread waiting for a core.
 */
export async function longestTaskCpu(cdp: Cdp, action: () => Promise<void>): Promise<number> {
  await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReturnAsStream' });
  let events: TraceEvent[];
  try {
    await action();
  } finally {
    // Ended whatever happened, or the next trace could not start.
    events = await endTrace(cdp);
  }
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let longest = 0;
  for (const e of events) if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`)) longest = Math.max(longest, (e.tdur ?? 0) / 1000);
  return longest;
}
