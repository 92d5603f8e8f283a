/**
 * Wrong wall clocks: a laptop 48 h ahead (trusted) must not drag the others' clocks ahead, a laptop
 * hours slow must not lose an edit it made after seeing the other value, and merging stays
 * order-independent with the new stamping (edits stamped above the row they change).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Change } from './change';
import { decodeHlc, encodeHlc, HlcClock, MAX_RECEIVE_DRIFT_MS } from './hlc';
import { MemoryFolder } from './memory-folder';
import { MemoryStore } from './memory-store';
import { makeDevice } from './testing';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 23, 9);

describe('clocks', () => {
  it('a skewed remote clock never moves the local clock more than the bound past its own time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.array(fc.record({ skew: fc.integer({ min: -2 * 365 * 24 * HOUR, max: 2 * 365 * 24 * HOUR }), counter: fc.integer({ min: 0, max: 999_999 }), step: fc.integer({ min: 0, max: HOUR }) }), { minLength: 1, maxLength: 20 }),
        (start, events) => {
          let pt = start;
          const clock = new HlcClock('local', () => pt);
          let last = clock.tick();
          for (const e of events) {
            pt += e.step;
            clock.receive(encodeHlc({ wall: Math.max(0, pt + e.skew), counter: e.counter, device: 'remote' }));
            expect(decodeHlc(clock.last).wall).toBeLessThanOrEqual(pt + MAX_RECEIVE_DRIFT_MS);
            const next = clock.tick();
            expect(next > last).toBe(true);
            last = next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a causally later edit always wins, whatever the wall clocks say', async () => {
    const skew = fc.integer({ min: -30 * 24 * HOUR, max: 30 * 24 * HOUR });
    await fc.assert(
      fc.asyncProperty(fc.tuple(skew, skew, skew), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 6 }), async (skews, editors) => {
        const folder = new MemoryFolder();
        const time = { t: T0 };
        const names = ['alice', 'bob', 'carla'];
        const devices = await Promise.all(names.map((n, i) => makeDevice(n, folder, () => time.t + skews[i]!)));
        for (const d of devices) for (const n of names) await d.engine.trustFutureClock(n);
        // Each edit is made after its author synced the previous one: a causal chain.
        for (const [k, who] of editors.entries()) {
          const d = devices[who]!;
          await d.engine.syncOnce();
          await d.edit('accounts', 'a1', { name: `v${k}` });
          await d.engine.syncOnce();
          time.t += 1000;
        }
        for (const d of devices) await d.engine.syncOnce();
        for (const d of devices) expect(d.store.liveRows('accounts').a1?.name).toBe(`v${editors.length - 1}`);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('any delivery order of the same edits converges', async () => {
    const skew = fc.integer({ min: -365 * 24 * HOUR, max: 365 * 24 * HOUR });
    const edit = fc.record({ who: fc.integer({ min: 0, max: 2 }), row: fc.constantFrom('a1', 'a2'), field: fc.constantFrom('name', 'city', '_deleted'), value: fc.constantFrom('x', 'y', true, false), seen: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.tuple(skew, skew, skew), fc.array(edit, { minLength: 1, maxLength: 12 }), fc.integer(), async (skews, edits, seed) => {
        const time = { t: T0 };
        const stores = [0, 1, 2].map(() => new MemoryStore());
        const clocks = skews.map((s, i) => new HlcClock(`d${i}`, () => time.t + s));
        const all: Change[] = [];
        for (const e of edits) {
          const store = stores[e.who]!;
          // Sometimes the author first sees everything made so far (a causal edge), sometimes not.
          if (e.seen) await store.apply(all);
          const c = clocks[e.who]!.tickAfter(store.rowStamp('accounts', e.row));
          const change: Change = { table: 'accounts', rowId: e.row, field: e.field, value: e.value, hlc: c, device: `d${e.who}` };
          await store.recordLocal([change]);
          all.push(change);
          time.t += 500;
        }
        const shuffled = [...all, ...all.slice(0, seed % (all.length + 1))].sort((a, b) => ((a.hlc.length * 31 + seed) % 7) - ((b.hlc.length * 17 + seed) % 5) || a.hlc.localeCompare(b.hlc) * (seed % 2 ? 1 : -1));
        const one = new MemoryStore();
        const two = new MemoryStore();
        await one.apply(all);
        for (const c of shuffled) await two.apply([c]);
        expect(two.fingerprint()).toBe(one.fingerprint());
      }),
      { numRuns: 200 },
    );
  });

  it('trusting a laptop 48 h ahead does not hold back this laptop\'s later edits elsewhere', async () => {
    const folder = new MemoryFolder();
    const fast = await makeDevice('fast', folder, () => T0 + 48 * HOUR);
    const alice = await makeDevice('alice', folder, () => T0);
    const carla = await makeDevice('carla', folder, () => T0);
    await fast.edit('accounts', 'a1', { name: 'Zukunft AG' });
    await fast.engine.syncOnce();
    await alice.engine.syncOnce();
    await alice.engine.trustFutureClock('fast');
    await alice.engine.syncOnce();
    expect(alice.store.liveRows('accounts').a1).toEqual({ name: 'Zukunft AG' });
    expect(decodeHlc(alice.clock.last).wall).toBeLessThanOrEqual(T0 + MAX_RECEIVE_DRIFT_MS);
    await alice.edit('accounts', 'a2', { name: 'Heute GmbH' });
    // Alice renames the row the fast laptop made: her edit still wins over what she saw.
    await alice.edit('accounts', 'a1', { name: 'Zukunft AG (umbenannt)' });
    await alice.engine.syncOnce();
    const s = await carla.engine.syncOnce();
    expect(s.quarantined.map((q) => q.device)).toEqual(['fast']);
    expect(carla.store.liveRows('accounts')).toEqual({ a1: { name: 'Zukunft AG (umbenannt)' }, a2: { name: 'Heute GmbH' } });
  });
});
