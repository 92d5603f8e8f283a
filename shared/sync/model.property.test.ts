/**
 * Model-based test: 3–5 simulated laptops share a faulty folder (late files, half-delivered files,
 * conflicted copies, failed renames and crashed writes), clocks skewed by up to ±1 year, one laptop
 * offline for many rounds (long enough to be expired, even abandoned, and to come back through a
 * snapshot), rows deleted, restored by later edits and erased, with and without encryption. The
 * model is a store that received every edit ever made: at the end every laptop must equal it — the
 * same data everywhere, no edit lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from './change';
import { SimulatedSharedFolder } from './memory-folder';
import { MemoryStore } from './memory-store';
import type { SyncProblem } from './problems';
import { makeDevice, type SimDevice } from './testing';

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;
const T0 = Date.UTC(2026, 10, 23);

type Model = { offline: Set<number> };
type Real = { sim: SimulatedSharedFolder; devices: SimDevice[]; time: { t: number }; edits: Change[]; problems: SyncProblem[] };
type Cmd = fc.AsyncCommand<Model, Real, boolean>;

const ROWS = ['a1', 'a2', 'a3', 'a4'];
const FIELDS = ['name', 'city', 'stage', 'summary'];

function editCmd(d: number, row: string, field: string, value: string): Cmd {
  return {
    check: () => true,
    run: async (_m, r) => {
      const dev = r.devices[d % r.devices.length]!;
      r.edits.push(...(await dev.edit('accounts', row, { [field]: value })));
    },
    toString: () => `edit(${d},${row},${field},${value})`,
  };
}

function deleteCmd(d: number, row: string): Cmd {
  return {
    check: () => true,
    run: async (_m, r) => {
      r.edits.push(...(await r.devices[d % r.devices.length]!.remove('accounts', row)));
    },
    toString: () => `delete(${d},${row})`,
  };
}

function eraseCmd(d: number, row: string): Cmd {
  return {
    check: () => true,
    run: async (_m, r) => {
      r.edits.push(...(await r.devices[d % r.devices.length]!.erase('accounts', row)));
    },
    toString: () => `erase(${d},${row})`,
  };
}

function syncCmd(d: number): Cmd {
  return {
    check: () => true,
    run: async (_m, r) => {
      const s = await r.devices[d % r.devices.length]!.engine.syncOnce();
      r.problems.push(...s.problems);
    },
    toString: () => `sync(${d})`,
  };
}

function tickCmd(hours: number): Cmd {
  return {
    check: () => true,
    run: async (_m, r) => {
      r.time.t += hours * HOUR;
      r.sim.tick();
    },
    toString: () => `tick(${hours})`,
  };
}

function offlineCmd(d: number): Cmd {
  return {
    check: () => true,
    run: async (m, r) => {
      const i = d % r.devices.length;
      const name = r.devices[i]!.name;
      if (m.offline.has(i)) {
        m.offline.delete(i);
        r.sim.unmounted.delete(name);
      } else {
        m.offline.add(i);
        r.sim.unmounted.add(name);
      }
    },
    toString: () => `toggleOffline(${d})`,
  };
}

const commands = fc.commands(
  [
    fc.tuple(fc.nat(4), fc.constantFrom(...ROWS), fc.constantFrom(...FIELDS), fc.constantFrom('Köln', 'Bonn', 'Graz', 'Zürich', 'offer', 'won')).map(([d, r, f, v]) => editCmd(d, r, f, v)),
    fc.tuple(fc.nat(4), fc.constantFrom(...ROWS)).map(([d, r]) => deleteCmd(d, r)),
    fc.tuple(fc.nat(4), fc.constantFrom(...ROWS)).map(([d, r]) => (r === 'a4' ? eraseCmd(d, r) : deleteCmd(d, r))),
    fc.nat(4).map(syncCmd),
    fc.nat(4).map(syncCmd),
    fc.integer({ min: 1, max: 30 }).map(tickCmd),
    fc.nat(4).map(offlineCmd),
  ],
  { maxCommands: 80, size: 'xlarge' },
);

describe('multi-device model over a faulty folder', () => {
  it('every laptop ends with the same data and no edit is lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.constantFrom(0, 0, 0, YEAR, -YEAR, 5 * HOUR, -5 * HOUR), { minLength: 5, maxLength: 5 }),
        fc.boolean(),
        commands,
        async (seed, n, skews, encrypted, cmds) => {
          const sim = new SimulatedSharedFolder(seed, { maxDelay: 3, partialRead: 0.2, conflictCopy: 0.15, failWrite: 0.1 });
          const time = { t: T0 };
          const names = ['alice', 'bob', 'carol', 'dave', 'erik'].slice(0, n);
          const settings = {
            snapshotEvery: 2,
            expireAfterMs: 48 * HOUR,
            abandonAfterMs: 96 * HOUR,
            heartbeatMs: HOUR,
            ...(encrypted ? { passphrase: 'Team-Passwort' } : {}),
          };
          const devices = await Promise.all(names.map((name, i) => makeDevice(name, sim.view(name), () => time.t + skews[i]!, settings)));
          const real: Real = { sim, devices, time, edits: [], problems: [] };
          await fc.asyncModelRun(() => ({ model: { offline: new Set<number>() }, real }), cmds);

          // One laptop is away for three days while the others keep editing and syncing (it expires,
          // the others compact without it), then it comes back with an edit of its own.
          const away = devices[Math.abs(seed) % n]!;
          sim.unmounted.add(away.name);
          await away.edit('accounts', 'a1', { summary: 'offline' }).then((c) => real.edits.push(...c));
          for (let round = 0; round < 6; round++) {
            for (const d of devices) {
              if (d !== away && round % 2 === 0) real.edits.push(...(await d.edit('accounts', 'a2', { city: `R${round}` })));
              real.problems.push(...(await d.engine.syncOnce()).problems);
            }
            time.t += 12 * HOUR;
            sim.tick();
          }

          // The end: the folder settles, everyone is online, users accept the skewed clocks.
          sim.settle();
          sim.unmounted.clear();
          for (const d of devices) for (const other of names) await d.engine.trustFutureClock(other);
          for (let round = 0; round < 4; round++) {
            for (const d of devices) real.problems.push(...(await d.engine.syncOnce()).problems);
            time.t += HOUR;
            sim.tick();
          }
          const model = new MemoryStore();
          await model.apply(real.edits);
          for (const d of devices) {
            expect(await d.store.pending()).toEqual([]);
            expect(d.store.fingerprint()).toBe(model.fingerprint());
          }
          const bad = real.problems.filter((p) => p.code === 'folder.otherFolder' || p.code === 'device.cloned' || p.code === 'segment.decryptFailed' || (p.code === 'segment.invalid' && p.params.reason !== 'otherFolder'));
          expect(bad).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
