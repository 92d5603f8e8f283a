/**
 * A full disk in the middle of the app's real writes (account save, logging a visit, an import):
 * nothing is half written, the caller gets a StorageFullError, the alert comes once. And, with the
 * write guard strict, the app's writes all run through runWrite.
 */
import { asIsoDate } from '../../../shared/time';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, Contact } from '../../../shared/domain';
import { planImport } from '../../../shared/import/duplicates';
import { buildRecords, suggestMapping } from '../../../shared/import/mapping';
import { parseCsvText } from '../../../shared/import/csv';
import { createAccount, emptyTrash, setArchived, trashAccount, updateAccount } from '../accounts/account-writes';
import { createContact, trashContact, updateContact } from '../accounts/contact-writes';
import { mergeAccounts, undoMerge } from '../accounts/merge';
import { saveView } from '../accounts/views';
import { logInteraction, planAppointment, type InteractionInput } from '../history/interaction-writes';
import { createDeal, createSale, moveDeal, updateDeal } from '../pipeline/pipeline';
import { saveSegmentRule, savePlanningSettings, markReminderDone } from '../planning/planning';
import { addMember, createSelf } from '../team/team';
import { setSetting } from '../team/settings';
import { applyImport, loadExistingIndex, undoImport } from '../transfer/import';
import { getDb, openDb, useDatabase, type RapportDb } from './db';
import { deleteDraft, saveDraft } from './drafts';
import { onDbFault, type DbFault } from './faults';
import { setStrictWrites, StorageFullError } from './write';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const ioAbort = () => new DOMException('Failed to write blobs (IOError)', 'AbortError');
const FULL = [
  ['QuotaExceededError', quota],
  ['IOError-shaped AbortError', ioAbort],
] as const;

function account(id: string, extra: Partial<Account> = {}): Account {
  return {
    id, updatedAt: 1, name: `Firma ${id}`, customerNumber: id, kind: 'company', street: '', postalCode: '80331',
    city: 'München', country: 'DE', phone: '', email: '', website: '', category: 'A', accountType: 'expand',
    lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u', productLines: [], tags: [], notes: '',
    archived: false, createdAt: 1, ...extra,
  };
}

function contact(id: string, accountId: string): Contact {
  return { id, accountId, updatedAt: 1, salutation: 'ms', title: '', firstName: 'Eva', lastName: 'Muster', position: '', phone: '', mobile: '', email: '', preferredChannel: 'none', notes: '' };
}

function visit(extra: Partial<InteractionInput> = {}): InteractionInput {
  return { accountId: 'a1', type: 'visit', mode: 'human', at: '2026-11-20T09:00:00.000Z', userId: 'u', contactIds: ['c1'], subject: 'Besuch', summary: 'Heizung', nextStep: '', ...extra };
}

/** The account input of the account form, from a stored row. */
function inputOf(a: Account) {
  const { id: _i, updatedAt: _u, archived: _a, createdAt: _c, ...input } = a;
  return input;
}

let db: RapportDb;
let faults: DbFault[];
let off: () => void;
beforeEach(async () => {
  db = openDb(`storage-full-${crypto.randomUUID()}`);
  useDatabase(db);
  await db.accounts.bulkAdd([account('a1', { lastHumanContactAt: '2026-10-01T09:00:00.000Z' }), account('a2')]);
  await db.contacts.add(contact('c1', 'a1'));
  faults = [];
  off = onDbFault((f) => faults.push(f));
});
afterEach(() => off());

/** Every row of the tables a save touches, to compare before and after. */
async function snapshot() {
  return JSON.stringify([await db.accounts.toArray(), await db.contacts.toArray(), await db.interactions.toArray(), await db.importBatches.toArray()]);
}

/** Makes the `n`th account write of `hookName` fail with `error`; returns the unhook. */
function failOn(hookName: 'creating' | 'updating', n: number, error: () => unknown): () => void {
  let count = 0;
  const hook = () => {
    count++;
    if (count === n) throw error();
  };
  if (hookName === 'creating') db.accounts.hook('creating', hook);
  else db.accounts.hook('updating', hook);
  return () => (hookName === 'creating' ? db.accounts.hook('creating').unsubscribe(hook) : db.accounts.hook('updating').unsubscribe(hook));
}

async function expectStorageFull(write: Promise<unknown>, label: string, before: string) {
  const error = await write.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StorageFullError);
  expect((error as StorageFullError).label).toBe(label);
  expect(faults).toEqual([{ kind: 'storage-full' }]);
  expect(await snapshot()).toBe(before);
}

describe.each(FULL)('a full disk (%s)', (_name, error) => {
  it('while saving an account', async () => {
    const before = await snapshot();
    const off = failOn('updating', 1, error);
    await expectStorageFull(updateAccount('a1', { ...inputOf(account('a1')), name: 'Neuer Name' }), 'account', before);
    off();
    expect((await updateAccount('a1', { ...inputOf(account('a1')), name: 'Neuer Name' })).ok).toBe(true);
  });

  it('while creating an account', async () => {
    const before = await snapshot();
    const off = failOn('creating', 1, error);
    await expectStorageFull(createAccount({ ...inputOf(account('n1')), customerNumber: 'N-1' }), 'account', before);
    off();
  });

  it('while logging a visit: neither the visit nor the account’s last contact is written', async () => {
    const before = await snapshot();
    // The interaction is added, then the account's last-contact update hits the full disk.
    const off = failOn('updating', 1, error);
    await expectStorageFull(logInteraction(visit()), 'interaction', before);
    off();
  });

  it('in the middle of an import', async () => {
    const csv = ['Firma;Kundennummer;PLZ;Ort', 'Eins GmbH;K-1;80331;München', 'Zwei GmbH;K-2;80331;München', 'Drei GmbH;K-3;80331;München'].join('\r\n');
    const sheet = parseCsvText(csv);
    const { records } = buildRecords(sheet.rows, suggestMapping(sheet.headers), { rowNumbers: sheet.rowNumbers });
    const plan = planImport(records, await loadExistingIndex(records), 'skip');
    const before = await snapshot();
    const off = failOn('creating', 3, error);
    await expectStorageFull(applyImport(plan, { fileName: 'k.csv', ownerId: 'u', chunkSize: 1 }), 'import', before);
    off();
  });
});

describe('the write path covers the app’s writes (write guard strict)', () => {
  afterEach(() => setStrictWrites(false));

  it('every write function runs in a transaction runWrite opened', async () => {
    setStrictWrites(true);
    await expect(getDb().accounts.put(account('raw'))).rejects.toThrow(/outside the write path/);
    const self = await createSelf('Anna');
    await setSetting('selfMemberId', self.id);
    const { id: _id, updatedAt: _u, ...member } = self;
    expect((await addMember({ ...member, name: 'Ben Berg', initials: 'BB' })).ok).toBe(true);
    const created = await createAccount({ ...inputOf(account('x')), customerNumber: 'X-1' });
    if (!created.ok) throw new Error('account not valid');
    expect((await updateAccount(created.row.id, { ...inputOf(created.row), city: 'Köln' })).ok).toBe(true);
    await setArchived(created.row.id, true);
    const person = await createContact('a1', { ...contact('ignored', 'a1'), birthday: undefined, consent: undefined });
    if (!person.ok) throw new Error('contact not valid');
    await updateContact(person.row.id, { ...contact('ignored', 'a1'), lastName: 'Neu' });
    await trashContact(person.row.id);
    await logInteraction(visit());
    await planAppointment(visit({ at: '2027-01-05T09:00:00.000Z' }));
    const deal = await createDeal({ accountId: 'a1', title: 'Heizung', value: 1000, probability: 10, stage: 'lead', ownerId: 'u', lostReason: '' });
    await updateDeal(deal.id, { accountId: 'a1', title: 'Heizung neu', value: 2000, probability: 10, stage: 'lead', ownerId: 'u', lostReason: '' });
    await moveDeal(deal.id, 'offer_sent');
    await createSale({ accountId: 'a1', date: asIsoDate('2026-11-01'), amount: 500, productLine: 'Kessel' });
    await saveDraft('k', { a: 1 });
    await deleteDraft('k');
    await savePlanningSettings({ maxVisitsPerDay: 4 });
    await saveSegmentRule('A', 'expand', 30, 10);
    await markReminderDone('r1');
    await saveView('customers', 'Meine', { q: '' });
    const mergeId = await mergeAccounts('a1', 'a2');
    await undoMerge(mergeId);
    await trashAccount('a2');
    expect(await emptyTrash()).toBe(1);
    const sheet = parseCsvText(['Firma;PLZ;Ort', 'Import GmbH;10115;Berlin'].join('\r\n'));
    const { records } = buildRecords(sheet.rows, suggestMapping(sheet.headers), { rowNumbers: sheet.rowNumbers });
    const batch = await applyImport(planImport(records, await loadExistingIndex(records), 'skip'), { fileName: 'k.csv', ownerId: 'u' });
    await undoImport(batch.id);
  });
});
