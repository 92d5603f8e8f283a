import { npsInteraction, type NpsAnswer, type NpsLookup, type NpsStamp } from '../../../shared/import/nps';
import type { IsoDate } from '../../../shared/domain';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';

/** What planning a survey import needs: the contacts, their accounts and the answers' keys already stored. */
export async function loadNpsLookup(today: IsoDate): Promise<NpsLookup> {
  const db = getDb();
  const [contacts, accounts, keys] = await Promise.all([
    db.contacts.toArray(),
    db.accounts.toArray(),
    db.interactions.where('sourceKey').startsWith('nps:').uniqueKeys(),
  ]);
  return { contacts, accounts, existingKeys: new Set(keys as string[]), today };
}

/**
 * Stores the planned answers in one transaction; a key stored meanwhile (another window, a sync)
 * is skipped, so nothing is stored twice. Returns how many were stored.
 */
export async function applyNpsAnswers(answers: readonly NpsAnswer[], stamp: NpsStamp): Promise<number> {
  const db = getDb();
  return runWrite([db.interactions], async () => {
    const rows = answers.map((a) => npsInteraction(a, stamp));
    const taken = new Set((await db.interactions.bulkGet(rows.map((r) => r.id))).filter((r) => r !== undefined).map((r) => r.id));
    const fresh = rows.filter((r) => !taken.has(r.id));
    await db.interactions.bulkAdd(fresh);
    return fresh.length;
  }, { label: 'import' });
}
