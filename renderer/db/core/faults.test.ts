import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import { openDb, useDatabase, type RapportDb } from './db';
import { isQuotaError, onDbFault, runWrite, StorageFullError, type DbFault } from './faults';

function account(id: string): Account {
  return {
    id, updatedAt: 1, name: `Firma ${id}`, customerNumber: id, kind: 'company', street: '', postalCode: '80331',
    city: 'München', country: 'DE', phone: '', email: '', website: '', category: 'A', accountType: 'expand',
    lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u', productLines: [], tags: [], notes: '',
    archived: false, createdAt: 1,
  };
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

let db: RapportDb;
beforeEach(() => {
  db = openDb(`faults-${crypto.randomUUID()}`);
  useDatabase(db);
});

describe('isQuotaError', () => {
  it('finds the quota error however it is wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota() })).toBe(true);
    expect(isQuotaError(new Error('Transaction aborted', { cause: quota() }))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [quota()] })).toBe(true);
    expect(isQuotaError(new Error('ConstraintError'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});

describe('DB-DISKFULL (simulated QuotaExceededError inside the transaction)', () => {
  it('throws StorageFullError, raises the alert, and loses nothing saved before', async () => {
    await runWrite((d) => [d.accounts], () => db.accounts.bulkAdd([account('a1'), account('a2')]), db);
    const faults: DbFault[] = [];
    const off = onDbFault((f) => faults.push(f));
    // The disk fills up in the middle of a transaction: the second put fails with a quota error.
    let puts = 0;
    const hook = () => {
      puts++;
      if (puts === 2) throw quota();
    };
    db.accounts.hook('creating', hook);
    const error = await runWrite(
      (d) => [d.accounts, d.contacts],
      async () => {
        await db.accounts.add(account('a3'));
        await db.accounts.add(account('a4'));
        await db.accounts.update('a1', { name: 'Halb gespeichert' });
      },
      db,
    ).catch((e: unknown) => e);
    db.accounts.hook('creating').unsubscribe(hook);
    off();
    expect(error).toBeInstanceOf(StorageFullError);
    expect(faults).toEqual([{ kind: 'storage-full' }]);
    // The whole transaction rolled back; what was committed earlier is intact.
    expect((await db.accounts.toArray()).map((a) => [a.id, a.name])).toEqual([
      ['a1', 'Firma a1'],
      ['a2', 'Firma a2'],
    ]);
    // And the database still works once space is free again.
    await runWrite((d) => [d.accounts], () => db.accounts.add(account('a5')), db);
    expect(await db.accounts.count()).toBe(3);
  });

  it('passes other errors through unchanged', async () => {
    await db.accounts.add(account('a1'));
    const error = await runWrite((d) => [d.accounts], () => db.accounts.add(account('a1')), db).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(StorageFullError);
    expect((error as Error).name).toBe('ConstraintError');
  });
});
