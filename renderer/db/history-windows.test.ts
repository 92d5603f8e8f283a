import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../shared/domain';
import { openDb, useDatabase as setAppDb, type RapportDb } from './db';
import { searchHistory } from './history-search';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const DAY = 86_400_000;
const NEWEST = Date.UTC(2026, 10, 20, 9);

function row(i: number, atMs: number, summary: string, extra: Partial<Interaction> = {}): Interaction {
  return {
    id: `w${String(i).padStart(4, '0')}`, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done', at: new Date(atMs).toISOString(),
    userId: 'u', contactIds: [], subject: '', summary, nextStep: '', createdAt: 1, ...extra,
  };
}

/**
 * Two years of history: "angebot" and "termin" common (and often together), "becker" in a few rows,
 * "rueckruf" only in the three oldest; few distinct instants, so window edges fall on shared times;
 * two bursts of hundreds of rows at one instant (a window that cannot be halved further).
 */
function history(): Interaction[] {
  const next = random(5);
  const instants = Array.from({ length: 240 }, (_, i) => NEWEST - Math.floor((i * 730 * DAY) / 240));
  const rows: Interaction[] = [];
  for (let i = 0; i < 1800; i++) {
    const words = ['notiz'];
    if (next() < 0.45) words.push('angebot');
    if (next() < 0.35) words.push(next() < 0.5 ? 'termin' : 'terminvereinbarung');
    if (next() < 0.06) words.push('becker');
    rows.push(row(i, instants[Math.floor(next() * instants.length)]!, words.join(' '), i % 23 === 0 ? { deletedAt: 1 } : {}));
  }
  for (let i = 0; i < 300; i++) rows.push(row(1800 + i, NEWEST, 'angebot termin burst'));
  for (let i = 0; i < 300; i++) rows.push(row(2100 + i, NEWEST - 400 * DAY, 'angebot termin burst'));
  for (let i = 0; i < 3; i++) rows.push(row(2400 + i, NEWEST - (740 + i) * DAY, 'rueckruf angebot'));
  return rows;
}

function expected(rows: Interaction[], query: string): Interaction[] {
  const terms = query.split(' ');
  return rows
    .filter((r) => r.deletedAt === undefined && terms.every((t) => r.summary.split(' ').some((w) => w.startsWith(t))))
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
}

/** Counts the index entries the search fetches (keys, or rows along them): they must follow the page, not the history. */
let keysFetched = 0;
const original = IDBIndex.prototype.getAllKeys;
type WithRecords = { getAllRecords?: (...a: unknown[]) => IDBRequest<unknown[]> };
const originalRecords = (IDBIndex.prototype as WithRecords).getAllRecords!;
const countingRecords = function (this: IDBIndex, ...args: unknown[]) {
  const req = originalRecords.apply(this, args);
  req.addEventListener('success', () => (keysFetched += req.result.length));
  return req;
};

let db: RapportDb;
let rows: Interaction[];

beforeAll(async () => {
  db = openDb(`windows-${crypto.randomUUID()}`);
  setAppDb(db);
  rows = history();
  await db.interactions.bulkAdd(rows);
  IDBIndex.prototype.getAllKeys = function (this: IDBIndex, ...args: Parameters<IDBIndex['getAllKeys']>) {
    const req = original.apply(this, args);
    req.addEventListener('success', () => (keysFetched += (req.result as unknown[]).length));
    return req;
  };
  (IDBIndex.prototype as WithRecords).getAllRecords = countingRecords;
}, 60_000);

afterAll(async () => {
  IDBIndex.prototype.getAllKeys = original;
  (IDBIndex.prototype as WithRecords).getAllRecords = originalRecords;
  db.close();
  await db.delete();
});

/**
 * Both paths: rows read along the index (getAllRecords, Chromium 141+) and, where a browser lacks it,
 * the key windows of history-windows.ts.
 */
describe.each([
  { mode: 'rows along the index', records: true, oldBound: 30 },
  { mode: 'key windows', records: false, oldBound: 10 },
])('history search ($mode)', ({ records, oldBound }) => {
  beforeAll(() => {
    if (!records) delete (IDBIndex.prototype as WithRecords).getAllRecords;
  });
  afterAll(() => {
    (IDBIndex.prototype as WithRecords).getAllRecords = countingRecords;
  });

  it('returns exactly the newest matches, in order, without duplicates, for small and large pages', async () => {
    const cases = { 'angebot termin': [1, 50, 301], 'becker angebot': [7, 50, 5000], 'becker termin angebot': [1, 7, 5000], 'rueckruf angebot': [1, 5000], 'becker rueckruf': [50] };
    for (const [query, limits] of Object.entries(cases)) {
      const all = expected(rows, query);
      for (const limit of limits) {
        const got = await searchHistory(query, { limit });
        const ids = got.hits.map((h) => h.id);
        expect(new Set(ids).size, `${query} @${limit}`).toBe(ids.length);
        expect(ids, `${query} @${limit}`).toEqual(all.slice(0, limit).map((r) => r.id));
        expect(got.hasMore, `${query} @${limit}`).toBe(all.length > limit);
      }
    }
  }, 120_000);

  it('"load more" continues the first page exactly', async () => {
    const first = await searchHistory('becker angebot', { limit: 20 });
    const more = await searchHistory('becker angebot', { limit: 40 });
    expect(more.hits.slice(0, 20).map((h) => h.id)).toEqual(first.hits.map((h) => h.id));
    expect(more.hits.length).toBe(Math.min(40, expected(rows, 'becker angebot').length));
  });

  it('fetches the keys of a page, not of the whole history', async () => {
    const entries = rows.filter((r) => r.deletedAt === undefined && /angebot|termin/.test(r.summary)).length;
    keysFetched = 0;
    const page = await searchHistory('becker termin', { limit: 10 });
    expect(page.hits).toHaveLength(10);
    expect(keysFetched).toBeLessThan(entries / 3);
    // A rare word with only old hits: found at once, reading no more of the common word than a page (to rank the words).
    keysFetched = 0;
    const old = await searchHistory('rueckruf angebot', { limit: 10 });
    expect(old.hits.map((h) => h.id)).toEqual(['w2400', 'w2401', 'w2402']);
    expect(old.hasMore).toBe(false);
    expect(keysFetched).toBeLessThan(oldBound);
  });
});
