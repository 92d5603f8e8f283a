// Interaction-history figures: opening an account's timeline and a history-wide search, each as
// p50/p95 over many samples against a raw-IndexedDB floor, and the ratio to the 700-account run.
import type { Page } from 'playwright-core';

export type InteractionFigure = { figure: string; ms: number; baseline: string; baseMs: number };

type BenchFns = Record<string, (n?: number) => Promise<number | number[]>>;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? NaN;
}

async function call<T>(page: Page, fn: string, arg?: number): Promise<T> {
  return page.evaluate(
    ([name, value]) => (window as unknown as { bench: BenchFns }).bench[name as string]!(value as number | undefined),
    [fn, arg] as const,
  ) as Promise<T>;
}

/** Only the first size runs the write-cost comparison. */
const sizes0 = Number((process.env.BENCH_SIZES ?? '700').split(',')[0]);

/** p50 at 700 accounts, kept across sizes so larger runs report their ratio to it. */
const at700: Record<string, number> = {};

/** Runs on the bench page with the app database already holding `n` demo accounts. */
export async function interactionFigures(page: Page, n: number): Promise<InteractionFigure[]> {
  // BENCH_POSTINGS_REBUILD=1: rebuild the block postings from scratch first (the background work after the v6 upgrade).
  if (process.env.BENCH_POSTINGS_REBUILD === '1') console.log(`postings rebuilt at ${n} accounts in ${((await call<number>(page, 'historyPostingsRebuild')) / 1000).toFixed(1)} s`);
  console.log(`waited ${((await call<number>(page, 'historyPostingsReady')) / 1000).toFixed(1)} s for the block postings at ${n} accounts`);
  // BENCH_WRITE_COST=<accounts>: the demo load of that many accounts with and without the block postings.
  const cost = Number(process.env.BENCH_WRITE_COST ?? 0);
  if (cost > 0 && n === sizes0) console.log(`demo load of ${cost} accounts`, JSON.stringify(await call<unknown>(page, 'historyWriteCost', cost)));
  await call<number>(page, 'historyRareFixture');
  const rows = await call<number>(page, 'interactionCount');
  const label = `${n} accounts / ${rows} interactions`;
  // BENCH_SEARCH_ONLY=1: only the per-query search figures and counters (a quick loop while tuning the search).
  const quick = process.env.BENCH_SEARCH_ONLY === '1';
  const samples = quick ? 1 : 200;
  const timeline = await call<number[]>(page, 'timelineOpen', samples);
  const timelineFloor = await call<number[]>(page, 'timelineFloor', samples);
  const cold = await call<number>(page, 'historySearchCold');
  const search = await call<number[]>(page, 'historySearch', quick ? 1 : 10);
  const more = await call<number[]>(page, 'historySearchMore', quick ? 1 : 5);
  const searchFloor = await call<number[]>(page, 'historySearchFloor', 10);
  const hits = await call<number[]>(page, 'historyHitCounts');
  const perQuery = await call<number[][]>(page, 'historySearchPerQuery', 5);
  const perQueryFloor = await call<number[][]>(page, 'historySearchPostingsFloor', 5);
  const queries = await page.evaluate(() => (window as unknown as { benchQueries?: string[] }).benchQueries ?? []);
  // Not timed: once per query with counters, so a slow query shows where its time goes.
  const stats = await call<Array<Record<string, unknown>>>(page, 'historySearchStats');
  console.log(`history search at ${label}, what each query did (ms per phase, raw IndexedDB calls):`);
  for (const s of stats) console.log(`  ${JSON.stringify(s)}`);
  const out: InteractionFigure[] = [];
  const add = (key: string, figure: string, values: number[], floor: number[], baseline: string) => {
    const p50 = pct(values, 0.5);
    if (n === 700) at700[key] = p50;
    const vs700 = at700[key] !== undefined && n !== 700 ? `, ${(p50 / at700[key]).toFixed(2)}× the 700-account p50` : '';
    out.push({ figure: `${figure} p50, ${label}${vs700}`, ms: p50, baseline: `${baseline} p50`, baseMs: pct(floor, 0.5) });
    out.push({ figure: `${figure} p95, ${label}`, ms: pct(values, 0.95), baseline: `${baseline} p95`, baseMs: pct(floor, 0.95) });
  };
  add('timeline', 'account timeline, first page of 50', timeline, timelineFloor, 'raw cursor, 51 rows on [accountId+at]');
  add('search', `history search, first page of 50 (block postings; hits per query ${hits.join('/')})`, search, searchFloor, 'raw cursor, 51 newest rows on at');
  add('more', 'history search, "load more" to 100', more, searchFloor, 'raw cursor, 51 newest rows on at');
  // Per query against its own raw floor: its words' postings where its first word's newest page lies, and that page's rows (page/interactions.ts).
  perQuery.forEach((t, i) => {
    const q = queries[i] ?? `query ${i + 1}`;
    const floor = perQueryFloor[i] ?? [];
    const key = `query ${q}`;
    const p50 = pct(t, 0.5);
    if (n === 700) at700[key] = p50;
    const vs700 = at700[key] !== undefined && n !== 700 ? `, ${(p50 / at700[key]).toFixed(2)}× the 700-account p50` : '';
    out.push({ figure: `  history search "${q}" (${hits[i]} hits) p50, ${label}${vs700}`, ms: p50, baseline: 'raw postings + page p50', baseMs: pct(floor, 0.5) });
    out.push({ figure: `  history search "${q}" p95, ${label}`, ms: pct(t, 0.95), baseline: 'raw postings + page p95', baseMs: pct(floor, 0.95) });
  });
  out.push({ figure: `  first history search after opening the app, ${label}`, ms: cold, baseline: 'search p50', baseMs: pct(search, 0.5) });
  return out;
}
