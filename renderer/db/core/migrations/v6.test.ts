import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../../shared/domain';
import { openDb, useDatabase } from '../db';
import { DOCS, POSTINGS } from '../../history/postings';
import { buildPostings, postingsBuilt } from '../../history/postings-build';
import { searchHistory } from '../../history/search';
import { interactionWords } from '../../history/words';
import { migrateV1 } from './v1';
import { migrateV2 } from './v2';
import { migrateV3 } from './v3';
import { migrateV4 } from './v4';
import { migrateV5 } from './v5';

const row = (i: number, summary: string, at: string): Interaction => ({
  id: `i${String(i).padStart(4, '0')}`, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done', at, userId: 'u',
  contactIds: [], subject: '', summary, nextStep: '', createdAt: 1,
});

describe('schema v6', () => {
  it('starts a new database built, and posts an older one in the background without holding the upgrade', async () => {
    const fresh = openDb(`v6-new-${crypto.randomUUID()}`);
    await fresh.open();
    expect(await postingsBuilt(fresh)).toBe(true);
    fresh.close();
    await fresh.delete();

    const name = `v6-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const migrate of [migrateV1, migrateV2, migrateV3, migrateV4, migrateV5]) migrate(old);
    // Two years; in one block more rows at one instant, and more at others, than the build posts at once
    // (4000); one without a time, one with a time that is no instant, one not in UTC.
    const atOf = (i: number) =>
      i < 4100 ? '2026-03-02T09:00:00.000Z' : i < 8300 ? new Date(Date.UTC(2026, 2, 2, 10) + (i - 4100) * 60_000).toISOString() : new Date(Date.UTC(2024, 0, 1 + (i % 700))).toISOString();
    const rows = Array.from({ length: 9000 }, (_, i) => row(i, ['angebot termin', 'angebot', 'termin newsletter'][i % 3]!, atOf(i)));
    rows.push({ ...row(9999, 'angebot termin', '2025-01-01T00:00:00.000Z'), at: undefined as unknown as string });
    rows.push(row(9998, 'angebot termin', 'gestern'), row(9997, 'angebot termin', '2025-06-01T10:00:00+02:00'));
    await old.table('interactions').bulkAdd(rows.map((r) => ({ ...r, words: interactionWords(r, []) })));
    old.close();

    const db = openDb(name);
    useDatabase(db);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining([POSTINGS, DOCS]));
    // Written while the build runs: the middleware posts it, the build passes over it.
    await db.interactions.update('i4000', { summary: 'newsletter angebot' });
    await buildPostings(db);
    expect(await postingsBuilt(db)).toBe(true);
    expect(await db.table(DOCS).count()).toBe(rows.length);
    const both = (await searchHistory('angebot termin', { limit: 10_000 })).hits;
    expect(both).toHaveLength(rows.filter((r) => r.summary === 'angebot termin').length);
    expect(both.map((h) => h.id)).toContain('i9999');
    expect((await searchHistory('newsletter angebot')).hits.map((h) => h.id)).toEqual(['i4000']);
    db.close();
    await db.delete();
  }, 120_000);
});
