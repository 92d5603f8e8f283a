import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Contact, Interaction } from '../../../../shared/domain';
import { openDb, useDatabase } from '../db';
import { postingsMiddleware } from '../../history/postings-index';
import { postingsBuilt } from '../../history/postings-build';
import { expectExact } from '../../history/postings.test-support';
import { searchHistory } from '../../history/search';
import { SEP, timeKey, wordOf } from '../../history/words';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const at = (i: number) => new Date(Date.UTC(2025, 0, 1 + i, 9)).toISOString();
const SUMMARIES = ['Wartung bei Müller', 'Angebot Köln Hauptstr. 5', 'Rückruf Schloßstraße', 'Termin vereinbart'];
/** The words as the v8 app folded them: ü → ue, ß → ss, nothing else (and names marked *). */
const OLD_WORDS = [['wartung', 'bei', 'mueller'], ['angebot', 'koeln', 'hauptstr', '5'], ['rueckruf', 'schlossstrasse'], ['termin', 'vereinbart']];

const anna: Contact = { id: 'c1', accountId: 'a', title: '', firstName: 'Anna', lastName: 'Jäger', updatedAt: 1 } as Contact;

function row(i: number): Interaction & { words: string[] } {
  const k = i % SUMMARIES.length;
  const names = i % 5 === 0 ? ['anna', 'jaeger'] : [];
  return {
    id: `i${String(i).padStart(3, '0')}`, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done', at: at(i % 300), userId: 'u',
    contactIds: names.length ? ['c1'] : [], subject: '', summary: SUMMARIES[k]!, nextStep: '', createdAt: 1,
    words: [...OLD_WORDS[k]!.map((w) => `${w}${SEP}${timeKey(at(i % 300))}`), ...names.map((w) => `${w}${SEP}${timeKey(at(i % 300))}*`)],
  };
}

const found = async (q: string) => (await searchHistory(q, { limit: 1000 })).hits.map((h) => h.id).sort();
const ids = (rows: Interaction[], keep: (r: Interaction) => boolean) => rows.filter(keep).map((r) => r.id).sort();

describe('schema v9', () => {
  it('derives the history words again with the new fold, and posts them: "muller" finds Müller in an old history', async () => {
    const name = `v9-${crypto.randomUUID()}`;
    // A v8 database as the v8 app wrote it: words in the old fold, postings kept by the middleware.
    const v8 = new Dexie(name);
    for (const migrate of MIGRATIONS.slice(0, 8)) migrate(v8);
    v8.use(postingsMiddleware());
    const rows = Array.from({ length: 240 }, (_, i) => row(i));
    await v8.transaction('rw', [v8.table('contacts'), v8.table('interactions')], async () => {
      await v8.table('contacts').add(anna);
      await v8.table('interactions').bulkAdd(rows);
    });
    expect(((await v8.table('interactions').get('i000')) as { words: string[] }).words.map(wordOf)).not.toContain('muller');
    v8.close();

    const db = openDb(name);
    useDatabase(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const stored = (await db.interactions.toArray()) as Array<Interaction & { words: string[] }>;
    // Only the words changed.
    expect(stored.map(({ words: _w, ...r }) => r)).toEqual(rows.map(({ words: _w, ...r }) => r));
    expect(stored[0]!.words.map(wordOf).sort()).toEqual(['anna', 'bei', 'jager', 'jaeger', 'muller', 'mueller', 'wartung'].sort());
    // The postings hold exactly the new words, every row has its doc number, and no background build is due.
    await expectExact(db);
    expect(await postingsBuilt(db)).toBe(true);

    const mueller = ids(rows, (r) => r.summary.includes('Müller'));
    for (const q of ['muller', 'mueller', 'Müller', 'MÜLLER', 'mue', 'mül']) expect(await found(q), q).toEqual(mueller);
    for (const q of ['koln', 'koeln', 'Köln']) expect(await found(q), q).toEqual(ids(rows, (r) => r.summary.includes('Köln')));
    expect(await found('hauptstrasse')).toEqual(ids(rows, (r) => r.summary.includes('Hauptstr.')));
    expect(await found('schloss')).toEqual(ids(rows, (r) => r.summary.includes('Schloß')));
    expect(await found('jager')).toEqual(ids(rows, (r) => r.contactIds.length > 0));
    db.close();
    await db.delete();
  });
});
