/**
 * A laptop joining the team's sync folder must never change a setting somebody chose: opening the
 * settings on the new laptop used to write the eight default segment rules stamped "now", and last
 * writer wins made those defaults beat the team lead's rhythm everywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laptopTeam, type Laptop } from './laptops.test-support';
import { defaultSegmentRules } from '../../shared/domain/segment-defaults';
import { MemoryFolder } from '../../shared/sync/memory-folder';
import { useDatabase } from '../../renderer/db/core/db';
import { listAutomationRules, saveAutomationRule } from '../../renderer/db/pipeline/admin';
import { listSegmentRules, saveSegmentRule } from '../../renderer/db/planning/planning';
import { createDbSync } from '../../renderer/db/sync/run';
import type { Folder } from '../../shared/sync';
import type { AccountType, Category } from '../../shared/domain';

const laptops = laptopTeam('join');
const now = laptops.now;
const laptop = (name: string, folder: Folder) => laptops.laptop(name, folder);

/** Runs `fn` against this laptop's database (the settings code reads the app's current database). */
async function on<T>(l: Laptop, fn: () => Promise<T>): Promise<T> {
  useDatabase(l.db);
  return fn();
}

async function syncAll(...laptops: Laptop[]) {
  for (const l of laptops) expect((await l.sync.sync()).problems.filter((p) => p.level === 'error')).toEqual([]);
}

/** What the settings pages show: segment rhythms and automation rules. */
const shown = (l: Laptop) =>
  on(l, async () => ({
    rules: (await listSegmentRules()).map((r) => `${r.id}:${r.humanDays}/${r.digitalDays}`),
    automation: (await listAutomationRules()).map((r) => `${r.id}:${r.enabled}:${JSON.stringify(r.params)}`),
  }));

/** Opening the rhythm and automation settings on a laptop, as the pages do on mount. */
const openSettings = (l: Laptop) => on(l, async () => (await listSegmentRules(), await listAutomationRules()));

describe('a laptop joining the sync folder', () => {
  it('keeps the rhythm the team chose (A · Expand every 14 days)', async () => {
    const folder = new MemoryFolder();
    const a = laptop('alice', folder);
    await on(a, () => saveSegmentRule('A', 'expand', 14, 14));
    await syncAll(a);
    laptops.advance(60_000);
    const b = laptop('bob', folder);
    await openSettings(b);
    await syncAll(b, a, b);
    for (const l of [a, b]) expect((await shown(l)).rules[0]).toBe('A-expand:14/14');
  });

  it('keeps the team rhythm over defaults an older version seeded on the new laptop', async () => {
    const folder = new MemoryFolder();
    const a = laptop('alice', folder);
    await on(a, () => saveSegmentRule('A', 'expand', 14, 14));
    await syncAll(a);
    laptops.advance(60_000);
    const b = laptop('bob', folder);
    // Written by the settings page of an older version, stamped when it was opened (after Alice's choice).
    await b.db.segmentRules.bulkPut(defaultSegmentRules(now()));
    await syncAll(b, a, b);
    for (const l of [a, b]) expect((await shown(l)).rules[0]).toBe('A-expand:14/14');
  });

  it('model: whatever the team chose and whenever a laptop joins, joining changes no setting', async () => {
    const CATS: Category[] = ['A', 'B', 'C', 'D'];
    const TYPES: AccountType[] = ['expand', 'maintain'];
    const choice = fc.record({ cat: fc.constantFrom(...CATS), type: fc.constantFrom(...TYPES), human: fc.integer({ min: 0, max: 400 }), digital: fc.integer({ min: 0, max: 400 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(choice, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        async (choices, automation, legacySeed, bFirst, skewMs) => {
          const folder = new MemoryFolder();
          const a = laptop('alice', folder);
          for (const c of choices) {
            laptops.advance(1000);
            await on(a, () => saveSegmentRule(c.cat, c.type, c.human, c.digital));
          }
          if (automation) {
            const [first] = await on(a, listAutomationRules);
            await on(a, () => saveAutomationRule({ ...first!, enabled: true, params: { ...first!.params, days: 9 } }, now()));
          }
          await syncAll(a);
          const team = await shown(a);
          laptops.advance(60_000);
          // Bob's clock may be off by up to an hour either way: a default must lose regardless.
          const b = { ...laptop('bob', folder) };
          const bNow = () => laptops.now() + skewMs;
          b.sync = createDbSync(b.db, folder, { deviceId: 'bob', now: bNow });
          if (legacySeed) await b.db.segmentRules.bulkPut(defaultSegmentRules(bNow()));
          await openSettings(b);
          await syncAll(...(bFirst ? [b, a, b] : [b, b, a, b, a]));
          expect(await shown(a)).toEqual(team);
          expect(await shown(b)).toEqual(team);
        },
      ),
      { numRuns: 15 },
    );
  });
});
