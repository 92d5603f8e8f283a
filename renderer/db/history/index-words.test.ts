import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, Interaction } from '../../../shared/domain';
import { MemoryFolder } from '../../../shared/sync/memory-folder';
import { openDb, useDatabase as setAppDb, type RapportDb } from '../core/db';
import { eraseContact } from '../accounts/gdpr';
import { settleSearchWords } from './index-words';
import { searchHistory } from './search';
import { interactionWords, matchesAllTerms, nameWords, queryTerms, timeKey, timeOf, tokenize, wordOf } from './words';
import { createDbSync } from '../sync/run';

const opened: RapportDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A throwaway database, made the app's database (searchHistory reads the app's). */
function openFresh(name = 'words'): RapportDb {
  const db = openDb(`${name}-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

function fresh(name = 'words'): RapportDb {
  const db = openFresh(name);
  setAppDb(db);
  return db;
}

function person(id: string, firstName: string, lastName: string, extra: Partial<Contact> = {}): Contact {
  return {
    id, accountId: 'a', updatedAt: 1, salutation: 'mr', title: '', firstName, lastName, position: '', phone: '', mobile: '',
    email: '', preferredChannel: 'email', notes: '', ...extra,
  };
}

function row(id: string, extra: Partial<Interaction> = {}): Interaction {
  return {
    id, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done', at: '2026-10-01T09:00:00.000Z', userId: 'u',
    contactIds: [], subject: '', summary: '', nextStep: '', createdAt: 1, ...extra,
  } as Interaction;
}

const wordsOf = async (db: RapportDb, id: string) =>
  (((await db.interactions.get(id)) as { words?: string[] } | undefined)?.words ?? []).map(wordOf).sort();

describe('history search words', () => {
  it('derives folded words of the texts and the names of the people, with the time in every entry', () => {
    // Folded words first (Müller = Mueller = Muller), then the words the fold changed, spelled out (a half-typed "mue" finds them).
    expect(tokenize('Müller-Anlage: Straße 12, Ölwechsel!')).toEqual(['muller', 'anlage', 'strasse', '12', 'olwechsel', 'mueller', 'oelwechsel']);
    expect(queryTerms('Mueller Oelwechsel')).toEqual(['muller', 'olwechsel']);
    expect(queryTerms('Ivanov S. V. iva')).toEqual(['ivanov', 's', 'v']);
    expect(nameWords(person('c', 'S. V.', 'Ivanov'))).toEqual(['s', 'v', 'ivanov']);
    expect(nameWords(person('c', 'Olga', 'Petrova', { erased: true }))).toEqual([]);
    expect(nameWords(person('c', 'Olga', 'Petrova', { deletedAt: 5 }))).toEqual([]);
    const words = interactionWords(
      row('i', { subject: 'Angebot', summary: 'Preis a besprochen', nextStep: 'Angebot senden', complaint: { status: 'resolved', ownerId: 'u', resolution: 'Gutschrift' } }),
      [['s', 'v', 'ivanov']],
    );
    expect(words.map(wordOf).sort()).toEqual(['angebot', 'besprochen', 'gutschrift', 'ivanov', 'preis', 's', 'senden', 'v']);
    expect(words.every((w) => timeOf(w) === timeKey('2026-10-01T09:00:00.000Z'))).toBe(true);
    // Initials match names only: "v" does not match "vertrag", but does match a name beginning with v.
    expect(matchesAllTerms(words, ['ivanov', 's', 'v'])).toBe(true);
    expect(matchesAllTerms(words, ['ivanov', 'p'])).toBe(false);
    expect(matchesAllTerms(words, ['ivanov', 'pr'])).toBe(true);
    expect(timeKey('2026-10-01T09:00:00.000Z') > timeKey('2026-09-30T23:59:59.999Z')).toBe(true);
    expect(interactionWords(row('i', { summary: 'weg', deletedAt: 3 }), [])).toEqual([]);
  });

  it('stores the words on every write, reading the people in the same transaction', async () => {
    const db = fresh();
    await db.contacts.add(person('c1', 'Jürgen', 'Weiß'));
    await db.transaction('rw', db.interactions, db.contacts, () => db.interactions.add(row('i1', { contactIds: ['c1'], summary: 'Heizung' })));
    expect(await wordsOf(db, 'i1')).toEqual(['heizung', 'juergen', 'jurgen', 'weiss']);
    // A transaction without contacts stores the text words and a flag; the flag is settled after the commit.
    await db.interactions.add(row('i2', { contactIds: ['c1'], summary: 'Kessel' }));
    await settleSearchWords(db);
    expect(await wordsOf(db, 'i2')).toEqual(['juergen', 'jurgen', 'kessel', 'weiss']);
    expect(await db.interactions.where('wordsStale').equals(1).count()).toBe(0);
    // A person written after the interaction (sync may do that) is picked up; one who never comes is dangling.
    await db.transaction('rw', db.interactions, db.contacts, async () => {
      await db.interactions.add(row('i3', { contactIds: ['late', 'ghost'], summary: 'Pumpe' }));
      await db.contacts.add(person('late', 'Lena', 'Spät'));
    });
    await settleSearchWords(db);
    expect(await wordsOf(db, 'i3')).toEqual(['lena', 'pumpe', 'spaet', 'spat']);
    expect(await db.interactions.where('wordsStale').equals(1).count()).toBe(0);
  });

  it('names a person stored after the row was settled, in a later transaction (sync batch, import)', async () => {
    const db = fresh();
    await db.transaction('rw', db.interactions, db.contacts, () => db.interactions.bulkAdd([row('i1', { contactIds: ['late'], summary: 'Kessel' }), row('i2', { contactIds: ['c0', 'late2'] })]));
    await db.contacts.add(person('c0', 'Olaf', 'Früh'));
    await settleSearchWords(db);
    // Settled without the people: text words now, waiting for them.
    expect(await wordsOf(db, 'i1')).toEqual(['kessel']);
    expect(await db.interactions.where('wordsStale').equals(2).count()).toBe(2);
    // A later transaction of contacts only, as an import writes them.
    await db.contacts.add(person('late', 'Lena', 'Spät'));
    expect((await searchHistory('spaet kessel')).hits.map((h) => h.id)).toEqual(['i1']);
    expect(await wordsOf(db, 'i2')).toEqual(['frueh', 'fruh', 'olaf']);
    // A later transaction over both tables, as sync writes them.
    await db.transaction('rw', db.interactions, db.contacts, () => db.contacts.add(person('late2', 'Pia', 'Neu')));
    expect((await searchHistory('olaf neu')).hits.map((h) => h.id)).toEqual(['i2']);
    expect(await db.interactions.where('wordsStale').above(0).count()).toBe(0);
  });

  it('re-checks the waiting rows once per start (a person stored just before a crash)', async () => {
    const name = `words-restart-${crypto.randomUUID()}`;
    // Closed below; deleted through `again`.
    const first = openDb(name);
    await first.interactions.add(row('i1', { contactIds: ['late'], summary: 'Pumpe' }));
    await settleSearchWords(first);
    expect(await wordsOf(first, 'i1')).toEqual(['pumpe']);
    first.close();
    // Written past the app (no middleware, no settle afterwards): what a crash right after the commit leaves.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction('contacts', 'readwrite');
        tx.objectStore('contacts').put(person('late', 'Lena', 'Spät'));
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
    });
    const again = openDb(name);
    opened.push(again);
    await settleSearchWords(again);
    expect(await wordsOf(again, 'i1')).toEqual(['lena', 'pumpe', 'spaet', 'spat']);
  });

  it('follows a rename, in the same transaction or flagged and settled', async () => {
    const db = fresh();
    await db.contacts.add(person('c1', 'Anna', 'Meier'));
    await db.transaction('rw', db.interactions, db.contacts, () => db.interactions.bulkAdd([row('i1', { contactIds: ['c1'] }), row('i2', { contactIds: ['c1'] })]));
    await db.transaction('rw', db.interactions, db.contacts, () => db.contacts.update('c1', { lastName: 'Schulz' }));
    expect(await wordsOf(db, 'i1')).toEqual(['anna', 'schulz']);
    // The contact form writes contacts only: the person is flagged, the history follows after the commit.
    await db.contacts.update('c1', { lastName: 'Öztürk' });
    expect(await db.contacts.where('wordsStale').equals(1).count()).toBe(1);
    expect((await searchHistory('oeztuerk')).hits.map((h) => h.id).sort()).toEqual(['i1', 'i2']);
    expect((await searchHistory('schulz')).hits).toHaveLength(0);
    expect(await db.contacts.where('wordsStale').equals(1).count()).toBe(0);
  });

  it('an add of a person already stored renames no one: that row fails, the history keeps the stored name', async () => {
    const db = fresh();
    await db.contacts.add(person('c1', 'Jörg', 'Weiß'));
    await db.transaction('rw', db.interactions, db.contacts, () => db.interactions.bulkAdd([row('i1', { contactIds: ['c1'] })]));
    // An add does not read the stored rows first (a restore adds into emptied tables): a second row with the id fails.
    const error = await db.transaction('rw', db.interactions, db.contacts, () => db.contacts.bulkAdd([person('c2', 'Eva', 'Müller'), person('c1', 'Jörg', 'Bäcker')])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((await db.contacts.get('c1'))?.lastName).toBe('Weiß');
    expect(await db.contacts.where('wordsStale').equals(1).count()).toBe(0);
    await settleSearchWords(db);
    expect(await wordsOf(db, 'i1')).toEqual(['joerg', 'jorg', 'weiss']);
  });

  it('forgets an erased person in every interaction (GDPR)', async () => {
    const db = fresh();
    await db.contacts.bulkAdd([person('c1', 'Renate', 'Schmidt'), person('c2', 'Karl', 'Weber')]);
    await db.transaction('rw', db.interactions, db.contacts, () =>
      db.interactions.bulkAdd([
        row('i1', { contactIds: ['c1', 'c2'], summary: 'Renate Schmidt will ein Angebot' }),
        row('i2', { contactIds: ['c1'], summary: 'Rückruf' }),
      ]),
    );
    expect((await searchHistory('renate')).hits).toHaveLength(2);
    await eraseContact('c1', '[gelöscht]', db);
    await settleSearchWords(db);
    expect((await searchHistory('renate')).hits).toHaveLength(0);
    expect(await wordsOf(db, 'i1')).toEqual(['angebot', 'ein', 'geloescht', 'geloscht', 'karl', 'weber', 'will']);
    expect(await wordsOf(db, 'i2')).toEqual(['ruckruf', 'rueckruf']);
  });

  it('keeps the words out of sync and derives them for rows that sync writes', async () => {
    const folder = new MemoryFolder();
    const a = fresh('words-a');
    const b = fresh('words-b');
    const syncA = createDbSync(a, folder, { deviceId: 'alice' });
    const syncB = createDbSync(b, folder, { deviceId: 'bob' });
    await a.transaction('rw', a.interactions, a.contacts, async () => {
      await a.contacts.add(person('c1', 'Olga', 'Petrova', { updatedAt: Date.now() }));
      await a.interactions.add(row('i1', { contactIds: ['c1'], summary: 'Wartungsvertrag', updatedAt: Date.now() }));
    });
    await syncA.sync();
    const fields = (await syncA.store.exportAll()).map((c) => c.field);
    expect(fields).toContain('summary');
    expect(fields).not.toContain('words');
    await syncB.sync();
    await settleSearchWords(b);
    expect(await wordsOf(b, 'i1')).toEqual(['olga', 'petrova', 'wartungsvertrag']);
    // A rename on one laptop re-derives the history on the other.
    await a.contacts.update('c1', { lastName: 'Smirnova', updatedAt: Date.now() + 1 });
    await syncA.sync();
    await syncB.sync();
    await settleSearchWords(b);
    expect(await wordsOf(b, 'i1')).toEqual(['olga', 'smirnova', 'wartungsvertrag']);
  });
});
