import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../shared/domain';
import { openDb, useDatabase as setAppDb, type RapportDb } from '../core/db';
import { DOCS, META, POSTINGS, POSTINGS_FORMAT, type PostMeta } from './postings';
import { buildPostings, postingsBuilt, postNextChunk } from './postings-build';
import { expectExact, expectFound } from './postings.test-support';
import { interactionWords } from './words';
import { migrateV1 } from '../core/migrations/v1';
import { migrateV2 } from '../core/migrations/v2';
import { migrateV3 } from '../core/migrations/v3';
import { migrateV4 } from '../core/migrations/v4';
import { migrateV5 } from '../core/migrations/v5';
import { applyMigrations } from '../core/migrations';

const names: string[] = [];
const open: RapportDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const row = (i: number, summary: string, at: string): Interaction => ({
  id: `i${String(i).padStart(3, '0')}`, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done', at, userId: 'u',
  contactIds: [], subject: '', summary, nextStep: '', createdAt: 1,
});

/** A database whose interactions have no postings (as one from before schema v6 had), with rows in five four-week blocks. */
async function unposted(): Promise<string> {
  const name = `postings-build-${crypto.randomUUID()}`;
  names.push(name);
  const old = new Dexie(name);
  for (const migrate of [migrateV1, migrateV2, migrateV3, migrateV4, migrateV5]) migrate(old);
  const rows = Array.from({ length: 150 }, (_, i) =>
    row(i, ['angebot termin', 'angebot', 'termin newsletter'][i % 3]!, new Date(Date.UTC(2026, 0, 1 + (i % 5) * 30, 9, i)).toISOString()),
  );
  await old.table('interactions').bulkAdd(rows.map((r) => ({ ...r, words: interactionWords(r, []) })));
  old.close();
  // Today's schema opened without the postings middleware: schema v9's upgrade rewrites the words but
  // posts nothing, so the rows stay unposted, as those of a database from before v6 once were.
  const current = new Dexie(name);
  applyMigrations(current);
  await current.open();
  expect(await current.table(DOCS).count()).toBe(0);
  expect(((await current.table(POSTINGS).get(META)) as PostMeta).built).toBeUndefined();
  current.close();
  return name;
}

/** Opens the app's database as a restart would (openDb starts no build by itself; the app's getDb does). */
async function start(name: string): Promise<RapportDb> {
  const db = openDb(name);
  open.push(db);
  setAppDb(db);
  await db.open();
  return db;
}

const meta = async (db: RapportDb) => (await db.table(POSTINGS).get(META)) as PostMeta;

describe('background postings build', () => {
  it('resumes after a restart where it stopped, posting each row once', async () => {
    const name = await unposted();
    let db = await start(name);
    expect(await postNextChunk(db)).toBe(true);
    expect(await postNextChunk(db)).toBe(true);
    const after = (await meta(db)).after;
    expect(after).toBeTruthy();
    const posted = await db.table(DOCS).count();
    expect(posted).toBeGreaterThan(0);
    expect(posted).toBeLessThan(150);
    expect(await postingsBuilt(db)).toBe(false);
    // Not built yet: the search walks the history by `at` and still finds everything.
    await expectFound(db, 'angebot termin');
    db.close();

    db = await start(name);
    expect((await meta(db)).after).toBe(after);
    // Written after the restart, before the build goes on: the middleware posts it.
    await db.interactions.add(row(900, 'newsletter angebot', '2026-01-02T10:00:00.000Z'));
    await buildPostings(db);
    expect(await postingsBuilt(db)).toBe(true);
    await expectExact(db);
    await expectFound(db, 'angebot termin');
    await expectFound(db, 'newsletter angebot');
  });

  it('drops postings of another layout and builds them again', async () => {
    const name = await unposted();
    const db = await start(name);
    await buildPostings(db);
    const next = (await meta(db)).next;
    // As a later version would find postings written by an earlier layout: a stale list and a foreign format.
    await db.table(POSTINGS).bulkPut([{ ...(await meta(db)), format: POSTINGS_FORMAT - 1 }, { k: '0000\u0001stale', p: new Uint32Array([0, 0]) }]);
    expect(await postingsBuilt(db)).toBe(false);
    await expectFound(db, 'termin newsletter');
    await buildPostings(db);
    expect(await postingsBuilt(db)).toBe(true);
    expect((await meta(db)).format).toBe(POSTINGS_FORMAT);
    expect((await meta(db)).next).toBe(next);
    expect(await db.table(POSTINGS).get('0000\u0001stale')).toBeUndefined();
    await expectExact(db);
    await expectFound(db, 'angebot termin');
  });
});
