import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, useDatabase } from '../db';
import { listAccountIdsWithOpenComplaint, listOpenComplaints } from '../../history/interactions';
import { migrateV1 } from './v1';
import { migrateV2 } from './v2';
import { migrateV3 } from './v3';
import { migrateV4 } from './v4';
import { migrateV5 } from './v5';
import { migrateV6 } from './v6';

const complaint = (id: string, accountId: string, status: string | undefined, extra: object = {}) => ({
  id, accountId, type: 'complaint', mode: 'human', status: 'done', at: `2026-0${id.length}-01T10:00:00.000Z`, userId: 'u',
  contactIds: [], subject: '', summary: 'Reklamation', nextStep: '', createdAt: 1, updatedAt: 1,
  ...(status ? { complaint: { status, ownerId: 'u' } } : {}),
  ...extra,
});

describe('schema v7', () => {
  it('indexes existing complaints by status, and the open ones are read through it', async () => {
    const name = `v7-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const migrate of [migrateV1, migrateV2, migrateV3, migrateV4, migrateV5, migrateV6]) migrate(old);
    await old.table('interactions').bulkAdd([
      complaint('i1', 'a1', 'open'),
      complaint('i22', 'a2', 'in_progress'),
      complaint('i333', 'a3', 'resolved'),
      complaint('i4444', 'a4', 'open', { deletedAt: 5 }),
      // A complaint row without its complaint part, and a visit: in no index range, never listed.
      complaint('i55555', 'a5', undefined),
      { ...complaint('i6', 'a6', undefined), type: 'visit' },
    ]);
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(db.interactions.schema.idxByName['[type+complaint.status]']?.keyPath).toEqual(['type', 'complaint.status']);
    expect(await db.interactions.where('[type+complaint.status]').equals(['complaint', 'resolved']).primaryKeys()).toEqual(['i333']);
    useDatabase(db);
    expect((await listOpenComplaints()).map((r) => r.id)).toEqual(['i1', 'i22']);
    expect([...(await listAccountIdsWithOpenComplaint())].sort()).toEqual(['a1', 'a2']);
    // Resolving one moves it out of the open ranges.
    await db.interactions.update('i22', { 'complaint.status': 'resolved' });
    expect((await listOpenComplaints()).map((r) => r.id)).toEqual(['i1']);
    db.close();
    await db.delete();
  });
});
