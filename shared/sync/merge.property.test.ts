import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Change, compareWrites, DELETED_FIELD, ERASED_FIELD, fieldKey, makeChange } from './change';
import { encodeHlc } from './hlc';
import { MemoryStore } from './memory-store';

const devices = ['alice', 'bob', 'carol'];
const fields = ['name', 'city', 'notes', DELETED_FIELD];

/** Random changes; equal stamps with different values can occur (as from a cloned install). */
const changeArb: fc.Arbitrary<Change> = fc
  .record({
    row: fc.constantFrom('r1', 'r2', 'r3'),
    field: fc.constantFrom(...fields),
    wall: fc.integer({ min: 0, max: 20 }),
    counter: fc.integer({ min: 0, max: 2 }),
    device: fc.constantFrom(...devices),
    value: fc.oneof(fc.constantFrom('Köln', 'Bonn', '', null), fc.integer(), fc.record({ day: fc.integer({ min: 1, max: 31 }) })),
  })
  .map(({ row, field, wall, counter, device, value }) =>
    makeChange('accounts', row, field, field === DELETED_FIELD ? value === null : value, encodeHlc({ wall, counter, device })),
  );

async function merged(batches: Change[][]): Promise<MemoryStore> {
  const s = new MemoryStore();
  for (const b of batches) await s.apply(b);
  return s;
}

/** Splits a list into random consecutive chunks. */
function chunk<T>(list: T[], cuts: number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (list.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let at = 0;
  for (const p of [...points, list.length]) {
    out.push(list.slice(at, p));
    at = p;
  }
  return out;
}

describe('per-field merge', () => {
  it('any order, duplication and chunking of the same changes converge to one state', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer(),
        async (changes, cuts, dupIdx, seed) => {
          const reference = await merged([changes]);
          const shuffled = fc.sample(fc.shuffledSubarray(changes, { minLength: changes.length, maxLength: changes.length }), { seed, numRuns: 1 })[0]!;
          const withDups = [...shuffled, ...dupIdx.filter(() => changes.length > 0).map((i) => changes[i % changes.length]!)];
          const other = await merged(chunk(withDups, cuts));
          expect(other.fingerprint()).toBe(reference.fingerprint());
          // The winner of each field is the maximum of its writes.
          const best = new Map<string, Change>();
          for (const c of changes) {
            const k = fieldKey(c.table, c.rowId, c.field);
            const b = best.get(k);
            if (!b || compareWrites(c.field, c, b) > 0) best.set(k, c);
          }
          for (const [, c] of best) expect(reference.field(c.table, c.rowId, c.field)?.hlc).toBe(c.hlc);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('erasure is sticky, commutes, and masks every personal value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(changeArb, { maxLength: 25 }), fc.integer({ min: 0, max: 20 }), fc.integer(), async (changes, wall, seed) => {
        const erase = makeChange('accounts', 'r1', ERASED_FIELD, true, encodeHlc({ wall, counter: 0, device: 'bob' }));
        const all = [...changes, erase];
        const a = await merged([all]);
        const perm = fc.sample(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), { seed, numRuns: 1 })[0]!;
        const b = await merged(perm.map((c) => [c]));
        expect(b.fingerprint()).toBe(a.fingerprint());
        const row = a.row('accounts', 'r1')!;
        expect(row.erased).toBe(true);
        expect(Object.values(row.values).every((v) => v === null)).toBe(true);
        expect((await a.exportAll()).filter((c) => c.rowId === 'r1' && c.field !== ERASED_FIELD).every((c) => c.value === null)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('a row is deleted only while the deletion is newer than every edit', async () => {
    const s = new MemoryStore();
    const h = (wall: number) => encodeHlc({ wall, counter: 0, device: 'a' });
    await s.apply([makeChange('t', 'r', 'name', 'X', h(1)), makeChange('t', 'r', DELETED_FIELD, true, h(2))]);
    expect(s.row('t', 'r')!.deleted).toBe(true);
    await s.apply([makeChange('t', 'r', 'name', 'Y', h(3))]);
    expect(s.row('t', 'r')).toEqual({ deleted: false, erased: false, values: { name: 'Y' } });
  });

  it('erasure drops queued local personal values so they are never written', async () => {
    const s = new MemoryStore();
    const h = (wall: number) => encodeHlc({ wall, counter: 0, device: 'a' });
    await s.recordLocal([makeChange('contacts', 'c1', 'email', 'anna@example.de', h(1))]);
    await s.apply([makeChange('contacts', 'c1', ERASED_FIELD, true, h(0))]);
    expect(JSON.stringify(await s.pending())).not.toContain('anna');
    await s.recordLocal([makeChange('contacts', 'c1', 'email', 'again@example.de', h(5))]);
    expect(JSON.stringify(await s.pending())).not.toContain('again');
    expect(JSON.stringify(await s.exportAll())).not.toContain('@');
  });
});
