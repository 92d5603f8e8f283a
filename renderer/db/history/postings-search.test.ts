import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../shared/domain';
import { openDb, useDatabase as setAppDb, type RapportDb } from '../core/db';
import { searchHistory } from './search';
import { newStats } from './walk';

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
  } as Interaction;
}

/**
 * Two years of history: "angebot" and "termin" common (and often together), "becker" in a few rows,
 * "rueckruf" only in the three oldest; few distinct instants, so page edges fall on shared times;
 * two bursts of hundreds of rows at one instant (ties at the edge of a page).
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

let db: RapportDb;
let rows: Interaction[];

beforeAll(async () => {
  db = openDb(`postings-search-${crypto.randomUUID()}`);
  setAppDb(db);
  rows = history();
  await db.interactions.bulkAdd(rows);
}, 60_000);

afterAll(async () => {
  db.close();
  await db.delete();
});

describe('history search over the block postings', () => {
  it('returns exactly the newest matches, in order, without duplicates, for small and large pages', async () => {
    const cases = {
      'termin': [1, 50, 700], 'rueck': [1, 50], 'bec': [7, 5000], 'notiz': [299, 600], 'angebot termin': [1, 50, 301], 'becker angebot': [7, 50, 5000], 'becker termin angebot': [1, 7, 5000], 'rueckruf angebot': [1, 5000], 'becker rueckruf': [50], 'notiz burst': [299, 600],
    };
    for (const [query, limits] of Object.entries(cases)) {
      const all = expected(rows, query);
      for (const limit of limits) {
        const stats = newStats();
        const got = await searchHistory(query, { limit, stats });
        expect(stats.blocks, 'the postings were used').toBeGreaterThan(0);
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

  it('reads the rows of a page, and the common word only in the blocks where the rare one occurs', async () => {
    const page = newStats();
    expect((await searchHistory('becker termin', { limit: 10, stats: page })).hits).toHaveLength(10);
    // The page and one more, and every match at the instant of the last one (ordered by id there).
    const all = expected(rows, 'becker termin');
    expect(page.rows).toBe(all.filter((r) => r.at >= all[10]!.at).length);
    // A rare word with only old hits: one small read per block for it, and the common word's postings
    // only in the block or two holding its three rows, whichever word the query names first.
    for (const query of ['rueckruf angebot', 'angebot rueckruf']) {
      const old = newStats();
      const found = await searchHistory(query, { limit: 10, stats: old });
      expect(found.hits.map((h) => h.id)).toEqual(['w2400', 'w2401', 'w2402']);
      expect(found.hasMore).toBe(false);
      expect(old.keyCalls, query).toBeLessThanOrEqual(old.blocks + 3);
      expect(old.rows).toBe(3);
    }
  });

  it('answers two common words that never occur together definitely, reading no row', async () => {
    await db.interactions.bulkAdd(rows.slice(0, 400).map((r, i) => ({ ...r, id: `n${i}`, summary: 'newsletter versand', deletedAt: undefined })));
    const stats = newStats();
    const got = await searchHistory('newsletter angebot', { stats });
    expect(got).toEqual({ hits: [], hasMore: false });
    expect(stats.rows).toBe(0);
    // Two range reads per four-week block of history (about two years).
    expect(stats.keyCalls).toBeLessThanOrEqual(2 * 28);
  });
});

describe('history search with initials', () => {
  it('checks the rows of a common name against the initials, page after page, as a brute-force filter', async () => {
    const own = openDb(`postings-initials-${crypto.randomUUID()}`);
    setAppDb(own);
    try {
      const people = [['S. V.', 'Ivanov'], ['A. B.', 'Ivanov'], ['Sergej', 'Ivanova'], ['Olga', 'Petrova']] as const;
      await own.contacts.bulkAdd(people.map(([firstName, lastName], i) => ({ id: `c${i}`, accountId: 'a', title: '', firstName, lastName, updatedAt: 1 }) as never));
      const next = random(9);
      // Mostly the other Ivanov: the initials reject most rows the name finds.
      const person = () => (next() < 0.08 ? 'c0' : next() < 0.1 ? 'c2' : next() < 0.8 ? 'c1' : 'c3');
      const all = Array.from({ length: 1500 }, (_, i) => row(i, NEWEST - Math.floor(next() * 300) * DAY, 'besuch', { contactIds: [person()] }));
      await own.transaction('rw', own.contacts, own.interactions, () => own.interactions.bulkAdd(all));
      // "Ivanov" begins the names of three people; "S." and "V." only of S. V. Ivanov (Sergej Ivanova has no V).
      const exact = all.filter((r) => r.contactIds[0] === 'c0').sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
      expect(exact.length).toBeGreaterThan(51);
      expect(exact.length * 5).toBeLessThan(all.filter((r) => r.contactIds[0] !== 'c3').length);
      for (const limit of [1, 50, 1000]) {
        const got = await searchHistory('Ivanov S. V.', { limit });
        expect(got.hits.map((h) => h.id), `@${limit}`).toEqual(exact.slice(0, limit).map((r) => r.id));
        expect(got.hasMore).toBe(exact.length > limit);
      }
    } finally {
      setAppDb(db);
      own.close();
      await own.delete();
    }
  });
});
