import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Contact, Interaction } from '../../../../shared/domain';
import { openDb, useDatabase } from '../db';
import { searchWords } from '../../history/index-words';
import { postingsMiddleware } from '../../history/postings-index';
import { searchHistory } from '../../history/search';
import { matchesAllTerms, queryTerms } from '../../history/words';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const SUMMARIES = ['Wartungsvertrag verlängert', 'Angebot Wartung', 'Termin vereinbart', 'Angebot Kugelhahn'];

const row = (i: number): Interaction => ({
  id: `i${String(i).padStart(3, '0')}`, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done',
  at: new Date(Date.UTC(2025, 0, 1 + (i % 200), 9)).toISOString(), userId: 'u', contactIds: i % 5 === 0 ? ['c1'] : [], subject: '',
  summary: SUMMARIES[i % SUMMARIES.length]!, nextStep: '', createdAt: 1, ...(i % 19 === 0 ? { deletedAt: 1 } : {}),
});

const ivanov: Contact = { id: 'c1', accountId: 'a', title: '', firstName: 'S. V.', lastName: 'Ivanov', updatedAt: 1 } as Contact;

type Stored = Interaction & { words?: string[] };

/** What schema v7's words index finds for a query: each term's prefix walk, intersected, rows checked. */
async function foundByIndex(db: Dexie, query: string): Promise<string[]> {
  const terms = queryTerms(query);
  const table = db.table<Stored, string>('interactions');
  const sets = await Promise.all(terms.filter((t) => t.length >= 2).map(async (t) => new Set(await table.where('words').startsWith(t).primaryKeys())));
  const rows = (await table.bulkGet([...sets[0]!].filter((id) => sets.every((s) => s.has(id))))).filter((r): r is Stored => !!r);
  return rows.filter((r) => r.deletedAt === undefined && matchesAllTerms(r.words, terms)).map((r) => r.id).sort();
}

const QUERIES = ['wart', 'angebot', 'angebot wartung', 'Ivanov S. V.', 'ivanov termin', 'kugelhahn wartung'];

describe('schema v8', () => {
  it('drops the words index, keeps the rows as they were, and the search finds what the index found', async () => {
    const name = `v8-${crypto.randomUUID()}`;
    // A v7 database as the v7 app wrote it (words derived, postings kept by the middlewares).
    const v7 = new Dexie(name);
    for (const migrate of MIGRATIONS.slice(0, 7)) migrate(v7);
    v7.use(postingsMiddleware());
    v7.use(searchWords(v7));
    await v7.transaction('rw', [v7.table('contacts'), v7.table('interactions')], async () => {
      await v7.table('contacts').add(ivanov);
      await v7.table('interactions').bulkAdd(Array.from({ length: 400 }, (_, i) => row(i)));
    });
    expect(v7.table('interactions').schema.idxByName.words?.multi).toBe(true);
    const before = new Map<string, string[]>();
    for (const q of QUERIES) before.set(q, await foundByIndex(v7, q));
    const rowsBefore = await v7.table('interactions').toArray();
    v7.close();

    const db = openDb(name);
    useDatabase(db);
    await db.open();
    // Opened by today's app: v9 (it derives the words again with the new fold: v9.test.ts) and the later versions come on top.
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.interactions.schema.idxByName.words).toBeUndefined();
    expect(db.interactions.schema.idxByName.wordsStale).toBeDefined();
    expect(db.interactions.schema.idxByName['[type+complaint.status]']).toBeDefined();
    // The rows are as they were (v8 only deleted the index; v9 rewrote `words` alone).
    const strip = (rows: Stored[]) => rows.map(({ words: _w, ...r }) => r);
    expect(strip(await db.interactions.toArray())).toEqual(strip(rowsBefore));
    expect(rowsBefore.every((r: Stored) => r.deletedAt !== undefined || (r.words?.length ?? 0) > 0)).toBe(true);
    for (const q of QUERIES) {
      // Every query finds rows, but two words that never occur together.
      expect(before.get(q)!.length > 0, q).toBe(q !== 'kugelhahn wartung');
      const got = await searchHistory(q, { limit: 1000 });
      expect(got.hits.map((h) => h.id).sort(), q).toEqual(before.get(q));
      expect(got.hasMore).toBe(false);
    }
    db.close();
    await db.delete();
  });
});
