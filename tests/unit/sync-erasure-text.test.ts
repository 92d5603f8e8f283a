/**
 * A GDPR erasure must reach the person's name and phone in text written on another laptop: the
 * erasure travels as a flag only, so every laptop scrubs its own copies with what it knew of the
 * person when the flag arrives, and the scrubbed text travels back as a newer edit.
 */
import { describe, expect, it } from 'vitest';
import { laptopTeam, type Laptop } from './laptops.test-support';
import { makeContact, makeInteraction } from '../../shared/planning/fixtures';
import { fromUtf8 } from '../../shared/bytes';
import { MemoryFolder } from '../../shared/sync/memory-folder';
import { eraseContact } from '../../renderer/db/accounts/gdpr';

const team = laptopTeam('erase');
const now = team.now;
const laptop = (name: string, folder: MemoryFolder) => team.laptop(name, folder, { snapshotEvery: 50 });

async function syncAll(...laptops: Laptop[]) {
  for (const l of laptops) {
    expect((await l.sync.sync()).problems.filter((p) => p.level === 'error')).toEqual([]);
    team.advance(60_000);
  }
}

const SECRETS = ['Greta Lindqvist', '555666', 'Frau Lindqvist'];
const greta = makeContact({ id: 'greta', accountId: 'acc-1', firstName: 'Greta', lastName: 'Lindqvist', phone: '+49 431 555666', email: 'greta@lindqvist.se' });
const visit = (id: string) =>
  makeInteraction({ id, accountId: 'acc-1', contactIds: ['greta'], summary: 'Besuch bei Greta Lindqvist, Rückruf unter Tel. +49 431 555666', nextStep: 'Frau Lindqvist Angebot schicken', updatedAt: now(), createdAt: now() });

const text = async (l: Laptop) => JSON.stringify([await l.db.interactions.toArray(), await l.db.contacts.toArray(), await l.sync.store.exportAll(), await l.db.table('syncPending').toArray()]);
const folderText = (f: MemoryFolder) => [...f.files.values()].map((b) => fromUtf8(b)).join('\n');

describe('an erasure and text written on another laptop', () => {
  it('scrubs a visit logged elsewhere before the erasure arrived, on every laptop and in the folder', async () => {
    const folder = new MemoryFolder();
    const [a, b] = [laptop('alice', folder), laptop('bob', folder)];
    await a.db.contacts.put({ ...greta, updatedAt: now() });
    await syncAll(a, b);
    // Bob logs the visit offline; Alice erases Greta before she has seen it.
    await b.db.interactions.put(visit('v-bob'));
    await eraseContact('greta', '[gelöscht]', a.db);
    await syncAll(a, b, a);
    for (const l of [a, b]) {
      expect((await l.db.contacts.get('greta'))?.erased).toBe(true);
      const row = await l.db.interactions.get('v-bob');
      expect(row?.summary).toBe('Besuch bei [gelöscht], Rückruf unter Tel. [gelöscht]');
      expect(row?.nextStep).toBe('[gelöscht] Angebot schicken');
      for (const s of SECRETS) expect(await text(l)).not.toContain(s);
    }
    for (const s of SECRETS) expect(folderText(folder)).not.toContain(s);
  });

  it('scrubs a visit that reaches the erasing laptop after the erasure, and the folder once compacted', async () => {
    const folder = new MemoryFolder();
    const [a, b] = [laptop('alice', folder), laptop('bob', folder)];
    await a.db.contacts.put({ ...greta, updatedAt: now() });
    await syncAll(a, b);
    await b.db.interactions.put(visit('v-bob'));
    await syncAll(b); // the visit is in the folder before Alice erases
    await eraseContact('greta', '[gelöscht]', a.db);
    await syncAll(a);
    // Alice merged Bob's visit after erasing: scrubbed at once, not only when Bob hears of the erasure.
    for (const s of SECRETS) expect(await text(a)).not.toContain(s);
    await syncAll(b, a, b, a, b, a);
    for (const l of [a, b]) for (const s of SECRETS) expect(await text(l)).not.toContain(s);
    for (const s of SECRETS) expect(folderText(folder)).not.toContain(s);
  });
});
