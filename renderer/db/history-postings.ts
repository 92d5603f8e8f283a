import { msOf, SEP, timeOf, wordOf } from './history-words';

/**
 * The history search's inverted index in blocks (pure format, no Dexie): for every calendar week and
 * every word used that week, one `postings` row holding the interactions of that week containing
 * the word, packed as a Uint32Array of pairs [doc number, milliseconds into the week] sorted by doc
 * number. The row key is `<week>\u0001<word>`, so all words beginning with a query word in one week
 * are ONE range read; several words intersect in memory, newest week first, and a combination that
 * never occurs costs a few small reads per week instead of one row read per index entry.
 * `postDocs` maps each interaction id to its doc number (`n`, unique index) and back. Both stores
 * are local derived data (never synced, never in backups), kept in step with `interactions.words` by
 * history-postings-index.ts.
 */
export const POSTINGS = 'postings';
export const DOCS = 'postDocs';
/** The row of `postings` holding the next doc number and the build state (sorts before every week). */
export const META = '';
/** A week: small enough that a word found in every interaction of a week at 1M interactions over two years stays near 64 KB (Chromium moves bigger values into blob files). */
export const BLOCK_MS = 7 * 86_400_000;
const BLOCK_WIDTH = 4;

/** One posting list: `p` = [n0, d0, n1, d1, …] (doc number, ms into the block), sorted by doc number. */
export type Posting = { k: string; p: Uint32Array };
export type PostDoc = { id: string; n: number };
/** Next doc number to hand out; `built` once every row existing when v6 came is posted; `after`: the build has posted every row whose `at` sorts below it. */
export type PostMeta = { k: typeof META; next: number; built?: boolean; after?: string };

export const blockOf = (ms: number): number => Math.max(0, Math.floor(ms / BLOCK_MS));
export const blockKey = (block: number): string => block.toString(36).padStart(BLOCK_WIDTH, '0');
export const blockOfKey = (key: string): number => parseInt(key.slice(0, BLOCK_WIDTH), 36);

/** The key range of every word beginning with `term` in one block. */
export const termRange = (block: number, term: string): [string, string] => [`${blockKey(block)}${SEP}${term}`, `${blockKey(block)}${SEP}${term}\uffff`];

/** A row's posting entries from its `words` (history-words.ts): posting key → ms into the block. */
export function postingsOf(words: readonly string[] | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const entry of words ?? []) {
    const ms = msOf(timeOf(entry));
    const block = blockOf(ms);
    out.set(`${blockKey(block)}${SEP}${wordOf(entry)}`, ms - block * BLOCK_MS);
  }
  return out;
}

/** Entry changes per posting key: doc numbers to drop, and (doc number → ms) to set. */
export type PostingEdits = Map<string, { drop: Set<number>; set: Map<number, number> }>;

/** Records that doc `n` went from `before` to `after` (postingsOf of the old and new row). */
export function addEdit(edits: PostingEdits, n: number, before: Map<string, number>, after: Map<string, number>): void {
  const edit = (key: string) => {
    let e = edits.get(key);
    if (!e) edits.set(key, (e = { drop: new Set(), set: new Map() }));
    return e;
  };
  for (const [key, d] of before) if (after.get(key) !== d) edit(key).drop.add(n);
  for (const [key, d] of after) if (before.get(key) !== d) edit(key).set.set(n, d);
}

/** A posting list with the edits applied; undefined when it is left empty. */
export function applyEdit(old: Uint32Array | undefined, e: { drop: Set<number>; set: Map<number, number> }): Uint32Array | undefined {
  const entries = new Map<number, number>();
  if (old) for (let i = 0; i < old.length; i += 2) entries.set(old[i]!, old[i + 1]!);
  for (const n of e.drop) entries.delete(n);
  for (const [n, d] of e.set) entries.set(n, d);
  if (entries.size === 0) return undefined;
  const ns = [...entries.keys()].sort((a, b) => a - b);
  const out = new Uint32Array(ns.length * 2);
  ns.forEach((n, i) => {
    out[2 * i] = n;
    out[2 * i + 1] = entries.get(n)!;
  });
  return out;
}

/** The union of posting lists (one query word's expansions in one block): doc number → ms into the block. */
export function unionOf(lists: ReadonlyArray<Posting>): Map<number, number> {
  const out = new Map<number, number>();
  for (const { p } of lists) for (let i = 0; i < p.length; i += 2) out.set(p[i]!, p[i + 1]!);
  return out;
}
