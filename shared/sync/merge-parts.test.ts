import { describe, expect, it } from 'vitest';
import { type Change, rowKey } from './change';
import { SyncEngine } from './engine';
import type { Folder } from './folder';
import { HlcClock } from './hlc';
import { MemoryFolder } from './memory-folder';
import { MemoryStore } from './memory-store';
import { makeDevice, type SimDevice } from './testing';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const now = () => T0;

/** A store that records which rows each apply call carried. */
class CountingStore extends MemoryStore {
  readonly calls: Array<Set<string>> = [];
  override async apply(changes: Change[]): Promise<Change[]> {
    this.calls.push(new Set(changes.map((c) => rowKey(c.table, c.rowId))));
    return super.apply(changes);
  }
}

/** Three devices each edit the same 120 rows (two fields), in segments of 50 changes: 720 changes, 240 distinct fields. */
async function writers(folder: Folder): Promise<SimDevice[]> {
  const devices = [await makeDevice('ann', folder, now), await makeDevice('ben', folder, now), await makeDevice('cem', folder, now, { maxChangesPerSegment: 50 })];
  for (const d of devices) {
    for (let i = 0; i < 120; i++) await d.edit('accounts', `acc-${i}`, { city: `${d.name}-${i}`, phone: `${i}` });
    await d.engine.syncOnce();
  }
  return devices;
}

function reader(folder: Folder, mergeBatchFields: number) {
  const store = new CountingStore();
  const engine = new SyncEngine({ folder, store, clock: new HlcClock('dan', now), now, deviceId: 'dan', mergeBatchFields });
  return { store, engine };
}

describe('merging more distinct fields than fit in one batch', () => {
  it('splits rows into parts: every row reaches the store once, and the result is what one batch gives', async () => {
    const folder = new MemoryFolder();
    await writers(folder);
    const whole = reader(folder, 100_000);
    await whole.engine.syncOnce();
    expect(whole.store.calls).toHaveLength(1);

    // 240 distinct fields against a limit of 100: part 0 is halved until it stays under 75 fields.
    const parted = reader(folder, 100);
    const status = await parted.engine.syncOnce();
    expect(status.problems.filter((p) => p.level !== 'info')).toEqual([]);
    expect(parted.store.calls.length).toBeGreaterThanOrEqual(4);
    const counts = new Map<string, number>();
    for (const call of parted.store.calls) for (const k of call) counts.set(k, (counts.get(k) ?? 0) + 1);
    expect(counts.size).toBe(120);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(parted.store.fingerprint()).toBe(whole.store.fingerprint());

    // Every file counts as applied: the next run merges nothing.
    const calls = parted.store.calls.length;
    expect((await parted.engine.syncOnce()).applied).toBe(0);
    expect(parted.store.calls.length).toBe(calls);
  });

  it('a file that cannot be read again in a later pass is not marked as seen: the next run merges it', async () => {
    const folder = new MemoryFolder();
    await writers(folder);
    const whole = reader(folder, 100_000);
    await whole.engine.syncOnce();

    // The second read of one of cem's segments fails (it vanished for a moment, a sync tool replacing it).
    const reads = new Map<string, number>();
    let flaky = '';
    const view: Folder = {
      list: (p) => folder.list(p),
      read: async (path) => {
        const n = (reads.get(path) ?? 0) + 1;
        reads.set(path, n);
        if (!flaky && path.includes('/cem/')) flaky = path;
        return path === flaky && n === 2 ? null : folder.read(path);
      },
      writeAtomic: (p, b) => folder.writeAtomic(p, b),
      remove: (p) => folder.remove(p),
    };
    const store = new CountingStore();
    const engine = new SyncEngine({ folder: view, store, clock: new HlcClock('dan', now), now, deviceId: 'dan', mergeBatchFields: 100 });
    await engine.syncOnce();
    expect(flaky).not.toBe('');
    expect(store.fingerprint()).not.toBe(whole.store.fingerprint());
    await engine.syncOnce();
    expect(store.fingerprint()).toBe(whole.store.fingerprint());
  });
});
