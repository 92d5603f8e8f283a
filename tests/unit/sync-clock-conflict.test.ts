/**
 * Two laptops edit one field before either saw the other's edit; one of them runs 3 h slow. The
 * stamps decide (every laptop keeps the same value), and the decision is recorded as a conflict with
 * both values, devices and times instead of dropping the slow laptop's later edit silently. An edit
 * made after seeing the other value wins whatever the clocks.
 */
import { describe, expect, it } from 'vitest';
import { laptopTeam, type Laptop } from './laptops.test-support';
import { MemoryFolder } from '../../shared/sync/memory-folder';
import { getSyncConflicts } from '../../renderer/db/sync/conflicts';

const HOUR = 3_600_000;
const team = laptopTeam('clock');
const laptop = (name: string, folder: MemoryFolder, skew = 0) => team.laptop(name, folder, { skew });

async function syncAll(...laptops: Laptop[]) {
  for (const l of laptops) expect((await l.sync.sync()).problems.filter((p) => p.level === 'error')).toEqual([]);
}

const account = (l: Laptop, name: string) => ({ id: 'acc1', name, customerNumber: '', kind: 'company', city: 'Kiel', tags: [], ownerId: 'u1', archived: false, updatedAt: l.now() }) as never;

describe('a laptop whose clock runs 3 h slow', () => {
  it('shows the conflict when its later edit of the same field loses to the clocks', async () => {
    const folder = new MemoryFolder();
    const a = laptop('alice', folder);
    const slow = laptop('slow', folder, -3 * HOUR);
    await a.db.accounts.put(account(a, 'Nordlicht GmbH'));
    await syncAll(a, slow);
    team.advance(60_000);
    await a.db.accounts.update('acc1', { city: 'Lübeck', updatedAt: a.now() });
    await syncAll(a);
    team.advance(60_000); // a minute later, the slow laptop (offline, not synced) edits the same field
    await slow.db.accounts.update('acc1', { city: 'Flensburg', updatedAt: slow.now() });
    await syncAll(slow, a, slow);
    const cities = await Promise.all([a, slow].map(async (l) => (await l.db.accounts.get('acc1'))?.city));
    expect(cities[0]).toBe(cities[1]);
    const found = [...(await getSyncConflicts(a.db)), ...(await getSyncConflicts(slow.db))];
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ table: 'accounts', rowId: 'acc1', field: 'city' });
    expect([found[0]!.kept.value, found[0]!.lost.value].sort()).toEqual(['Flensburg', 'Lübeck']);
    expect([found[0]!.kept.device, found[0]!.lost.device].sort()).toEqual(['alice', 'slow']);
    expect(found[0]!.kept.value).toBe(cities[0]);
  });

  it('wins with an edit made after it saw the other value, and no conflict is shown', async () => {
    const folder = new MemoryFolder();
    const a = laptop('alice', folder);
    const slow = laptop('slow', folder, -3 * HOUR);
    await a.db.accounts.put(account(a, 'Nordlicht GmbH'));
    await syncAll(a, slow);
    team.advance(60_000);
    await a.db.accounts.update('acc1', { city: 'Lübeck', updatedAt: a.now() });
    await syncAll(a, slow);
    team.advance(60_000);
    await slow.db.accounts.update('acc1', { city: 'Flensburg', updatedAt: slow.now() });
    await syncAll(slow, a);
    for (const l of [a, slow]) expect((await l.db.accounts.get('acc1'))?.city).toBe('Flensburg');
    expect([...(await getSyncConflicts(a.db)), ...(await getSyncConflicts(slow.db))]).toEqual([]);
  });
});
