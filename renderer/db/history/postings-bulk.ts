import { builtMeta, PART_SIZE, partKey, POSTINGS_FORMAT, postingsOf, type PostDoc, type Posting, type PostMeta } from './postings';

/**
 * The block postings of rows written in one go into an empty history (the bulk demo load), built in
 * memory instead of by the middleware (history/postings-index.ts), which reads and rewrites the open
 * part of every list a chunk touches: with a two-year history every chunk touches nearly every list,
 * so a 100k-account load spent most of its time there.
 * Rows get doc numbers in the order they are added, as the middleware hands them out, so the stored
 * result is the same: a list's full parts (PART_SIZE pairs) are handed out as soon as they fill (they
 * never change again) and only the open parts stay in memory until `finish`.
 */
export class PostingsBuilder {
  private readonly lists = new Map<string, { pairs: Uint32Array; len: number; full: number }>();
  private next: number;

  /** `next`: the first doc number to hand out (the meta row's `next` of the empty history). */
  constructor(next = 0) {
    this.next = next;
  }

  /** Posts one row; its doc row goes to `docs`, posting parts that filled up to `full`. */
  add(id: string, words: readonly string[] | undefined, docs: PostDoc[], full: Posting[]): void {
    const n = this.next++;
    docs.push({ id, n });
    for (const [key, d] of postingsOf(words)) {
      let list = this.lists.get(key);
      if (!list) this.lists.set(key, (list = { pairs: new Uint32Array(8), len: 0, full: 0 }));
      if (list.len === 2 * PART_SIZE) {
        // rowsOf's cut: a part is full at PART_SIZE pairs, and only a further pair closes it.
        full.push({ k: partKey(key, list.full++), p: list.pairs.slice(0, list.len) });
        list.len = 0;
      }
      if (list.len + 2 > list.pairs.length) {
        const grown = new Uint32Array(Math.min(2 * PART_SIZE, list.pairs.length * 2));
        grown.set(list.pairs.subarray(0, list.len));
        list.pairs = grown;
      }
      list.pairs[list.len++] = n;
      list.pairs[list.len++] = d;
    }
  }

  /** The open part of every list (with the count of full parts before it) and the meta row of a built index. */
  finish(): { open: Posting[]; meta: PostMeta } {
    const open: Posting[] = [];
    for (const [k, list] of this.lists) open.push(list.full === 0 ? { k, p: list.pairs.slice(0, list.len) } : { k, p: list.pairs.slice(0, list.len), f: list.full });
    return { open, meta: builtMeta(this.next) };
  }
}

/**
 * The meta row while a bulk load writes: a layout no version writes, so if the load is cut off (the
 * app killed) the next start drops the half-written postings and builds them again from the rows
 * (history/postings-build.ts) instead of searching lists that miss the open parts never written.
 */
export const loadingMeta = (next: number): PostMeta => ({ k: '', next, format: -POSTINGS_FORMAT });
