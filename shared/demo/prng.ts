/**
 * Seeded randomness for the demo generator. sfc32 (128-bit state) instead of a 32-bit generator:
 * every account draws from its own stream, and with 100k streams a 32-bit state space would make
 * streams overlap. Ids do not depend on the streams being distinct at all (see `demoUuid`).
 */

/** murmur3's finaliser: a bijection on 32-bit integers that scrambles every bit. */
export function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes several integers into one 32-bit hash (order matters). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = fmix32(h ^ fmix32((p >>> 0) + 0x7f4a7c15));
  return h;
}

/** A small deterministic random source with the helpers the generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seedParts: number[]) {
    this.a = hash32(...seedParts, 1);
    this.b = hash32(...seedParts, 2);
    this.c = hash32(...seedParts, 3);
    this.d = hash32(...seedParts, 4) | 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Next unsigned 32-bit integer (sfc32). */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Uniform float in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One key of a weight table, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    let total = 0;
    for (const k of keys) total += weights[k];
    let r = this.next() * total;
    for (const k of keys) {
      r -= weights[k];
      if (r < 0) return k;
    }
    return keys[keys.length - 1] as K;
  }
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/**
 * A UUID v4-shaped id that is unique by construction: the pair (owner index, table and row number
 * within the owner) is 64 bits that no two rows share, and a four-round Feistel network over
 * fmix32 (a bijection) turns it into 64 random-looking bits. The remaining bits are random.
 */
export function demoUuid(seed: number, ownerIndex: number, table: number, row: number, rng: Rng): string {
  let left = ownerIndex >>> 0;
  let right = (((table & 0xff) << 24) | (row & 0xffffff)) >>> 0;
  for (let round = 0; round < 4; round++) {
    const next = (left ^ fmix32(right ^ hash32(seed, round))) >>> 0;
    left = right;
    right = next;
  }
  const mid1 = rng.u32();
  const mid2 = rng.u32();
  const timeMid = (mid1 >>> 16) & 0xffff;
  const version = 0x4000 | (mid1 & 0x0fff);
  const variant = 0x8000 | ((mid2 >>> 16) & 0x3fff);
  const node = mid2 & 0xffff;
  return `${hex(left, 8)}-${hex(timeMid, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(node, 4)}${hex(right, 8)}`;
}

/** Table codes inside generated ids. */
export const TABLE = { account: 1, contact: 2, interaction: 3, deal: 4, sale: 5, team: 6, leadSource: 7 } as const;

/** Hands out ids for one owner (an account, or the global rows), counting rows per table. */
export class IdMaker {
  private readonly counters = new Map<number, number>();

  constructor(
    private readonly seed: number,
    private readonly ownerIndex: number,
    private readonly rng: Rng,
  ) {}

  /** The next id of a table for this owner. */
  next(table: number): string {
    const row = this.counters.get(table) ?? 0;
    this.counters.set(table, row + 1);
    return demoUuid(this.seed, this.ownerIndex, table, row, this.rng);
  }
}
