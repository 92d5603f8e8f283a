import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_SCORE_BANDS, DEFAULT_LEAD_SCORE_RULES } from '../../../../shared/scoring';
import { MemoryFolder } from '../../../../shared/sync/memory-folder';
import { openDb, useDatabase as makeCurrent, type RapportDb } from '../db';
import { getLeadScoreBands, getLeadScoreRules } from '../../pipeline/admin';
import { createDbSync } from '../../sync/run';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const SAVED_AT = Date.UTC(2026, 9, 1, 10);
/** The whole list as the v9 editor saved it: every rule, cat-a raised from 30 to 45. */
const V9_RULES = DEFAULT_LEAD_SCORE_RULES.map((r) => (r.id === 'cat-a' ? { ...r, points: 45 } : r));

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A v9 database holding the given local settings (and, when `synced`, a sync that already captured everything once). */
async function v9With(settings: Array<{ id: string; value: unknown }>, synced = false): Promise<string> {
  const name = `v10-${crypto.randomUUID()}`;
  const v9 = new Dexie(name);
  for (const migrate of MIGRATIONS.slice(0, 9)) migrate(v9);
  await v9.table('settings').bulkPut(settings.map((s) => ({ ...s, updatedAt: SAVED_AT })));
  await v9.table('settings').put({ id: 'offerFollowUpDays', value: 21, updatedAt: SAVED_AT });
  if (synced) await v9.table('syncMeta').put({ key: 'sync.capturedAll', value: true });
  v9.close();
  return name;
}

async function open(name: string): Promise<RapportDb> {
  const db = openDb(name);
  opened.push(db);
  makeCurrent(db);
  await db.open();
  return db;
}

describe('schema v10', () => {
  it('moves the chosen lead-score rules and bands to the team settings, leaving the defaults unwritten', async () => {
    const db = await open(await v9With([{ id: 'leadScoreRules', value: V9_RULES }, { id: 'leadScoreBands', value: { hot: 60, warm: 30 } }]));
    expect(db.verno).toBe(SCHEMA_VERSION);
    const rows = await db.teamSettings.toArray();
    // Only cat-a and the bands were chosen: the twelve defaults the editor repeated are not written.
    expect(rows.map((r) => r.id).sort()).toEqual(['leadScoreBands', 'leadScoreRule.cat-a']);
    expect(rows.every((r) => r.updatedAt === SAVED_AT && (r as { syncDirty?: number }).syncDirty === 1)).toBe(true);
    // What the app shows is unchanged.
    expect(await getLeadScoreRules()).toEqual(V9_RULES);
    expect(await getLeadScoreBands()).toEqual({ hot: 60, warm: 30 });
    // Moved, not copied; this laptop's own settings stay.
    expect((await db.settings.toArray()).map((s) => s.id)).toEqual(['offerFollowUpDays']);
  });

  it('writes nothing for a laptop that kept the defaults (saved unchanged, or never)', async () => {
    const saved = await open(await v9With([{ id: 'leadScoreRules', value: DEFAULT_LEAD_SCORE_RULES }, { id: 'leadScoreBands', value: DEFAULT_LEAD_SCORE_BANDS }]));
    expect(await saved.teamSettings.count()).toBe(0);
    expect(await getLeadScoreRules()).toEqual(DEFAULT_LEAD_SCORE_RULES);
    const never = await open(await v9With([]));
    expect(await never.teamSettings.count()).toBe(0);
    expect(await getLeadScoreBands()).toEqual(DEFAULT_LEAD_SCORE_BANDS);
  });

  it('drops an unusable old value instead of moving it (warm above hot, a rule with a broken kind)', async () => {
    const broken = [{ ...V9_RULES[0]!, points: 45 }, { id: 'x', kind: 'nonsense', points: 5, params: {} }];
    const db = await open(await v9With([{ id: 'leadScoreRules', value: broken }, { id: 'leadScoreBands', value: { hot: 10, warm: 40 } }]));
    expect((await db.teamSettings.toArray()).map((r) => r.id)).toEqual(['leadScoreRule.cat-a']);
    expect(await getLeadScoreBands()).toEqual(DEFAULT_LEAD_SCORE_BANDS);
  });

  it('on a laptop that already synced, the moved choices reach the team on its next run', async () => {
    const folder = new MemoryFolder();
    const alice = await open(await v9With([{ id: 'leadScoreRules', value: V9_RULES }, { id: 'leadScoreBands', value: { hot: 70, warm: 40 } }], true));
    const now = () => SAVED_AT + 86_400_000;
    await createDbSync(alice, folder, { deviceId: 'alice', now }).sync();
    const bob = openDb(`v10-bob-${crypto.randomUUID()}`);
    opened.push(bob);
    await createDbSync(bob, folder, { deviceId: 'bob', now }).sync();
    makeCurrent(bob);
    expect(await getLeadScoreBands()).toEqual({ hot: 70, warm: 40 });
    expect((await getLeadScoreRules()).find((r) => r.id === 'cat-a')?.points).toBe(45);
  });
});
