// CouchDB sync figures (Node/tsx): five laptops each change n rows and sync, then a sixth merges, through
// a real pouchdb-server and through folders (in memory, and on disk with the Node folder the Electron
// shell uses), in the same run. Wall time includes the server (pouchdb-server, PouchDB over MemDOWN in a
// second Node process); "client CPU" is this process only, i.e. the engine's own work, for comparison with
// the folder's (all in this process); "server CPU" is the pouchdb-server process's. The server floor
// (couch-floor.ts) shows which share of it all is pouchdb-server itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFolder } from '../../electron/sync/node-folder';
import type { Folder } from '../../shared/sync/folder';
import { HlcClock } from '../../shared/sync/hlc';
import { MemoryFolder } from '../../shared/sync/memory-folder';
import { MemoryStore } from '../../shared/sync/memory-store';
import { makeDevice } from '../../shared/sync/testing';
import { CouchEngine } from '../../shared/sync/couch';
import type { CouchTransport } from '../../shared/sync/couch/types';
import type { Change } from '../../shared/sync/change';
import { adminRequest, fetchTransport, startCouchServer } from '../couch/server';
import { FLOOR_PAGE, serverFloor } from './couch-floor';
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

type Timed = { wallMs: number; cpu: number; otherCpu: number };

/**
 * Set-up (untimed): `local` holds n accounts, synced, and every device has them. Then the timed part.
 * `otherCpu` is the CPU time `serverCpu` reports over the timed part (NaN without it).
 */
async function scenario(local: Laptop, devices: Laptop[], n: number, serverCpu: () => number = () => NaN): Promise<Timed> {
  await local.store.recordLocal(accounts(local.clock, n));
  await local.sync();
  for (const d of devices) await d.sync();
  const edits = devices.map((d, k) =>
    Array.from({ length: n }, (_, i) => ({ table: 'accounts', rowId: `acc-${i}`, field: 'city', value: `dev${k}-${i}`, hlc: d.clock.tick(), device: d.clock.device })),
  );
  const t0 = performance.now();
  const c0 = cpuMs();
  const s0 = serverCpu();
  for (const [k, d] of devices.entries()) {
    await d.store.recordLocal(edits[k]!);
    await d.sync();
  }
  const status = await local.sync();
  const wallMs = performance.now() - t0;
  const cpu = cpuMs() - c0;
  const otherCpu = serverCpu() - s0;
  if (!status.ok || status.applied < n) throw new Error(`couch bench: only ${status.applied} of ${n} applied`);
  if (local.store.liveRows('accounts')[`acc-${n - 1}`]?.city !== `dev${DEVICES - 1}-${n - 1}`) throw new Error('couch bench: the merge is wrong');
  return { wallMs, cpu, otherCpu };
}

async function folderRun(n: number, folder: Folder) {
  const mk = async (name: string): Promise<Laptop> => {
    const d = await makeDevice(name, folder, Date.now);
    return { store: d.store, clock: d.clock, sync: () => d.engine.syncOnce() };
  };
  const local = await mk('local');
  const devices = [];
  for (let k = 0; k < DEVICES; k++) devices.push(await mk(`dev${k}`));
  return scenario(local, devices, n);
}

async function couchRun(transport: () => CouchTransport, n: number, serverCpu: () => number) {
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
  return scenario(local, devices, n, serverCpu);
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

export async function couchRows(sizes: readonly number[]): Promise<CouchRow[]> {
  const server = await startCouchServer();
  const rows: CouchRow[] = [];
  try {
    let db = 0;
    for (const n of sizes) {
      const couch = { wall: [] as number[], cpu: [] as number[], server: [] as number[] };
      const memory = { wall: [] as number[], cpu: [] as number[] };
      const disk = { wall: [] as number[], cpu: [] as number[] };
      const floor = { wall: [] as number[], server: [] as number[] };
      for (let r = 0; r < rounds(n <= 1000 ? 3 : 1); r++) {
        const m = await folderRun(n, new MemoryFolder());
        memory.wall.push(m.wallMs);
        memory.cpu.push(m.cpu);
        const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-folder-'));
        try {
          const d = await folderRun(n, new NodeFolder(dir));
          disk.wall.push(d.wallMs);
          disk.cpu.push(d.cpu);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        const name = `bench-${n}-${++db}`;
        if ((await adminRequest(server.url, 'PUT', name)) !== 201) throw new Error('couch bench: no database');
        const c = await couchRun(() => fetchTransport(`${server.url}/${name}`), n, () => server.cpuMs());
        couch.wall.push(c.wallMs);
        couch.cpu.push(c.cpu);
        couch.server.push(c.otherCpu);
        await adminRequest(server.url, 'DELETE', name);
        const f = await serverFloor(server, `floor-${n}-${db}`, DEVICES * n);
        floor.wall.push(f.wallMs);
        floor.server.push(f.serverCpuMs);
      }
      const what = `${DEVICES} laptops × ${n} changes, then a sixth merges (Node/tsx)`;
      const docs = `${DEVICES * n} documents (written in pages of ${FLOOR_PAGE})`;
      rows.push({ figure: `couch sync: ${what}, through pouchdb-server, wall time`, ms: median(couch.wall), baseline: 'folder sync of the same changes (MemoryFolder), wall time', baseMs: median(memory.wall) });
      rows.push({ figure: `couch sync: same, wall time`, ms: median(couch.wall), baseline: 'folder sync of the same changes on disk (NodeFolder, temp dir), wall time', baseMs: median(disk.wall) });
      rows.push({ figure: `couch sync: same, CPU time of the client only (server excluded)`, ms: median(couch.cpu), baseline: 'folder sync, CPU time (MemoryFolder)', baseMs: median(memory.cpu) });
      rows.push({ figure: `couch sync: same, CPU time of the client only`, ms: median(couch.cpu), baseline: 'folder sync, CPU time (NodeFolder)', baseMs: median(disk.cpu) });
      rows.push({ figure: `couch sync: same, CPU time of pouchdb-server`, ms: median(couch.server), baseline: `server floor: its CPU time for raw _bulk_docs + one raw _changes of ${docs}`, baseMs: median(floor.server) });
      rows.push({ figure: `couch sync: same, wall time`, ms: median(couch.wall), baseline: `server floor: raw _bulk_docs + one raw _changes?include_docs of ${docs}, wall time`, baseMs: median(floor.wall) });
      rows.push({ figure: `server floor: raw _bulk_docs + one raw _changes?include_docs of ${docs}, wall time`, ms: median(floor.wall), baseline: 'folder sync on disk (NodeFolder), wall time', baseMs: median(disk.wall) });
    }
  } finally {
    await server.dispose();
  }
  return rows;
}
