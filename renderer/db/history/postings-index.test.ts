import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, Interaction } from '../../../shared/domain';
import { MemoryFolder } from '../../../shared/sync/memory-folder';
import { openDb, useDatabase as setAppDb, type RapportDb } from '../core/db';
import { eraseContact } from '../accounts/gdpr';
import { listOf, PART_SIZE, POSTINGS } from './postings';
import { expectExact, expectFound } from './postings.test-support';
import { createDbSync } from '../sync/run';

const opened: RapportDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function fresh(name = 'postings'): RapportDb {
  const db = openDb(`${name}-${crypto.randomUUID()}`);
  opened.push(db);
  setAppDb(db);
  return db;
}

function person(id: string, firstName: string, lastName: string): Contact {
  return { id, accountId: 'a', updatedAt: 1, salutation: 'mr', title: '', firstName, lastName, position: '', phone: '', mobile: '', email: '', preferredChannel: 'email', notes: '' };
}

function row(id: string, extra: Partial<Interaction> = {}): Interaction {
  return {
    id, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done', at: '2026-10-01T09:00:00.000Z', userId: 'u',
    contactIds: [], subject: '', summary: '', nextStep: '', createdAt: 1, ...extra,
  } as Interaction;
}

describe('history postings', () => {
  it('follow adds, edits of words and times, trash, restore and every kind of delete', async () => {
    const db = fresh();
    await db.contacts.bulkAdd([person('c1', 'Jürgen', 'Weiß'), person('c2', 'Olga', 'Petrova')]);
    const rows = Array.from({ length: 60 }, (_, i) =>
      row(`i${i}`, { accountId: i % 3 === 0 ? 'b' : 'a', at: new Date(Date.UTC(2025, 0, 1 + i * 7)).toISOString(), contactIds: i % 2 ? ['c1'] : ['c2'], summary: i % 4 ? 'Angebot Heizung' : 'Newsletter Termin' }),
    );
    await db.transaction('rw', db.interactions, db.contacts, () => db.interactions.bulkAdd(rows));
    await expectExact(db);
    await expectFound(db, 'angebot weiss');
    // Edits: other words, another week, both at once (Dexie update and a put of the whole row).
    await db.interactions.update('i1', { summary: 'Newsletter Kessel' });
    await db.interactions.update('i2', { at: '2024-03-03T10:00:00.000Z' });
    await db.interactions.put({ ...rows[5]!, summary: 'Newsletter Angebot', at: '2026-02-02T08:00:00.000Z' });
    await db.interactions.where('accountId').equals('b').modify({ nextStep: 'Angebot nachfassen' });
    await expectExact(db);
    await expectFound(db, 'newsletter angebot');
    // Trash and restore.
    await db.interactions.update('i7', { deletedAt: 5 });
    await expectExact(db);
    await expectFound(db, 'angebot heiz');
    await db.interactions.where('id').equals('i7').modify((r) => void delete r.deletedAt);
    await expectExact(db);
    // A failed add (the id exists) leaves the stored row and its postings alone.
    await expect(db.interactions.bulkAdd([row('i9', { summary: 'Fremd' }), row('new1', { summary: 'Neu Angebot' })])).rejects.toThrow();
    await expectExact(db);
    // Hard deletes: by keys, by an index (emptied trash), by a primary-key range, everything.
    await db.interactions.bulkDelete(['i3', 'i4']);
    await db.interactions.where('accountId').equals('b').delete();
    await db.interactions.where(':id').between('i40', 'i49', true, true).delete();
    await expectExact(db);
    await expectFound(db, 'newsletter termin');
    await db.interactions.clear();
    await expectExact(db);
    expect(await db.table(POSTINGS).count()).toBe(1);
    await db.interactions.add(row('again', { summary: 'Angebot Termin' }));
    await expectExact(db);
  });

  it('cut long lists into parts and keep them exact through bulk edits, adds and deletes', async () => {
    const db = fresh();
    const n = 2 * PART_SIZE + 104;
    // One block, one word in every row: lists longer than a part.
    const rows = Array.from({ length: n }, (_, i) => row(`r${String(i).padStart(4, '0')}`, { at: new Date(Date.UTC(2026, 9, 5, 8, 0, i)).toISOString(), summary: 'Angebot Termin' }));
    // Appended in batches that fill the open part across part boundaries.
    for (let i = 0; i < n; i += 300) await db.interactions.bulkAdd(rows.slice(i, i + 300));
    const keys = (await db.table(POSTINGS).toCollection().primaryKeys()) as string[];
    expect(keys.some((k) => listOf(k) !== k)).toBe(true);
    await expectExact(db);
    // A bulk put of stored rows spread over many more stored ids (the key probe stops at its limit), and new ones.
    const edited = rows.filter((_, i) => i % 110 === 0).map((r) => ({ ...r, summary: 'Newsletter Termin' }));
    await db.interactions.bulkPut([...edited, row('r2000a', { summary: 'Newsletter Termin' }), row('r9990', { summary: 'Newsletter Termin' })]);
    await expectExact(db);
    await expectFound(db, 'newsletter termin');
    // Deleting early docs shifts every later entry into other parts.
    await db.interactions.bulkDelete(['r0001', 'r0002', 'r0003']);
    await expectExact(db);
    await expectFound(db, 'newsletter termin');
  }, 60_000);

  it('follow contact renames (same transaction or settled later) and GDPR erasure', async () => {
    const db = fresh();
    await db.contacts.bulkAdd([person('c1', 'Anna', 'Meier'), person('c2', 'Renate', 'Schmidt')]);
    await db.transaction('rw', db.interactions, db.contacts, () =>
      db.interactions.bulkAdd([row('i1', { contactIds: ['c1'], summary: 'Angebot' }), row('i2', { contactIds: ['c1', 'c2'], summary: 'Angebot Termin' }), row('i3', { contactIds: ['c2'], summary: 'Termin' })]),
    );
    await db.transaction('rw', db.interactions, db.contacts, () => db.contacts.update('c1', { lastName: 'Schulz' }));
    await expectExact(db);
    await expectFound(db, 'schulz angebot');
    await db.contacts.update('c1', { lastName: 'Öztürk' });
    await expectExact(db);
    await expectFound(db, 'oeztuerk angebot');
    await expectFound(db, 'schulz angebot');
    await eraseContact('c2', '[gelöscht]', db);
    await expectExact(db);
    await expectFound(db, 'renate termin');
    await expectFound(db, 'geloescht termin');
  });

  it('are derived for rows that sync writes, and stay out of sync', async () => {
    const folder = new MemoryFolder();
    const a = fresh('postings-a');
    const b = fresh('postings-b');
    const syncA = createDbSync(a, folder, { deviceId: 'alice' });
    const syncB = createDbSync(b, folder, { deviceId: 'bob' });
    await a.transaction('rw', a.interactions, a.contacts, async () => {
      await a.contacts.add({ ...person('c1', 'Olga', 'Petrova'), updatedAt: Date.now() });
      await a.interactions.bulkAdd([row('i1', { contactIds: ['c1'], summary: 'Wartungsvertrag Angebot', updatedAt: Date.now() }), row('i2', { summary: 'Angebot', updatedAt: Date.now() })]);
    });
    await syncA.sync();
    expect((await syncA.store.exportAll()).map((c) => c.table)).not.toContain(POSTINGS);
    await syncB.sync();
    setAppDb(b);
    await expectExact(b);
    await expectFound(b, 'petrova angebot');
    // An edit and a rename on one laptop, merged on the other.
    await a.interactions.update('i2', { summary: 'Wartungsvertrag Kündigung', updatedAt: Date.now() + 1 });
    await a.contacts.update('c1', { lastName: 'Smirnova', updatedAt: Date.now() + 1 });
    await syncA.sync();
    await syncB.sync();
    await expectExact(b);
    await expectFound(b, 'smirnova wartung');
    await expectFound(b, 'wartung kuendigung');
  });
});
