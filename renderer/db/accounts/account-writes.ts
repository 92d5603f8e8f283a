import { newId, type Account, type Id } from '../../../shared/domain';
import { validateAccount, type AccountInput } from '../../../shared/validation/account';
import type { FieldErrors } from '../../../shared/validation/result';
import { todayIso } from '../../../shared/time/today';
import { keepsPlace } from '../../../shared/geo/place-of';
import type { GeoPlace } from '../../../shared/geo/types';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';

/** A write either succeeds with the row or fails with error codes per field. */
export type WriteResult<T> = { ok: true; row: T } | { ok: false; errors: FieldErrors };

async function customerNumberTaken(customerNumber: string, exceptId?: Id): Promise<boolean> {
  if (customerNumber === '') return false;
  const rows = await getDb().accounts.where('customerNumber').equals(customerNumber).toArray();
  return rows.some((r) => r.id !== exceptId && r.deletedAt === undefined);
}

/** The day each lifecycle stage was first reached; a new stage is stamped with today. */
function stampLifecycle(input: AccountInput, before?: Account): AccountInput['lifecycleDates'] {
  const dates = { ...(before?.lifecycleDates ?? {}), ...input.lifecycleDates };
  dates[input.lifecycle] ??= todayIso();
  return dates;
}

/** Drops empty optional ids so they are absent rather than '' in storage. */
function compact(input: AccountInput): AccountInput {
  const out = { ...input };
  if (!out.leadSourceId) delete out.leadSourceId;
  if (!out.referredByAccountId) delete out.referredByAccountId;
  if (out.annualRevenue === undefined) delete out.annualRevenue;
  if (out.lifecycle !== 'former') out.churnReason = '';
  return out;
}

export async function createAccount(raw: unknown): Promise<WriteResult<Account>> {
  const checked = validateAccount(raw);
  if (!checked.ok) return checked;
  const input = compact(checked.value);
  if (await customerNumberTaken(input.customerNumber)) return { ok: false, errors: { customerNumber: 'customerNumberTaken' } };
  const now = Date.now();
  const row: Account = { ...input, lifecycleDates: stampLifecycle(input), id: newId(), archived: false, createdAt: now, updatedAt: now };
  await runWrite((d) => [d.accounts], () => getDb().accounts.add(row), { label: 'account' });
  return { ok: true, row };
}

/** Replaces the editable fields of an account; history-derived fields stay untouched. */
export async function updateAccount(id: Id, raw: unknown): Promise<WriteResult<Account>> {
  const checked = validateAccount(raw);
  if (!checked.ok) return checked;
  const input = compact(checked.value);
  if (await customerNumberTaken(input.customerNumber, id)) return { ok: false, errors: { customerNumber: 'customerNumberTaken' } };
  const db = getDb();
  return runWrite([db.accounts], async () => {
    const before = await db.accounts.get(id);
    if (!before) return { ok: false, errors: { _: 'notFound' } } as const;
    const { leadSourceId: _l, referredByAccountId: _r, annualRevenue: _a, ...kept } = before;
    const row: Account = { ...kept, ...input, lifecycleDates: stampLifecycle(input, before), updatedAt: Date.now() };
    // A place chosen by hand was chosen for the old address (shared/geo/place-of.ts).
    if (row.place && !keepsPlace(before, row)) delete row.place;
    await db.accounts.put(row);
    return { ok: true, row } as const;
  }, { label: 'account' });
}

/** Sets the place the user chose for an account that could not be placed, or clears it (undefined). */
export async function setAccountPlace(id: Id, place: GeoPlace | undefined): Promise<void> {
  const db = getDb();
  await runWrite([db.accounts], async () => {
    const before = await db.accounts.get(id);
    if (!before) return;
    const next: Account = { ...before, updatedAt: Date.now() };
    if (place) next.place = { ...place, precision: 'manual' };
    else delete next.place;
    await db.accounts.put(next);
  }, { label: 'account' });
}

export async function setArchived(id: Id, archived: boolean): Promise<void> {
  await runWrite((d) => [d.accounts], () => getDb().accounts.update(id, { archived, updatedAt: Date.now() }), { label: 'account' });
}

/** Moves an account to the trash; its contacts and history stay attached and come back with it. */
export async function trashAccount(id: Id): Promise<void> {
  await runWrite((d) => [d.accounts], () => getDb().accounts.update(id, { deletedAt: Date.now(), updatedAt: Date.now() }), { label: 'account' });
}

export async function restoreAccount(id: Id): Promise<void> {
  await runWrite((d) => [d.accounts], () => getDb().accounts.update(id, { deletedAt: undefined, updatedAt: Date.now() }), { label: 'account' });
}

/** Accounts in the trash, most recently deleted first. */
export async function listTrashedAccounts(): Promise<Account[]> {
  const rows = await getDb().accounts.where('deletedAt').above(0).toArray();
  return rows.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
}

/**
 * Empties the trash for good. A deleted account takes its contacts, interactions, deals and sales
 * with it: the customer is gone, and a report must not count history of a customer nobody can open.
 * Accounts it referred keep existing but lose the referral link. Trashed contacts of live accounts
 * are removed too. Returns how many accounts were removed.
 */
export async function emptyTrash(): Promise<number> {
  const db = getDb();
  // syncDeletes in scope: the sync middleware journals these hard deletes atomically with them.
  return runWrite([db.accounts, db.contacts, db.interactions, db.deals, db.sales, db.table('syncDeletes')], async () => {
    const ids = (await db.accounts.where('deletedAt').above(0).primaryKeys()) as Id[];
    for (const id of ids) {
      await db.contacts.where('accountId').equals(id).delete();
      await db.interactions.where('accountId').equals(id).delete();
      await db.deals.where('accountId').equals(id).delete();
      await db.sales.where('accountId').equals(id).delete();
      await db.accounts.where('referredByAccountId').equals(id).modify((a) => {
        delete a.referredByAccountId;
        a.updatedAt = Date.now();
      });
    }
    await db.accounts.bulkDelete(ids);
    await db.contacts.where('deletedAt').above(0).delete();
    return ids.length;
  }, { label: 'account' });
}
