/**
 * Restoring a backup on a laptop that syncs: the restored state becomes this laptop's newest edit
 * and reaches the team (it used to be undone by the next sync without a word), and the laptop keeps
 * its identity (it used to meet its own newer files, take a new id and list itself as another laptop).
 */
import { describe, expect, it } from 'vitest';
import { laptopTeam, type Laptop } from './laptops.test-support';
import { MemoryFolder } from '../../shared/sync/memory-folder';
import { takeBackup } from '../../renderer/db/backup/backup';
import { memoryBridge } from '../../renderer/db/backup/backup.test-support';
import { loadBackup, restoreBackup } from '../../renderer/db/backup/restore';

const team = laptopTeam('restore');
const now = team.now;
const laptop = (name: string, folder: MemoryFolder) => team.laptop(name, folder);

async function syncAll(...laptops: Laptop[]) {
  for (const l of laptops) {
    const s = await l.sync.sync();
    expect(s.problems.filter((p) => p.level !== 'info').map((p) => p.code)).toEqual([]);
    team.advance(60_000);
  }
}

const account = (id: string, name: string) => ({ id, name, customerNumber: '', kind: 'company', city: 'Kiel', tags: [], ownerId: 'u1', archived: false, updatedAt: now() }) as never;

describe('restoring a backup on a synced laptop', () => {
  it('makes the restored state the team state, and the laptop stays itself', async () => {
    const folder = new MemoryFolder();
    const [a, b] = [laptop('alice', folder), laptop('bob', folder)];
    await a.db.accounts.put(account('acc1', 'Vorher GmbH'));
    await syncAll(a, b);
    const bridge = memoryBridge();
    const { entry } = await takeBackup('manual', a.db, bridge);
    // After the backup: Bob renames, Alice adds a row; both sync.
    await b.db.accounts.update('acc1', { name: 'Nachher GmbH', updatedAt: now() });
    await a.db.accounts.put(account('acc2', 'Neu AG'));
    await syncAll(b, a, b, a);
    expect((await a.db.accounts.get('acc1'))?.name).toBe('Nachher GmbH');

    const loaded = await loadBackup(entry.name, a.db, bridge);
    if (!loaded.ok) throw new Error('backup unreadable');
    await restoreBackup(loaded, { backupFirst: false }, a.db, bridge);
    expect((await a.db.accounts.get('acc1'))?.name).toBe('Vorher GmbH');
    await syncAll(a, b, a);
    for (const l of [a, b]) {
      expect((await l.db.accounts.get('acc1'))?.name).toBe('Vorher GmbH');
      // Added after the backup: gone here, in the trash on the other laptops.
      const added = await l.db.accounts.get('acc2');
      expect(added === undefined || added.deletedAt !== undefined).toBe(true);
    }
    const status = await a.sync.sync();
    expect(status.deviceId).toBe('alice');
    expect(status.devices.map((d) => d.device)).toEqual(['bob']);
  });
});
