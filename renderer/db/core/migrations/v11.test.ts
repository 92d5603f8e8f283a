import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, Category } from '../../../../shared/domain';
import { makeAccount } from '../../../../shared/planning/fixtures';
import { ALL_OWNERS, visitKeys } from '../../../../shared/planning/visit-index';
import { openDb, type RapportDb } from '../db';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const VISITED = '2026-10-05T22:30:00.000Z';
const ACCOUNTS: Account[] = [
  makeAccount({ id: 'table', ownerId: 'jörg', lastHumanContactAt: VISITED }),
  makeAccount({ id: 'never', ownerId: 'jörg', lifecycle: 'prospect', category: 'C', accountType: 'maintain' }),
  makeAccount({ id: 'own', ownerId: 'anna', lastHumanContactAt: VISITED, rhythm: { humanDays: 10 } }),
  makeAccount({ id: 'own-digital-only', ownerId: 'anna', lastHumanContactAt: VISITED, rhythm: { digitalDays: 7 } }),
  makeAccount({ id: 'bad-import-own', ownerId: 'anna', category: 'X' as Category, rhythm: { humanDays: 30 }, lastHumanContactAt: VISITED }),
  // On no human rhythm: not in the index.
  makeAccount({ id: 'lead', lifecycle: 'lead', lastHumanContactAt: VISITED }),
  makeAccount({ id: 'former', lifecycle: 'former' }),
  makeAccount({ id: 'archived', archived: true }),
  makeAccount({ id: 'trashed', deletedAt: 1 }),
  makeAccount({ id: 'switched-off', rhythm: { humanDays: 0 } }),
  makeAccount({ id: 'bad-import', category: 'X' as Category }),
];

/** A v10 database holding ACCOUNTS (as a synced laptop: the backfill must not count as an edit to send). */
async function v10WithAccounts(): Promise<RapportDb> {
  const name = `v11-${crypto.randomUUID()}`;
  const v10 = new Dexie(name);
  for (const migrate of MIGRATIONS.slice(0, 10)) migrate(v10);
  await v10.table('accounts').bulkAdd(ACCOUNTS);
  await v10.table('syncMeta').put({ key: 'sync.capturedAll', value: true });
  v10.close();
  const db = openDb(name);
  opened.push(db);
  await db.open();
  return db;
}

describe('schema v11', () => {
  it('derives the visit index entries of the accounts already stored', async () => {
    const db = await v10WithAccounts();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const stored = (await db.accounts.toArray()) as Array<Account & { visitKeys?: unknown }>;
    for (const a of stored) expect([a.id, a.visitKeys]).toEqual([a.id, visitKeys(a)]);
    const indexed = stored.filter((a) => a.visitKeys !== undefined).map((a) => a.id).sort();
    expect(indexed).toEqual(['bad-import-own', 'never', 'own', 'own-digital-only', 'table']);
    // Read through the index: the owner's entries and the everyone entries.
    const all = await db.accounts.where('visitKeys').between([ALL_OWNERS, '', -Infinity], [ALL_OWNERS, '\uffff', Infinity], true, true).primaryKeys();
    expect([...all].sort()).toEqual(indexed);
    const joerg = await db.accounts.where('visitKeys').between(['jörg', 't:A-expand', -Infinity], ['jörg', 't:A-expand', Infinity], true, true).toArray();
    expect(joerg.map((a) => a.id)).toEqual(['table']);
    const own = await db.accounts.where('visitKeys').between(['anna', 'o:A-expand', -Infinity], ['anna', 'o:A-expand', Infinity], true, true).toArray();
    expect(own.map((a) => a.id)).toEqual(['own']);
    // The backfill is no edit: nothing is marked for sync, nothing else of the rows changed.
    expect(await db.accounts.where('syncDirty').equals(1).count()).toBe(0);
    expect(stored.find((a) => a.id === 'own')?.updatedAt).toBe(0);
  });

  it('keeps the entries with the row afterwards: an edit moves the account in the index, archiving takes it out', async () => {
    const db = await v10WithAccounts();
    const group = (owner: string, g: string) => db.accounts.where('visitKeys').between([owner, g, -Infinity], [owner, g, Infinity], true, true).primaryKeys();
    await db.accounts.update('table', { ownerId: 'anna', category: 'B' });
    expect(await group('jörg', 't:A-expand')).toEqual([]);
    expect(await group('anna', 't:B-expand')).toEqual(['table']);
    await db.accounts.update('table', { archived: true });
    expect(await group('anna', 't:B-expand')).toEqual([]);
    expect(((await db.accounts.get('table')) as { visitKeys?: unknown }).visitKeys).toBeUndefined();
  });
});
