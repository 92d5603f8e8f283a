import type { Interaction } from '../../../shared/domain';
import { getDb } from '../core/db';
import { matchesAllTerms } from './words';

/**
 * The history search before the block postings exist (a database upgraded from before schema v6, or
 * with postings of an older layout, while history/postings-build.ts builds them in the background):
 * `interactions` newest first along the `at` index, every row checked against the query with its
 * `words`. Without an index of the words this reads history until a page is full, so it stops after
 * a budget of rows and says there may be more: "load more" asks again with a higher limit and a
 * proportionally higher budget. Also the search's shared bits (stats, request promises).
 */

/** Rows read per page of 50 results at most (a cursor step is some 30 µs in Chromium: about half a second). */
export const WALK_ROWS = 20_000;

/** What one search did, for the benchmark (the app passes none): blocks of postings read, range reads, posting entries read (`keys`), rows read and checked, milliseconds per phase. */
export type SearchStats = { blocks: number; keyCalls: number; keys: number; rows: number; ms: Record<string, number> };

export const newStats = (): SearchStats => ({ blocks: 0, keyCalls: 0, keys: 0, rows: 0, ms: {} });

/** Runs `f`, adding its time to `stats.ms[phase]` when stats are kept. */
export async function timed<T>(stats: SearchStats | undefined, phase: string, f: () => Promise<T>): Promise<T> {
  if (!stats) return f();
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    stats.ms[phase] = (stats.ms[phase] ?? 0) + performance.now() - t0;
  }
}

export function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

type Stored = Interaction & { words?: string[] };

/**
 * The newest `limit` live interactions matching every term, read newest first (ties by id, newest
 * first, as the `at` index orders them) until the page is full or `rowsPerPage` rows per page of 50
 * are read; `hasMore` is then true as well, so the caller can go on.
 */
export async function walkHistory(terms: readonly string[], limit: number, stats?: { rows: number }, rowsPerPage = WALK_ROWS): Promise<{ hits: Interaction[]; hasMore: boolean }> {
  const budget = rowsPerPage * Math.ceil((limit + 1) / 51);
  const hits: Stored[] = [];
  let read = 0;
  let cut = false;
  await getDb()
    .interactions.orderBy('at')
    .reverse()
    .until(() => {
      if (hits.length > limit) return true;
      cut = read >= budget;
      return cut;
    })
    .each((r: Stored) => {
      read++;
      if (r.deletedAt === undefined && matchesAllTerms(r.words, terms)) hits.push(r);
    });
  if (stats) stats.rows += read;
  return { hits: hits.slice(0, limit), hasMore: hits.length > limit || cut };
}
