import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { makeAccount, makeInteraction } from '../../../../shared/planning/fixtures';
import { COMPLAINT, FOLLOW_UP, FOLLOW_UP_OF, OPEN_FIELD } from '../../../../shared/planning/open-items';
import { asIsoDate } from '../../../../shared/time';
import { openDb, useDatabase as makeCurrent, type RapportDb } from '../db';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const day = asIsoDate('2026-11-23');
const open = { status: 'open' as const, ownerId: 'rep-1', resolution: '' };

/** A v12 database with the history as the app stored it before v13 (no open-items entries). */
async function v12Base(): Promise<RapportDb> {
  const name = `v13-${crypto.randomUUID()}`;
  const v12 = new Dexie(name);
  for (const migrate of MIGRATIONS.slice(0, 12)) migrate(v12);
  await v12.table('accounts').bulkAdd([
    makeAccount({ id: 'mueller', name: 'Müller GmbH', lastHumanContactAt: '2026-11-02T09:00:00.000Z' }),
    // Called back by e-mail after the visit that asked for it.
    makeAccount({ id: 'weiss', name: 'Bäckerei Weiß', lastHumanContactAt: '2026-11-02T09:00:00.000Z', lastDigitalContactAt: '2026-11-05T10:00:00.000Z' }),
  ]);
  await v12.table('interactions').bulkAdd([
    makeInteraction({ id: 'asks', accountId: 'mueller', at: '2026-11-02T09:00:00.000Z', followUpDate: day }),
    makeInteraction({ id: 'answered', accountId: 'weiss', at: '2026-11-02T09:00:00.000Z', followUpDate: day }),
    makeInteraction({ id: 'trashed', accountId: 'mueller', at: '2026-11-02T09:00:00.000Z', followUpDate: day, deletedAt: 5 }),
    makeInteraction({ id: 'plain', accountId: 'mueller', at: '2026-10-01T09:00:00.000Z' }),
    makeInteraction({ id: 'complaint', accountId: 'weiss', type: 'complaint', at: '2026-10-20T08:00:00.000Z', complaint: open, followUpDate: day }),
    makeInteraction({ id: 'resolved', accountId: 'weiss', type: 'complaint', at: '2026-09-20T08:00:00.000Z', complaint: { ...open, status: 'resolved' } }),
    makeInteraction({ id: 'called-off', accountId: 'weiss', type: 'complaint', status: 'cancelled', at: '2026-09-21T08:00:00.000Z', complaint: open }),
  ]);
  v12.close();
  const db = openDb(name);
  opened.push(db);
  makeCurrent(db);
  await db.open();
  return db;
}

const keysOf = async (db: RapportDb, id: string) => ((await db.interactions.get(id)) as { [OPEN_FIELD]?: unknown } | undefined)?.[OPEN_FIELD];

describe('schema v13', () => {
  it('indexes the open complaints and the follow-ups no later contact answered, and nothing of the closed history', async () => {
    const db = await v12Base();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.interactions.schema.idxByName[OPEN_FIELD]?.multi).toBe(true);
    expect(await keysOf(db, 'asks')).toEqual([[FOLLOW_UP, day], [FOLLOW_UP_OF, 'mueller']]);
    // The complaint came before the e-mail, so its own follow-up is answered; the complaint itself is still open.
    expect(await keysOf(db, 'complaint')).toEqual([[COMPLAINT, '2026-10-20T08:00:00.000Z']]);
    for (const closed of ['answered', 'trashed', 'plain', 'resolved', 'called-off']) expect(await keysOf(db, closed)).toBeUndefined();
    expect(await db.interactions.where(OPEN_FIELD).between([FOLLOW_UP, ''], [FOLLOW_UP, day], true, true).primaryKeys()).toEqual(['asks']);
    expect(await db.interactions.where(OPEN_FIELD).between([COMPLAINT, ''], [COMPLAINT, '\uffff']).primaryKeys()).toEqual(['complaint']);
  });

  it('keeps the entries following the row on later writes (trashed, restored from the trash)', async () => {
    const db = await v12Base();
    await db.transaction('rw', [db.interactions, db.accounts], () => db.interactions.update('complaint', { deletedAt: 9 }));
    expect(await keysOf(db, 'complaint')).toBeUndefined();
    await db.transaction('rw', [db.interactions, db.accounts], () => db.interactions.update('complaint', { deletedAt: undefined }));
    expect(await keysOf(db, 'complaint')).toEqual([[COMPLAINT, '2026-10-20T08:00:00.000Z']]);
  });
});
