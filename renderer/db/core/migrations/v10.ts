import type { Dexie } from 'dexie';
import { BANDS_SETTING, bandsChosenIn, ruleSettingId, rulesChosenIn } from '../../../../shared/scoring';

/** Where schema ≤ 9 kept the lead-score rules and bands: this laptop's local `settings`. */
const LEGACY_RULES = 'leadScoreRules';
const LEGACY_BANDS = 'leadScoreBands';

/**
 * Schema v10: `teamSettings`, settings the team shares (synced like the rhythm rules), with the sparse
 * `syncDirty` index every synced table has. The lead-score rules and bands move there from the local
 * `settings`, so a lead's thresholds reach every laptop. Only what somebody chose moves (rules that
 * differ from their default, bands other than the defaults; shared/scoring/team.ts): the old editor
 * saved the whole list, and writing its unchanged defaults would stamp them as fresh choices that beat
 * the team's. Moved rows keep the time they were saved (sync stamps an edit at its `updatedAt`) and are
 * marked for sync by hand: the middleware leaves writes in an upgrade transaction unmarked.
 */
export const V10_STORES = {
  teamSettings: 'id, updatedAt, syncDirty',
} as const;

type Legacy = { id: string; value: unknown; updatedAt?: number };

export function migrateV10(db: Dexie): void {
  db.version(10)
    .stores(V10_STORES)
    .upgrade(async (tx) => {
      const settings = tx.table<Legacy, string>('settings');
      const [rules, bands] = await Promise.all([settings.get(LEGACY_RULES), settings.get(LEGACY_BANDS)]);
      const at = (row: Legacy) => (typeof row.updatedAt === 'number' ? row.updatedAt : Date.now());
      const rows: Array<Legacy & { syncDirty: 1 }> = [];
      if (rules) for (const r of rulesChosenIn(rules.value)) rows.push({ id: ruleSettingId(r.id), value: r, updatedAt: at(rules), syncDirty: 1 });
      const chosen = bands && bandsChosenIn(bands.value);
      if (bands && chosen) rows.push({ id: BANDS_SETTING, value: chosen, updatedAt: at(bands), syncDirty: 1 });
      if (rows.length) await tx.table('teamSettings').bulkPut(rows);
      await settings.bulkDelete([LEGACY_RULES, LEGACY_BANDS]);
    });
}
