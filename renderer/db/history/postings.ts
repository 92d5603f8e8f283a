import { isNameEntry, msOf, SEP, timeOf, wordOf } from './words';

/**
 * The history search's inverted index in blocks (pure format, no Dexie): for every four-week block
 * and every word used in it, the interactions of that block containing the word, packed as a
 * Uint32Array of pairs [doc number, milliseconds into the block] sorted by doc number. The row key is
 * `<block>\u0001<word>`, so all words beginning with a query word in one block are ONE range read;
 * several words intersect in memory, newest block first, and a combination that never occurs costs a
 * few small reads per block instead of one row read per index entry.
 * A long list is cut into parts of PART_SIZE pairs. The full ones, oldest first, are keyed
 * `<block>\u0001<word>\u0001<part>`; the open one (the newest 1 to PART_SIZE pairs) is keyed by the list
 * itself and says how many full parts precede it (`f`). All of them are inside the same range read.
 * New interactions get the highest doc numbers, so writing them reads and rewrites only the open part
 * of each list, found by its exact key, and turns it into a full part once it fills up: a bulk write
 * into a million-row history costs about what it costs into an empty one. (Format 1 kept the first
 * part under the list's key, so an append had to read every part of every list it touched: a demo
 * load of 100k accounts slowed down chunk by chunk.)
 * Blocks of four weeks rather than one: most words of a week occur in one or two interactions, so a
 * week per row meant about 3.6 posting rows written per interaction (each an IndexedDB request);
 * four weeks cut that by 60% (the search reads fewer, fuller rows).
 * `postDocs` maps each interaction id to its doc number (`n`, unique index) and back. Both stores
 * are local derived data (never synced, never in backups), kept in step with the rows' `words` by
 * history/postings-index.ts.
 */
export const POSTINGS = 'postings';
export const DOCS = 'postDocs';
/** The row of `postings` holding the next doc number and the build state (sorts before every week). */
export const META = '';
/** Four weeks (the milliseconds into a block must fit a Uint32: at most 49 days). */
export const BLOCK_MS = 28 * 86_400_000;
/**
 * Pairs per posting row: 4 KB. A bulk write rewrites the open part of every list it touches (half
 * a part on average), so smaller parts write less; the search reads a list's parts in one range
 * request either way. (Below 64 KB in any case, from where Chromium stores a value as a blob file.)
 */
export const PART_SIZE = 512;
const PART_WIDTH = 3;
const BLOCK_WIDTH = 4;

/**
 * A row of a posting list: `p` = [n0, d0, n1, d1, …] (doc number, ms into the block), sorted by doc
 * number; `f`, on the open part only: the number of full parts before it (absent: none).
 */
export type Posting = { k: string; p: Uint32Array; f?: number };
export type PostDoc = { id: string; n: number };
/**
 * The layout of keys and values above. Postings are derived, so a database whose postings have another
 * layout drops and rebuilds them in the background (history/postings-build.ts) instead of needing a
 * schema version: bump this with any change to blocks, keys, parts or packing.
 */
export const POSTINGS_FORMAT = 3;

/**
 * Next doc number to hand out; `built` once every row existing when v6 came is posted; `after`: the build
 * has posted every row whose `at` sorts below it; `format`: the POSTINGS_FORMAT the rows were written in
 * (absent from a stored row: 1, the first layout).
 */
export type PostMeta = { k: typeof META; next: number; built?: boolean; after?: string; format?: number };

/** The meta row before anything is posted (a database from before v6 has none). */
export const emptyMeta = (): PostMeta => ({ k: META, next: 0, format: POSTINGS_FORMAT });

/** The meta row of postings that hold every interaction (a new or emptied table). */
export const builtMeta = (next: number): PostMeta => ({ k: META, next, built: true, format: POSTINGS_FORMAT });

/** True when the postings were written in this version's layout. */
export const currentFormat = (meta: PostMeta | undefined): boolean => (meta?.format ?? 1) === POSTINGS_FORMAT;

export const blockOf = (ms: number): number => Math.max(0, Math.floor(ms / BLOCK_MS));
export const blockKey = (block: number): string => block.toString(36).padStart(BLOCK_WIDTH, '0');
export const blockOfKey = (key: string): number => parseInt(key.slice(0, BLOCK_WIDTH), 36);
/** The block part of a posting key (its first characters). */
export const blockPartOf = (key: string): string => key.slice(0, BLOCK_WIDTH);
/** The key of full part `part` of the list `key` (`<block>\u0001<word>`); the open part has the list's own key. */
export const partKey = (key: string, part: number): string => `${key}${SEP}${part.toString(36).padStart(PART_WIDTH, '0')}`;
/** The list a posting row is a part of. */
export function listOf(rowKey: string): string {
  const i = rowKey.indexOf(SEP, BLOCK_WIDTH + 1);
  return i < 0 ? rowKey : rowKey.slice(0, i);
}
/** The key range of the parts of the list `key`. */
export const partsRange = (key: string): [string, string] => [key, `${key}${SEP}\uffff`];

/** The key range of every word beginning with `term` in one block. */
export const termRange = (block: number, term: string): [string, string] => [`${blockKey(block)}${SEP}${term}`, `${blockKey(block)}${SEP}${term}\uffff`];

/**
 * The posting word for the initial `letter` of contact names. A one-letter query term ("S." in
 * "Ivanov S. V.") matches only a name word it begins (history/words.ts matchesAllTerms), so names
 * also post their initials: the search intersects them like words instead of reading every row of
 * the other words to check them. The marker sorts before every word and never occurs in one.
 */
export const initialTerm = (letter: string): string => `\u0002${letter}`;

/** A row's posting entries from its `words` (history/words.ts): posting key → ms into the block. */
export function postingsOf(words: readonly string[] | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const entry of words ?? []) {
    const ms = msOf(timeOf(entry));
    const block = blockOf(ms);
    const word = wordOf(entry);
    out.set(`${blockKey(block)}${SEP}${word}`, ms - block * BLOCK_MS);
    if (isNameEntry(entry)) out.set(`${blockKey(block)}${SEP}${initialTerm(word[0]!)}`, ms - block * BLOCK_MS);
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
  // New interactions have the highest doc numbers: appended, without rebuilding a long list.
  if (old && old.length > 0 && e.drop.size === 0 && e.set.size > 0 && Math.min(...e.set.keys()) > old[old.length - 2]!) {
    const ns = [...e.set.keys()].sort((a, b) => a - b);
    const out = new Uint32Array(old.length + 2 * ns.length);
    out.set(old);
    ns.forEach((n, i) => {
      out[old.length + 2 * i] = n;
      out[old.length + 2 * i + 1] = e.set.get(n)!;
    });
    return out;
  }
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

/**
 * The rows of the list `key` holding `pairs`, when its first `first` full parts are stored and stay as
 * they are: full parts numbered from `first`, and the open part last (none when `pairs` is empty).
 * Each part is a copy: a view would store its whole buffer.
 */
export function rowsOf(key: string, pairs: Uint32Array | undefined, first = 0, size = PART_SIZE): Posting[] {
  const out: Posting[] = [];
  if (!pairs || pairs.length === 0) return out;
  let at = 0;
  let part = first;
  for (; pairs.length - at > 2 * size; at += 2 * size) out.push({ k: partKey(key, part++), p: pairs.slice(at, at + 2 * size) });
  const open = at === 0 ? pairs : pairs.slice(at);
  out.push(part === 0 ? { k: key, p: open } : { k: key, p: open, f: part });
  return out;
}

/** The rows of one list joined again: full parts in key order, then the open part. */
export function joinParts(rows: ReadonlyArray<Posting>): Uint32Array | undefined {
  if (rows.length === 0) return undefined;
  if (rows.length === 1) return rows[0]!.p;
  const open = (r: Posting) => listOf(r.k) === r.k;
  const sorted = [...rows].sort((a, b) => (open(a) !== open(b) ? (open(a) ? 1 : -1) : a.k < b.k ? -1 : 1));
  const out = new Uint32Array(sorted.reduce((n, r) => n + r.p.length, 0));
  let at = 0;
  for (const r of sorted) {
    out.set(r.p, at);
    at += r.p.length;
  }
  return out;
}

const sameList = (a: Uint32Array | undefined, b: Uint32Array | undefined): boolean => !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);

/** True when two rows of a list hold the same (nothing to write). */
export const sameRow = (a: Posting | undefined, b: Posting): boolean => !!a && a.f === b.f && sameList(a.p, b.p);

/** The union of posting lists (one query word's expansions in one block): doc number → ms into the block. */
export function unionOf(lists: ReadonlyArray<Posting>): Map<number, number> {
  const out = new Map<number, number>();
  for (const { p } of lists) for (let i = 0; i < p.length; i += 2) out.set(p[i]!, p[i + 1]!);
  return out;
}
