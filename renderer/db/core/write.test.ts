import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import { openDb, useDatabase, type RapportDb } from './db';
import { onDbFault, type DbFault } from './faults';
import { asDatabaseLost, asStorageFull, DatabaseLostError, isStorageFull, runWrite, setStrictWrites, StorageFullError } from './write';

function account(id: string): Account {
  return {
    id, updatedAt: 1, name: `Firma ${id}`, customerNumber: id, kind: 'company', street: '', postalCode: '80331',
    city: 'München', country: 'DE', phone: '', email: '', website: '', category: 'A', accountType: 'expand',
    lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u', productLines: [], tags: [], notes: '',
    archived: false, createdAt: 1,
  };
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
/** Chromium's full disk at commit: no quota name, only LevelDB's IO error in the message. */
const ioAbort = () => new DOMException('Failed to write blobs (IOError)', 'AbortError');

let db: RapportDb;
let faults: DbFault[];
let off: () => void;
beforeEach(() => {
  db = openDb(`write-${crypto.randomUUID()}`);
  useDatabase(db);
  faults = [];
  off = onDbFault((f) => faults.push(f));
});
afterEach(() => off());

/** Makes the `n`th created account fail with `error` (the disk fills up in the middle of a transaction). */
function failOnCreate(n: number, error: () => unknown): () => void {
  let count = 0;
  const hook = () => {
    count++;
    if (count === n) throw error();
  };
  db.accounts.hook('creating', hook);
  return () => db.accounts.hook('creating').unsubscribe(hook);
}

describe('isStorageFull: every form a full disk arrives in', () => {
  it.each([
    ['QuotaExceededError', quota()],
    ['legacy constant name', { name: 'QUOTA_EXCEEDED_ERR', message: '' }],
    ["Firefox's name", { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' }],
    ['DOMException code 22', { name: 'Error', code: 22 }],
    ['AbortError with inner quota', { name: 'AbortError', inner: quota() }],
    ['Dexie.AbortError with inner quota', new Dexie.AbortError('Transaction aborted', quota())],
    ['cause chain', new Error('Transaction aborted', { cause: quota() })],
    ['BulkError failures', { name: 'BulkError', failures: [quota()] }],
    ['BulkError failuresByPos', { name: 'BulkError', failuresByPos: { 3: quota() } }],
    ['Chromium IOError AbortError', ioAbort()],
    ['DataError IO error', new DOMException('IO error: /idb/000003.log: No space left on device', 'DataError')],
    ['UnknownError IO error', new DOMException('Internal IO error', 'UnknownError')],
    ['Dexie.AbortError with inner IOError', new Dexie.AbortError('Transaction aborted', new DOMException('Failed to write blobs (IOError)', 'UnknownError'))],
    ['Dexie.DataError (mapped DOMException)', new Dexie.DataError('disk full')],
    ['plain message', new Error('The disk is full')],
    // What Chromium put on the transaction when a tmpfs profile really ran full (the request itself only said
    // "AbortError: The transaction was aborted"); runWrite reads the transaction's error for it.
    ['a real full disk, as Chromium 14x reports it', new DOMException('Connection is closing because of: IO error: .../http_127.0.0.1_4320.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)', 'UnknownError')],
    ['StorageFullError', new StorageFullError()],
  ])('%s', (_label, error) => {
    expect(isStorageFull(error)).toBe(true);
  });

  it.each([
    ['ConstraintError', new DOMException('Key already exists', 'ConstraintError')],
    ['a user abort', new DOMException('The transaction was aborted', 'AbortError')],
    ['a bulk of duplicates', { name: 'BulkError', failures: [new DOMException('dup', 'ConstraintError')] }],
    ['an IO message under another name', new DOMException('IO error', 'NotFoundError')],
    ['nothing', undefined],
    ['a string', 'disk full'],
  ])('not %s', (_label, error) => {
    expect(isStorageFull(error)).toBe(false);
  });
});

describe('asStorageFull', () => {
  it('raises the alert once per failure, however often it is seen', () => {
    const error = { name: 'AbortError', inner: quota() };
    const typed = asStorageFull(error, 'contact');
    expect(typed).toBeInstanceOf(StorageFullError);
    expect(typed?.label).toBe('contact');
    // The same failure again (a nested write, the unhandled-rejection logger): no second alert.
    expect(asStorageFull(typed)).toBe(typed);
    asStorageFull(error);
    asStorageFull(error.inner);
    expect(faults).toEqual([{ kind: 'storage-full' }]);
    expect(asStorageFull(new Error('other'))).toBeUndefined();
  });
});

describe('runWrite (DB-DISKFULL)', () => {
  it.each([
    ['a QuotaExceededError', quota],
    ['an IOError-shaped AbortError', ioAbort],
  ])('%s mid-transaction: StorageFullError, one alert, nothing half written', async (_label, error) => {
    await runWrite((d) => [d.accounts], () => db.accounts.bulkAdd([account('a1'), account('a2')]), db);
    const restore = failOnCreate(2, error);
    const thrown = await runWrite(
      (d) => [d.accounts, d.contacts],
      async () => {
        await db.accounts.add(account('a3'));
        await db.accounts.add(account('a4'));
        await db.accounts.update('a1', { name: 'Halb gespeichert' });
      },
      { db, label: 'account' },
    ).catch((e: unknown) => e);
    restore();
    expect(thrown).toBeInstanceOf(StorageFullError);
    expect((thrown as StorageFullError).label).toBe('account');
    expect(faults).toEqual([{ kind: 'storage-full' }]);
    // The whole transaction rolled back; what was committed earlier is intact.
    expect((await db.accounts.toArray()).map((a) => [a.id, a.name])).toEqual([
      ['a1', 'Firma a1'],
      ['a2', 'Firma a2'],
    ]);
    // A draft fitting proves little (a few bytes): the alert stays.
    await runWrite([db.drafts], () => db.drafts.put({ id: 'd', payload: {}, updatedAt: 1 }), { label: 'draft' });
    expect(faults).toEqual([{ kind: 'storage-full' }]);
    // The database still works once space is free again; that first real save lifts the alert.
    await runWrite([db.accounts], () => db.accounts.add(account('a5')));
    expect(await db.accounts.count()).toBe(3);
    expect(faults).toEqual([{ kind: 'storage-full' }, { kind: 'storage-recovered' }]);
  });

  it('a nested write shares the parent transaction and the failure is mapped and alerted once', async () => {
    const restore = failOnCreate(2, ioAbort);
    const thrown = await runWrite(
      [db.accounts, db.contacts],
      async () => {
        await runWrite([db.accounts], () => db.accounts.add(account('n1')), { label: 'account' });
        await runWrite([db.accounts], () => db.accounts.add(account('n2')), { label: 'account' });
      },
      { label: 'import' },
    ).catch((e: unknown) => e);
    restore();
    expect(thrown).toBeInstanceOf(StorageFullError);
    // The innermost write knew best what was being saved.
    expect((thrown as StorageFullError).label).toBe('account');
    expect(faults).toEqual([{ kind: 'storage-full' }]);
    expect(await db.accounts.count()).toBe(0);
    // A nested write that succeeds says nothing yet: its parent may still fail.
    await runWrite([db.accounts, db.contacts], async () => {
      await runWrite([db.accounts], () => db.accounts.add(account('n3')));
      expect(faults).toEqual([{ kind: 'storage-full' }]);
    });
    expect(faults).toEqual([{ kind: 'storage-full' }, { kind: 'storage-recovered' }]);
  });

  it('passes other errors through unchanged, without an alert', async () => {
    await runWrite([db.accounts], () => db.accounts.add(account('a1')));
    const error = await runWrite([db.accounts], () => db.accounts.add(account('a1'))).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(StorageFullError);
    expect((error as Error).name).toBe('ConstraintError');
    expect(faults).toEqual([]);
  });
});

describe('the write guard (strict in tests that ask)', () => {
  afterEach(() => setStrictWrites(false));

  it('refuses a mutation outside runWrite and lets runWrite and nested writes through', async () => {
    setStrictWrites(true);
    await expect(db.accounts.add(account('x1'))).rejects.toThrow(/outside the write path/);
    await expect(db.transaction('rw', db.accounts, () => db.accounts.add(account('x2')))).rejects.toThrow(/outside the write path/);
    await runWrite([db.accounts, db.contacts], async () => {
      await db.accounts.add(account('x3'));
      await runWrite([db.accounts], () => db.accounts.update('x3', { name: 'Neu' }));
    });
    expect((await db.accounts.toArray()).map((a) => [a.id, a.name])).toEqual([['x3', 'Neu']]);
  });
});

describe('a database the browser closed (after a disk error)', () => {
  it('becomes a DatabaseLostError and one "reload" alert, in the shapes Chromium gives', async () => {
    // What a save said in Chromium after a real full disk, once space was free again (full-disk.spec.ts).
    const opened = Object.assign(new Error('UnknownError Internal error opening backing store for indexedDB.open.'), {
      name: 'OpenFailedError',
      inner: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'),
    });
    const lost = asDatabaseLost(opened, 'interaction');
    expect(lost).toBeInstanceOf(DatabaseLostError);
    expect(lost?.label).toBe('interaction');
    expect(asDatabaseLost(lost)).toBe(lost);
    expect(faults).toEqual([{ kind: 'lost' }]);
    expect(asDatabaseLost(new DOMException('Key already exists', 'ConstraintError'))).toBeUndefined();
    expect(faults).toEqual([{ kind: 'lost' }]);
  });
});
