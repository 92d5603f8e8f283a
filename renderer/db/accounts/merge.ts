import { newId, type Account, type Id, type MergeRecord } from '../../../shared/domain';
import { mergeAccountFields } from '../../../shared/customers/merge-fields';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';

/** What a merge would do, shown before the user confirms. */
export type MergePreview = {
  survivor: Account;
  loser: Account;
  /** How many rows move from the loser to the survivor. */
  counts: { contacts: number; interactions: number; deals: number; sales: number };
  /** Survivor fields that get the loser's data. */
  filled: string[];
};

const TABLES = ['contacts', 'interactions', 'deals', 'sales'] as const;

export async function previewMerge(survivorId: Id, loserId: Id): Promise<MergePreview | undefined> {
  const db = getDb();
  const [survivor, loser] = await Promise.all([db.accounts.get(survivorId), db.accounts.get(loserId)]);
  if (!survivor || !loser || survivorId === loserId) return undefined;
  const [contacts, interactions, deals, sales] = await Promise.all(
    TABLES.map((t) => db.table(t).where('accountId').equals(loserId).count()),
  );
  const { filled } = mergeAccountFields(survivor, loser, Date.now());
  return { survivor, loser, counts: { contacts: contacts ?? 0, interactions: interactions ?? 0, deals: deals ?? 0, sales: sales ?? 0 }, filled };
}

/**
 * Merges the loser into the survivor in one transaction: contacts, interactions, deals, sales and
 * referrals move over, empty survivor fields take the loser's values, and the loser goes to the
 * trash. A merge record keeps both accounts as they were and the moved ids, for `undoMerge`.
 */
export async function mergeAccounts(survivorId: Id, loserId: Id): Promise<Id> {
  const db = getDb();
  return runWrite([db.accounts, db.contacts, db.interactions, db.deals, db.sales, db.merges], async () => {
    const [survivor, loser] = await Promise.all([db.accounts.get(survivorId), db.accounts.get(loserId)]);
    if (!survivor || !loser || survivorId === loserId) throw new Error('merge: both accounts must exist and differ');
    const now = Date.now();
    const moved: MergeRecord['moved'] = { contacts: [], interactions: [], deals: [], sales: [], referrals: [] };
    for (const t of TABLES) {
      const table = db.table(t);
      moved[t] = (await table.where('accountId').equals(loserId).primaryKeys()) as Id[];
      await table.where('accountId').equals(loserId).modify({ accountId: survivorId, updatedAt: now });
    }
    moved.referrals = (await db.accounts.where('referredByAccountId').equals(loserId).primaryKeys()) as Id[];
    await db.accounts.where('referredByAccountId').equals(loserId).modify({ referredByAccountId: survivorId, updatedAt: now });
    const { account } = mergeAccountFields(survivor, loser, now);
    await db.accounts.put(account);
    await db.accounts.update(loserId, { deletedAt: now, updatedAt: now });
    const id = newId();
    const { sortKey: _s, matchKeys: _sk, ...survivorBefore } = survivor as Account & { sortKey?: string; matchKeys?: string[] };
    const { sortKey: _l, matchKeys: _lk, ...loserBefore } = loser as Account & { sortKey?: string; matchKeys?: string[] };
    await db.merges.add({ id, at: new Date(now).toISOString(), survivorId, loserId, survivorBefore, loserBefore, moved, updatedAt: now });
    return id;
  }, { label: 'merge' });
}

/** Undoes a merge: both accounts come back as they were and every moved row returns to the loser. */
export async function undoMerge(mergeId: Id): Promise<void> {
  const db = getDb();
  await runWrite([db.accounts, db.contacts, db.interactions, db.deals, db.sales, db.merges], async () => {
    const record = await db.merges.get(mergeId);
    if (!record || record.undoneAt) return;
    const now = Date.now();
    for (const t of TABLES) {
      const table = db.table(t);
      const rows = await table.bulkGet(record.moved[t]);
      const back = rows.filter((r) => r && r.accountId === record.survivorId).map((r) => ({ ...r, accountId: record.loserId, updatedAt: now }));
      await table.bulkPut(back);
    }
    const referrals = await db.accounts.bulkGet(record.moved.referrals);
    await db.accounts.bulkPut(
      referrals.filter((a): a is Account => !!a).map((a) => ({ ...a, referredByAccountId: record.loserId, updatedAt: now })),
    );
    await db.accounts.put({ ...record.survivorBefore, updatedAt: now });
    await db.accounts.put({ ...record.loserBefore, updatedAt: now });
    await db.merges.update(mergeId, { undoneAt: new Date(now).toISOString(), updatedAt: now });
  }, { label: 'merge' });
}
