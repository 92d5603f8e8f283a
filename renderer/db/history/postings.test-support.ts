import { expect } from 'vitest';
import type { Interaction } from '../../../shared/domain';
import type { RapportDb } from '../core/db';
import { settleSearchWords } from './index-words';
import { DOCS, listOf, META, PART_SIZE, partKey, POSTINGS, postingsOf, unionOf, type PostDoc, type Posting, type PostMeta } from './postings';
import { searchHistory } from './search';
import { matchesAllTerms, queryTerms } from './words';

// Checks shared by the postings tests (index middleware and background build): the stored postings
// against a brute-force derivation from every row.

type Stored = Interaction & { words?: string[] };
const entries = (m: Map<string, Map<number, number>>) => [...m].map(([k, v]) => [k, [...v].sort((a, b) => a[0] - b[0])] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));

/** The stored postings equal those derived from every row's words, and every row has one doc number. */
export async function expectExact(db: RapportDb): Promise<void> {
  await settleSearchWords(db);
  const rows = (await db.interactions.toArray()) as Stored[];
  const docs = (await db.table(DOCS).toArray()) as PostDoc[];
  expect(docs.map((d) => d.id).sort()).toEqual(rows.map((r) => r.id).sort());
  expect(new Set(docs.map((d) => d.n)).size).toBe(docs.length);
  const n = new Map(docs.map((d) => [d.id, d.n]));
  const want = new Map<string, Map<number, number>>();
  for (const r of rows) for (const [k, d] of postingsOf(r.words)) (want.get(k) ?? want.set(k, new Map()).get(k)!).set(n.get(r.id)!, d);
  const stored = ((await db.table(POSTINGS).toArray()) as Array<Posting | PostMeta>).filter((p): p is Posting => p.k !== META);
  // A long list is stored as full parts numbered 0… and an open part under the list's key that counts
  // them (`f`), not empty; all in doc order.
  const lists = new Map<string, Posting[]>();
  for (const p of stored) lists.set(listOf(p.k), [...(lists.get(listOf(p.k)) ?? []), p]);
  for (const [key, parts] of lists) {
    const open = parts.find((p) => p.k === key);
    const full = parts.filter((p) => p.k !== key).sort((a, b) => (a.k < b.k ? -1 : 1));
    expect(open, key).toBeDefined();
    expect(open!.f ?? 0).toBe(full.length);
    expect(full.map((p) => p.k)).toEqual(full.map((_, i) => partKey(key, i)));
    expect(full.every((p) => p.p.length === 2 * PART_SIZE) && open!.p.length > 0 && open!.p.length <= 2 * PART_SIZE).toBe(true);
    const ns = [...full, open!].flatMap((p) => [...p.p.filter((_, i) => i % 2 === 0)]);
    expect(ns).toEqual([...ns].sort((a, b) => a - b));
  }
  expect(entries(new Map([...lists].map(([k, parts]) => [k, unionOf(parts)])))).toEqual(entries(want));
}

/** A multi-word search equals a filter over every live row's words. */
export async function expectFound(db: RapportDb, query: string): Promise<void> {
  const terms = queryTerms(query);
  const rows = (await db.interactions.toArray()) as Stored[];
  const want = rows.filter((r) => r.deletedAt === undefined && matchesAllTerms(r.words, terms)).map((r) => r.id).sort();
  expect((await searchHistory(query, { limit: 1000 })).hits.map((h) => h.id).sort(), query).toEqual(want);
}

