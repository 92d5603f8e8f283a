// A read-only index from id strings to positions in a list, for joins over 100k rows. A
// Map<string, …> costs a few hundred ns per lookup at that size: every probe compares against
// the key strings in its bucket, and those strings lie scattered over the heap (one cache miss
// each). Here a probe reads two typed arrays and touches a key string only when its full 32-bit
// hash matches, i.e. almost only on a real hit. Correctness never depends on the hash: a match is
// always confirmed by comparing the strings.

/** Positions of the same ids are chained; `keys` is the list the index was built from. */
export type IdIndex = {
  keys: readonly string[];
  /** Hash of each key (hashId), compared before the strings. */
  hashes: Int32Array;
  /** First position per hash slot, -1 = empty. */
  heads: Int32Array;
  /** Next position in the same slot, -1 = end; positions follow the input order. */
  next: Int32Array;
  /** 32 − log2(heads.length), for slotOf. */
  shift: number;
};

/** How many trailing characters feed the hash: UUIDs, ULIDs and counters differ there. */
const HASHED_CHARS = 6;

/**
 * The length and the last 6 UTF-16 units (24 random bits of a UUID), as a polynomial in 31. Ids
 * that differ only further left hash alike and are still told apart by the string comparison;
 * they only make lookups slower. Kept short on purpose: hashing every account id is a large part
 * of the join, and the terms are independent products (no multiply chain), so the loads of
 * consecutive ids overlap instead of waiting for each other.
 */
export function hashId(id: string): number {
  const n = id.length;
  if (n < HASHED_CHARS) {
    let h = n;
    for (let k = 0; k < n; k++) h = (Math.imul(h, 31) + id.charCodeAt(k)) | 0;
    return h;
  }
  return (Math.imul(id.charCodeAt(n - 6), 28_629_151) + Math.imul(id.charCodeAt(n - 5), 923_521) + Math.imul(id.charCodeAt(n - 4), 29_791)
    + id.charCodeAt(n - 3) * 961 + id.charCodeAt(n - 2) * 31 + id.charCodeAt(n - 1) + Math.imul(n, 887_503_681)) | 0;
}

/** Table slot of a hash: Fibonacci hashing spreads the few bits that differ over the whole table. */
function slotOf(h: number, shift: number): number {
  return Math.imul(h, 0x9e3779b1) >>> shift;
}

export function buildIdIndex(keys: readonly string[]): IdIndex {
  let bits = 4;
  while (1 << bits < keys.length) bits++;
  const shift = 32 - bits;
  const hashes = new Int32Array(keys.length);
  const heads = new Int32Array(1 << bits).fill(-1);
  const next = new Int32Array(keys.length);
  // Filled back to front so that every chain lists its positions in input order.
  for (let k = keys.length - 1; k >= 0; k--) {
    const h = hashId(keys[k] as string);
    hashes[k] = h;
    const slot = slotOf(h, shift);
    next[k] = heads[slot] as number;
    heads[slot] = k;
  }
  return { keys, hashes, heads, next, shift };
}

/** First position holding `id` (hash `h` = hashId(id)), -1 when none; pass it to nextOf for the rest. */
export function firstOf(ix: IdIndex, id: string, h: number): number {
  return scan(ix, id, h, ix.heads[slotOf(h, ix.shift)] as number);
}

/** The next position after `k` that holds the same id, -1 when none. */
export function nextOf(ix: IdIndex, id: string, h: number, k: number): number {
  return scan(ix, id, h, ix.next[k] as number);
}

function scan(ix: IdIndex, id: string, h: number, from: number): number {
  for (let k = from; k >= 0; k = ix.next[k] as number) if (ix.hashes[k] === h && ix.keys[k] === id) return k;
  return -1;
}
