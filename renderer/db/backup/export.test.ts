import { bytesSource } from '../../../shared/backup/chunks';
import { withoutIntegrity } from '../../../shared/backup/integrity.test-support';
// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../shared/domain';
import { weekPlanToIcs } from '../../../shared/export/ics';
import { getDb, openDb, useDatabase } from '../core/db';
import { SaveCancelled } from '../../bridge/chunked-save';
import { openFileSource } from '../../bridge/chunked-save';
import { openBackupSource, restoreBackup } from './restore';
import { collectGdprExport, collectPlannedVisits, collectVcardItems, saveFullBackup } from './export';
import { chosenFileBridge } from './export.test-support';
import { newAccountRow, newContactRow } from '../transfer/import';
import { asIsoDate } from '../../../shared/time';

const NOW = 1_700_000_000_000;

function interaction(id: string, at: string, extra: Partial<Interaction> = {}): Interaction {
  return { id, accountId: 'a1', type: 'visit', mode: 'human', status: 'planned', at, durationMin: 90, userId: 'm1', contactIds: [], subject: 'Jahresgespräch', summary: '', nextStep: '', createdAt: NOW, updatedAt: NOW, ...extra } as Interaction;
}

describe('export collection', () => {
  beforeEach(async () => {
    useDatabase(openDb(`export-${crypto.randomUUID()}`));
    const db = getDb();
    await db.teamMembers.add({ id: 'm1', name: 'Anna Schröder', initials: 'AS', color: '#000000', role: 'rep', email: '', active: true, updatedAt: NOW });
    await db.accounts.bulkAdd([
      newAccountRow({ id: 'a1', name: 'Zimmerei Özdemir', street: 'Hauptstr. 1', postalCode: '80331', city: 'München', ownerId: 'm1' }, 'm1', NOW, asIsoDate('2026-01-01')),
      newAccountRow({ id: 'a2', name: 'Äpfel & Co', phone: '+49 170 1234567' }, 'm1', NOW, asIsoDate('2026-01-01')),
      newAccountRow({ id: 'a3', name: 'Gelöscht GmbH', deletedAt: 5 }, 'm1', NOW, asIsoDate('2026-01-01')),
    ]);
    await db.contacts.bulkAdd([
      newContactRow({ id: 'c1', accountId: 'a1', firstName: 'Jürgen', lastName: 'Weiß', mobile: '+49 170 1234567' }, NOW),
      newContactRow({ id: 'c2', accountId: 'a1', firstName: 'Eva', lastName: 'Berg' }, NOW),
      newContactRow({ id: 'c3', accountId: 'a1', firstName: '', lastName: '', erased: true }, NOW),
    ]);
    await db.interactions.bulkAdd([
      interaction('i1', '2026-11-24T08:00:00.000Z', { contactIds: ['c1'] }),
      interaction('i2', '2026-11-30T08:00:00.000Z'),
      interaction('i3', '2026-11-25T08:00:00.000Z', { status: 'done', summary: 'Jürgen Weiß will ein Angebot' }),
    ]);
  });

  it('gives the live, not erased contacts for the vCard export', async () => {
    expect((await collectVcardItems()).map((i) => i.contact.id).sort()).toEqual(['c1', 'c2']);
  });

  it('exports planned visits of a range as local times', async () => {
    const visits = await collectPlannedVisits(asIsoDate('2026-11-23'), asIsoDate('2026-11-29'), 'Europe/Berlin');
    expect(visits).toEqual([
      expect.objectContaining({ uid: 'visit-i1@rapport', start: '2026-11-24T09:00', end: '2026-11-24T10:30', summary: 'Zimmerei Özdemir: Jahresgespräch', location: 'Hauptstr. 1, 80331 München' }),
    ]);
    const ics = weekPlanToIcs(visits, { tzid: 'Europe/Berlin', now: NOW });
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261124T090000');
  });

  it('collects a GDPR export with listed and named interactions', async () => {
    const exp = await collectGdprExport('c1', new Date(NOW));
    expect(exp?.account?.name).toBe('Zimmerei Özdemir');
    expect(exp?.interactions.map((i) => [i.id, i.via, i.by])).toEqual([['i1', 'listed', 'Anna Schröder'], ['i3', 'named', 'Anna Schröder']]);
  });

  it('restores a full backup exactly into a fresh install, and refuses a broken one untouched', async () => {
    const files = chosenFileBridge();
    await expect(saveFullBackup({ suggestedName: 'sicherung.json', filters: [] }, { now: new Date(NOW), chunkBytes: 64 }, files)).resolves.toEqual({ name: 'sicherung.json' });
    const bytes = files.saved()!;
    // It came in many small chunks, each at the offset the previous ones ended.
    expect(files.appends.length).toBeGreaterThan(10);
    const dump = async () => Object.fromEntries(await Promise.all(getDb().tables.map(async (t) => [t.name, await t.toArray()] as const)));
    const before = await dump();
    useDatabase(openDb(`fresh-${crypto.randomUUID()}`));
    await getDb().settings.put({ id: 'language', value: 'en', updatedAt: 1 });
    // Opened as a file the user chose: read in ranges of 50 bytes through the bridge, twice (check, then restore).
    const handle = files.choose(bytes);
    const checked = await openBackupSource(openFileSource(handle, files), undefined, undefined, { chunkBytes: 50 });
    if (!checked.ok) throw new Error('the exported backup did not pass its own check');
    expect(Object.values(checked.counts).reduce((a, b) => a + b, 0)).toBe(10);
    await restoreBackup(checked, { backupFirst: false });
    expect(await dump()).toEqual(before);
    expect(files.reads).toBeGreaterThan(2 * Math.floor(bytes.length / 50));
    // The check passes (ids are not compared across rows), the transaction's add fails with the row named, nothing changed.
    // Without its hash (an older backup): an edited file with one is refused before the preview.
    const broken = await openBackupSource(bytesSource(new TextEncoder().encode(withoutIntegrity(new TextDecoder().decode(bytes)).replace('"id":"c2"', '"id":"c1"'))));
    if (!broken.ok) throw new Error('a duplicate id is only found while writing');
    await expect(restoreBackup(broken, { backupFirst: false })).rejects.toMatchObject({ issue: { code: 'backup.duplicate_id', table: 'contacts', index: 1 } });
    expect(await dump()).toEqual(before);
  });

  it('a cancelled save aborts: the chosen file gets nothing and no temp is left', async () => {
    const files = chosenFileBridge();
    const controller = new AbortController();
    const appended = () => files.appends.length;
    const saving = saveFullBackup({ suggestedName: 'sicherung.json', filters: [] }, { chunkBytes: 64, signal: controller.signal, onProgress: () => controller.abort() }, files);
    await expect(saving).rejects.toBeInstanceOf(SaveCancelled);
    expect(appended()).toBeLessThan(3);
    expect(files.aborted).toEqual([files.lastId()]);
    expect(files.saved()).toBeUndefined();
  });

  it('a failing chunk aborts the save and says why', async () => {
    const files = chosenFileBridge({ failAt: 2 });
    await expect(saveFullBackup({ suggestedName: 'sicherung.json', filters: [] }, { chunkBytes: 64 }, files)).rejects.toThrow(/ERR_DISK_FULL: .*"sicherung\.json"/);
    expect(files.aborted).toEqual([files.lastId()]);
    expect(files.saved()).toBeUndefined();
  });

  it('a cancelled dialog saves nothing', async () => {
    const files = chosenFileBridge({ cancel: true });
    await expect(saveFullBackup({ suggestedName: 'sicherung.json', filters: [] }, {}, files)).resolves.toBeUndefined();
    expect(files.appends).toEqual([]);
  });
});
