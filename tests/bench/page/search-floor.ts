import { DEFAULT_DB_NAME } from '../../../renderer/db/core/db';
import { toCustomerRow } from '../../../renderer/db/accounts/customer-list';
import type { Account, Contact } from '../../../shared/domain';
import { foldForSearch, matchesQuery } from '../../../shared/text/normalize';
import { getAll } from './raw-idb';

/** Per query of the keystroke list: medians over the passes. */
export type FloorResult = {
  /** Plain Array.filter over the folded haystacks. */
  filterMs: number[];
  /** The same filter, then the first screen of names written into a plain list, until the next frame. */
  paintedMs: number[];
  /** Matching accounts per query: the list must show the same count. */
  hits: number[];
};

const PASSES = 3;
/** About one screen of list rows. */
const SCREEN = 25;

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/**
 * The search floor. The haystacks are the list's own (toCustomerRow: name, city, postal code,
 * customer no., e-mail, contact names and e-mails, folded), over the same accounts the list shows
 * with "all owners" (live, not archived). Per keystroke: a plain `Array.filter` with `matchesQuery`
 * (the filter floor), and that filter plus writing one screen of names into a bare DOM list and
 * waiting for the next frame (the painted floor: no framework, no table; the folded strings stand in for names). Each query is timed in
 * PASSES passes and the median kept, so JIT warm-up does not count against the floor.
 */
export async function searchFloor(queries: string[]): Promise<FloorResult> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DEFAULT_DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const [accounts, contacts] = (await Promise.all([getAll(db, 'accounts'), getAll(db, 'contacts')])) as [Account[], Contact[]];
  db.close();
  const people = new Map<string, Contact[]>();
  for (const c of contacts) {
    if (c.deletedAt !== undefined) continue;
    const list = people.get(c.accountId);
    if (list) list.push(c);
    else people.set(c.accountId, [c]);
  }
  const shown = accounts.filter((a) => a.deletedAt === undefined && !a.archived);
  const rows = shown.map((a) => toCustomerRow(a, people.get(a.id) ?? []));
  const haystacks = rows.map((r) => r.haystack);

  const list = document.createElement('ol');
  document.body.append(list);
  const items = Array.from({ length: SCREEN }, () => list.appendChild(document.createElement('li')));
  const filterMs: number[][] = queries.map(() => []);
  const paintedMs: number[][] = queries.map(() => []);
  const hits: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const [i, q] of queries.entries()) {
      await new Promise((r) => setTimeout(r, 20));
      const t0 = performance.now();
      const folded = foldForSearch(q);
      const found = haystacks.filter((h) => matchesQuery(h, folded));
      filterMs[i]?.push(performance.now() - t0);
      items.forEach((li, k) => {
        li.textContent = found[k] ?? '';
      });
      await frame();
      paintedMs[i]?.push(performance.now() - t0);
      hits[i] = found.length;
    }
  }
  list.remove();
  return { filterMs: filterMs.map(median), paintedMs: paintedMs.map(median), hits };
}
