/**
 * Benchmark entry for `npm run bench` (tests/bench): N devices × M changes, merged into an in-memory
 * store in shuffled order, merged again (must be a no-op), and round-tripped through segment files.
 * Returns timings only; nothing here asserts on time.
 */
import type { Change } from './change';
import { encodeHlc } from './hlc';
import { makeChange } from './change';
import { MemoryStore } from './memory-store';
import { seededRandom } from './memory-folder';
import { decodeDataFile, encodeDataFile } from './segment';

export type BenchMergeOptions = {
  devices: number;
  changesPerDevice: number;
  /** Distinct rows the changes spread over (default: changesPerDevice / 4). */
  rows?: number;
  seed?: number;
  /** Also encode/decode each device's changes as one segment (default true). */
  segments?: boolean;
};

export type BenchMergeResult = {
  changes: number;
  /** Fields in the merged state. */
  fields: number;
  generateMs: number;
  mergeMs: number;
  /** Merging everything a second time (idempotence path). */
  remergeMs: number;
  encodeMs: number;
  decodeMs: number;
};

const FIELDS = ['name', 'city', 'phone', 'email', 'notes', 'stage', 'value', '_deleted'];

export async function benchMerge(opts: BenchMergeOptions): Promise<BenchMergeResult> {
  const random = seededRandom(opts.seed ?? 42);
  const rows = opts.rows ?? Math.max(1, Math.floor(opts.changesPerDevice / 4));
  const t0 = performance.now();
  const perDevice: Change[][] = [];
  for (let d = 0; d < opts.devices; d++) {
    const device = `dev${d}`;
    const list: Change[] = [];
    for (let i = 0; i < opts.changesPerDevice; i++) {
      const field = FIELDS[Math.floor(random() * FIELDS.length)]!;
      const wall = 1_790_000_000_000 + Math.floor(random() * 86_400_000);
      const value = field === '_deleted' ? random() < 0.5 : `v${Math.floor(random() * 1000)}`;
      list.push(makeChange('accounts', `r${Math.floor(random() * rows)}`, field, value, encodeHlc({ wall, counter: i % 7, device })));
    }
    perDevice.push(list);
  }
  const all = perDevice.flat();
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const t1 = performance.now();
  const store = new MemoryStore();
  await store.apply(all);
  const t2 = performance.now();
  await store.apply(all);
  const t3 = performance.now();
  let encodeMs = 0;
  let decodeMs = 0;
  if (opts.segments !== false) {
    for (const [d, list] of perDevice.entries()) {
      const a = performance.now();
      const header = { kind: 'segment' as const, folder: 'bench', device: `dev${d}`, seq: 1, prev: '', created: list[0]?.hlc ?? encodeHlc({ wall: 0, counter: 0, device: `dev${d}` }) };
      const file = await encodeDataFile(header, list);
      const b = performance.now();
      await decodeDataFile(file.bytes, undefined);
      encodeMs += b - a;
      decodeMs += performance.now() - b;
    }
  }
  return {
    changes: all.length,
    fields: (await store.exportAll()).length,
    generateMs: t1 - t0,
    mergeMs: t2 - t1,
    remergeMs: t3 - t2,
    encodeMs,
    decodeMs,
  };
}
