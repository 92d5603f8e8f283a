// CouchDB sync figures (Node/tsx): five laptops each change n rows and sync, then a sixth merges, once
// through a real pouchdb-server and once through an in-memory folder, in the same run. Wall time includes
// the server (pouchdb-server, PouchDB over MemDOWN in a second Node process); the CPU figures are this
// process only, i.e. the engine's own work, for comparison with the folder's (all in this process).
import { HlcClock } from '../../shared/sync/hlc';
import { MemoryFolder } from '../../shared/sync/memory-folder';
import { MemoryStore } from '../../shared/sync/memory-store';
import { makeDevice } from '../../shared/sync/testing';
import { CouchEngine } from '../../shared/sync/couch';
import type { CouchTransport } from '../../shared/sync/couch/types';
import type { Change } from '../../shared/sync/change';
import { adminRequest, fetchTransport, startCouchServer } from '../couch/server';
import { rounds } from './rounds';

export type CouchRow = { figure: string; ms: number; baseline: string; baseMs: number };

type Laptop = { store: MemoryStore; clock: HlcClock; sync: () => Promise<{ ok: boolean; applied: number }> };

const DEVICES = 5;

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function accounts(clock: HlcClock, n: number): Change[] {
  const out: Change[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ table: 'accounts', rowId: `acc-${i}`, field: 'name', value: `Firma ${i}`, hlc: clock.tick(), device: clock.device });
    out.push({ table: 'accounts', rowId: `acc-${i}`, field: 'city', value: 'Köln', hlc: clock.tick(), device: clock.device });
  }
  return out;
}

/** Set-up (untimed): `local` holds n accounts, synced, and every device has them. Then the timed part. */
async function scenario(local: Laptop, devices: Laptop[], n: number): Promise<{ wallMs: number; cpu: number }> {
  await local.store.recordLocal(accounts(local.clock, n));
  await local.sync();
  for (const d of devices) await d.sync();
  const edits = devices.map((d, k) =>
    Array.from({ length: n }, (_, i) => ({ table: 'accounts', rowId: `acc-${i}`, field: 'city', value: `dev${k}-${i}`, hlc: d.clock.tick(), device: d.clock.device })),
  );
  const t0 = performance.now();
  const c0 = cpuMs();
  for (const [k, d] of devices.entries()) {
    await d.store.recordLocal(edits[k]!);
    await d.sync();
  }
  const status = await local.sync();
  const wallMs = performance.now() - t0;
  const cpu = cpuMs() - c0;
  if (!status.ok || status.applied < n) throw new Error(`couch bench: only ${status.applied} of ${n} applied`);
  if (local.store.liveRows('accounts')[`acc-${n - 1}`]?.city !== `dev${DEVICES - 1}-${n - 1}`) throw new Error('couch bench: the merge is wrong');
  return { wallMs, cpu };
}

async function folderRun(n: number) {
  const folder = new MemoryFolder();
  const mk = async (name: string): Promise<Laptop> => {
    const d = await makeDevice(name, folder, Date.now);
    return { store: d.store, clock: d.clock, sync: () => d.engine.syncOnce() };
  };
  const local = await mk('local');
  const devices = [];
  for (let k = 0; k < DEVICES; k++) devices.push(await mk(`dev${k}`));
  return scenario(local, devices, n);
}

async function couchRun(transport: () => CouchTransport, n: number) {
  const mk = async (name: string): Promise<Laptop> => {
    const store = new MemoryStore();
    const clock = new HlcClock(name);
    const engine = new CouchEngine({ transport: transport(), store, clock, deviceId: name });
    await engine.init();
    return { store, clock, sync: () => engine.syncOnce() };
  };
  const local = await mk('local');
  const devices = [];
  for (let k = 0; k < DEVICES; k++) devices.push(await mk(`dev${k}`));
  return scenario(local, devices, n);
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

export async function couchRows(sizes: readonly number[]): Promise<CouchRow[]> {
  const server = await startCouchServer();
  const rows: CouchRow[] = [];
  try {
    let db = 0;
    for (const n of sizes) {
      const couch = { wall: [] as number[], cpu: [] as number[] };
      const folder = { wall: [] as number[], cpu: [] as number[] };
      for (let r = 0; r < rounds(n <= 1000 ? 3 : 1); r++) {
        const f = await folderRun(n);
        folder.wall.push(f.wallMs);
        folder.cpu.push(f.cpu);
        const name = `bench-${n}-${++db}`;
        if ((await adminRequest(server.url, 'PUT', name)) !== 201) throw new Error('couch bench: no database');
        const c = await couchRun(() => fetchTransport(`${server.url}/${name}`), n);
        couch.wall.push(c.wallMs);
        couch.cpu.push(c.cpu);
        await adminRequest(server.url, 'DELETE', name);
      }
      const what = `${DEVICES} laptops × ${n} changes, then a sixth merges (Node/tsx)`;
      rows.push({ figure: `couch sync: ${what}, through pouchdb-server, wall time`, ms: median(couch.wall), baseline: 'folder sync of the same changes (MemoryFolder), wall time', baseMs: median(folder.wall) });
      rows.push({ figure: `couch sync: same, CPU time of the client only (server excluded)`, ms: median(couch.cpu), baseline: 'folder sync, CPU time', baseMs: median(folder.cpu) });
    }
  } finally {
    await server.dispose();
  }
  return rows;
}
