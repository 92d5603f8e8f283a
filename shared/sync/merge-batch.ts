/**
 * Folding other devices' files before they reach the store. Per field only the winner by
 * `compareWrites` is kept (what the store would keep anyway, merging being associative), so the store
 * reads and writes each touched row once per flush instead of once per file.
 */
import { type Change, compareWrites, fieldKey } from './change';

/**
 * FNV-1a (32 bit) of a row id. The Dexie store buckets rows by its low bits (renderer/db/sync/state.ts)
 * and a partitioned merge splits rows by them too, so one part of a merge touches only its buckets.
 * Stored data depends on it: never change it.
 */
export function rowHash(rowId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < rowId.length; i++) h = Math.imul(h ^ rowId.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Files decoded but not yet applied, folded to one winning change per field of the rows of one part. */
export class MergeBatch {
  private winners = new Map<string, Change>();
  private newest = '';
  /** Rows split into `parts` (a power of two) by the low bits of rowHash; this batch keeps `part`. */
  private parts = 1;

  constructor(private readonly part = 0) {}

  get size(): number {
    return this.winners.size;
  }

  /** Number of parts the rows are split into. */
  get partCount(): number {
    return this.parts;
  }

  /** The newest stamp seen (of every part: the clock must pass them all). */
  get newestStamp(): string {
    return this.newest;
  }

  add(changes: Change[]): void {
    const winners = this.winners;
    const mask = this.parts - 1;
    for (const c of changes) {
      if (c.hlc > this.newest) this.newest = c.hlc;
      if (mask !== 0 && (rowHash(c.rowId) & mask) !== this.part) continue;
      const key = fieldKey(c.table, c.rowId, c.field);
      const current = winners.get(key);
      if (!current || compareWrites(c.field, c, current) > 0) winners.set(key, c);
    }
  }

  /** Doubles the parts and drops what no longer belongs to this batch's part (only part 0 can grow). */
  split(): void {
    this.parts *= 2;
    const mask = this.parts - 1;
    for (const [key, c] of this.winners) if ((rowHash(c.rowId) & mask) !== this.part) this.winners.delete(key);
  }

  /** Hands the folded changes over and starts empty. */
  take(): Change[] {
    const out = [...this.winners.values()];
    this.winners = new Map();
    return out;
  }

  /** A batch for another part of the same split. */
  sibling(part: number): MergeBatch {
    const b = new MergeBatch(part);
    b.parts = this.parts;
    return b;
  }
}
