// Three laptops × 10k changes each, overlapping rows and fields, converge through a real pouchdb-server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampEdits } from '../../../shared/sync/change';
import { adminRequest, type CouchServer, fetchTransport, startCouchServer } from '../../couch/server';
import { type CouchLaptop, makeLaptop } from '../../couch/clients';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => server?.dispose());

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = ['name', 'city', 'phone', 'owner', 'status'];

/** `n` changes over 3000 shared rows: each laptop edits random fields of random rows, some twice. */
async function randomEdits(l: CouchLaptop, n: number, seed: number): Promise<void> {
  const r = rng(seed);
  const changes = [];
  for (let i = 0; i < n; i++) {
    const row = `r${Math.floor(r() * 3000)}`;
    const field = FIELDS[Math.floor(r() * FIELDS.length)]!;
    changes.push(...stampEdits(l.clock, 'accounts', row, { [field]: `${l.name}-${i}` }, l.store.rowStamp('accounts', row)));
  }
  await l.store.recordLocal(changes);
}

describe('convergence through the server', () => {
  it('3 laptops × 10k changes end with identical state', async () => {
    expect(await adminRequest(server.url, 'PUT', 'big')).toBe(201);
    const db = `${server.url}/big`;
    const laptops = await Promise.all(['anna', 'ben', 'cem'].map((n) => makeLaptop(n, fetchTransport(db))));
    await Promise.all(laptops.map((l, i) => randomEdits(l, 10_000, i + 1)));
    // All three push at once (409s and re-merges), then each pulls what the others wrote.
    const first = await Promise.all(laptops.map((l) => l.engine.syncOnce()));
    for (const s of first) expect(s.problems.filter((p) => p.level !== 'info')).toEqual([]);
    for (const l of laptops) expect((await l.engine.syncOnce()).pending).toBe(0);
    const prints = laptops.map((l) => l.store.fingerprint());
    expect(prints[1]).toBe(prints[0]);
    expect(prints[2]).toBe(prints[0]);
    // Nothing was lost: every laptop's last edit of each field is the one the others hold, unless a later edit beat it.
    const rows = laptops[0]!.store.liveRows('accounts');
    expect(Object.keys(rows).length).toBeGreaterThan(2900);
    // A further run has nothing to do.
    const quiet = await laptops[0]!.engine.syncOnce();
    expect([quiet.applied, quiet.written, quiet.pending]).toEqual([0, 0, 0]);
  }, 180_000);
});
