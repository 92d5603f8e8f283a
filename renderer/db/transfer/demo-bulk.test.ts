import { Dexie, liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoDataChunks } from '../../../shared/demo';
import { asIsoDate } from '../../../shared/time';
import { getDb, openDb, useDatabase as setAppDb, type RapportDb } from '../core/db';
import { runWrite, setStrictWrites } from '../core/write';
import { CAPTURED_ALL } from '../sync/capture';
import { DOCS, META, POSTINGS, type PostMeta } from '../history/postings';
import { postingsBuilt } from '../history/postings-build';
import { expectExact, expectFound } from '../history/postings.test-support';
import { searchHistory } from '../history/search';
import { onCustomerChange } from '../core/derived';
import { setSetting } from '../team/settings';
import { DemoLoadError, loadDemoData, writeDemoChunk } from './demo';
import { startPostings } from './demo-bulk';

const names: string[] = [];
afterEach(async () => {
  setStrictWrites(false);
  getDb().close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const OPTIONS = { seed: 11, accounts: 130, today: asIsoDate('2026-11-23'), selfName: 'Jörg Müller' };

function fresh(): RapportDb {
  const name = `demo-bulk-${crypto.randomUUID()}`;
  names.push(name);
  const db = openDb(name);
  setAppDb(db);
  return db;
}

/** Every store of the database, rows sorted by key (posting lists as plain arrays); `unmark` drops the sync marks. */
async function dump(db: RapportDb, unmark = false): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = ((await table.toArray()) as Array<Record<string, unknown>>).map(({ syncDirty, ...r }) => (unmark || syncDirty === undefined ? r : { ...r, syncDirty }));
    // The settings are stamped with the time they were written.
    out[table.name] = (table.name === 'settings' ? rows.map(({ updatedAt: _at, ...r }) => r) : rows).map((r) => JSON.parse(JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint32Array ? [...v] : v))) as unknown);
  }
  return out;
}

/** The demo as the write path stores it: 500 accounts a transaction through the whole middleware stack. */
async function throughWritePath(unmark: boolean): Promise<Record<string, unknown[]>> {
  const db = fresh();
  await db.open();
  let self = '';
  for (const chunk of generateDemoDataChunks(OPTIONS, 40)) {
    self ||= chunk.teamMembers[0]!.id;
    await writeDemoChunk(db, chunk);
  }
  await setSetting('demoSeed', OPTIONS.seed);
  await setSetting('selfMemberId', self);
  await new Promise((r) => setTimeout(r, 20));
  return dump(db, unmark);
}

// Whole demo loads, twice over in the first two: slow under fake-indexeddb on a shared machine.
describe('the bulk demo load', { timeout: 180_000 }, () => {
  it('stores exactly what the write path stores: rows with their derived fields, doc numbers, postings, meta', async () => {
    const want = await throughWritePath(true);
    const db = fresh();
    setStrictWrites(true);
    await loadDemoData(OPTIONS);
    // Sync never captured here: its first capture diffs every row, so only the few rows written through the middleware carry a mark.
    const marked = (await dump(db)).accounts!.filter((a) => (a as { syncDirty?: number }).syncDirty !== undefined);
    expect(marked).toEqual([]);
    const got = await dump(db, true);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const table of Object.keys(want)) expect(got[table], table).toEqual(want[table]);
    // Not vacuous: the history, its postings and the derived fields are there.
    expect(got.interactions!.length).toBeGreaterThan(1000);
    expect(got.postings!.length).toBeGreaterThan(500);
    expect((got.accounts![0] as { sortKey?: string }).sortKey).toBeTruthy();
    await expectExact(db);
    expect(await postingsBuilt(db)).toBe(true);
  });

  it('marks every row for sync, as the write path does, once sync has captured', async () => {
    const want = await throughWritePath(false);
    const db = fresh();
    await runWrite([db.table('syncMeta')], () => db.table('syncMeta').put({ key: CAPTURED_ALL, value: true }));
    await loadDemoData(OPTIONS);
    const got = await dump(db);
    for (const table of ['accounts', 'contacts', 'interactions', 'deals', 'sales', 'teamMembers']) expect(got[table], table).toEqual(want[table]);
    expect(got.interactions!.every((r) => (r as { syncDirty?: number }).syncDirty === 1)).toBe(true);
  });

  it('finds the demo history by a contact name and by a word of the text right after the load', async () => {
    const db = fresh();
    await loadDemoData(OPTIONS);
    const contact = (await db.contacts.toArray()).find((c) => (c.lastName ?? '').length > 3)!;
    expect((await searchHistory(contact.lastName!, { limit: 1000 })).hits.length).toBeGreaterThan(0);
    await expectFound(db, contact.lastName!);
    await expectFound(db, `${contact.lastName!} angebot`);
    await expectFound(db, 'termin');
  });

  it('tells live queries and the customer list that the tables changed', async () => {
    const db = fresh();
    await db.open();
    const seen: number[] = [];
    const sub = liveQuery(() => db.accounts.count()).subscribe((n) => seen.push(n));
    let changes = 0;
    const off = onCustomerChange(() => changes++);
    await new Promise((r) => setTimeout(r, 20));
    await loadDemoData(OPTIONS);
    await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();
    off();
    expect(seen).toContain(0);
    expect(seen.at(-1)).toBe(OPTIONS.accounts);
    expect(changes).toBeGreaterThan(0);
  });

  it('leaves nothing behind when cancelled part-way', async () => {
    const db = fresh();
    const abort = new AbortController();
    const load = loadDemoData({ ...OPTIONS, accounts: 1000 }, (done) => done >= 200 && abort.abort(), abort.signal);
    await expect(load).rejects.toBeInstanceOf(DemoLoadError);
    for (const t of ['accounts', 'contacts', 'interactions', 'deals', 'sales', DOCS]) expect(await db.table(t).count(), t).toBe(0);
    expect((await db.table(POSTINGS).toArray()).filter((p: { k: string }) => p.k !== META)).toEqual([]);
  });

  it('marks the postings as half-written while it loads, so a load cut off is rebuilt from the rows at the next start', async () => {
    const db = fresh();
    await db.open();
    await startPostings(db);
    const meta = (await db.table(POSTINGS).get(META)) as PostMeta;
    expect(await postingsBuilt(db)).toBe(false);
    expect(meta.next).toBe(0);
  });
});
