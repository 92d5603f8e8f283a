import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../shared/domain';
import { makeAccount, makeInteraction } from '../../../shared/planning/fixtures';
import { FOLLOW_UP, FOLLOW_UP_OF, followUpAnswered, OPEN_FIELD, type OpenKey } from '../../../shared/planning/open-items';
import { computeReminders, DEFAULT_REMINDER_SETTINGS, sortReminders } from '../../../shared/planning/reminders';
import { asIsoDate, type IsoDate } from '../../../shared/time';
import { MemoryFolder } from '../../../shared/sync/memory-folder';
import { createDbSync } from '../sync/run';
import { memoryBridge } from '../backup/backup.test-support';
import { snapshotTables, takeBackup } from '../backup/backup';
import { loadBackup, restoreBackup } from '../backup/restore';
import { getDb, openDb, useDatabase, type RapportDb } from '../core/db';
import { runWrite } from '../core/write';
import { logInteraction, updateComplaint } from '../history/interaction-writes';
import { loadDemoData } from '../transfer/demo';
import { loadRhythmTable } from './planning';
import { loadReminders } from './reminder-query';

const TZ = 'Europe/Berlin';
const GENERATED = asIsoDate('2026-11-23');
const SETTINGS = { ...DEFAULT_REMINDER_SETTINGS, tz: TZ };

type Stored = Interaction & { [OPEN_FIELD]?: OpenKey[] };

/** The reference: computeReminders over every row of the base, as Today computed before it had any index. */
async function everything(today: IsoDate, owner: string | undefined) {
  const db = getDb();
  const settings = { ...SETTINGS, now: Date.parse(`${today}T09:00:00.000Z`) };
  const [accounts, contacts, interactions, deals, rhythms, states] = await Promise.all([
    db.accounts.toArray(), db.contacts.toArray(), db.interactions.toArray(), db.deals.toArray(), loadRhythmTable(), db.reminderStates.toArray(),
  ]);
  const input = { accounts, contacts, interactions, deals, rhythms, states, ...(owner ? { ownerId: owner } : {}) };
  return { old: sortReminders(computeReminders(input, today, settings)), now: sortReminders(await loadReminders(today, owner, settings)) };
}

async function expectSame(days: readonly IsoDate[], owners: ReadonlyArray<string | undefined>): Promise<number> {
  let shown = 0;
  for (const today of days) {
    for (const owner of owners) {
      const { old, now } = await everything(today, owner);
      expect(now).toEqual(old);
      shown += old.filter((r) => r.kind === 'follow_up' || r.kind === 'complaint_open').length;
    }
  }
  return shown;
}

/** Waits until the background closing of answered follow-ups (reminder-query.ts) has committed. */
async function settled(): Promise<void> {
  for (let n = 0; n < 50; n++) await new Promise((r) => setTimeout(r, 10));
}

let db: RapportDb;
beforeEach(() => {
  db = openDb(`open-items-${crypto.randomUUID()}`);
  useDatabase(db);
});
afterEach(async () => {
  await settled();
  db.close();
  await db.delete();
});

describe('Today on the demo base: the open-items index gives what reading every complaint and follow-up gave', { timeout: 300_000 }, () => {
  it('on the demo, before and after a restore, and the index holds only what is open', async () => {
    const { selfMemberId } = await loadDemoData({ seed: 11, accounts: 250, today: GENERATED, selfName: 'Jörg Müller' });
    const days = ['2026-11-23', '2026-11-24', '2026-12-07', '2027-01-04'].map(asIsoDate);
    expect(await expectSame(days, [selfMemberId, undefined])).toBeGreaterThan(20);

    // The history holds far more follow-ups and complaints than are open: only the open ones are in the index.
    const all = (await db.interactions.toArray()) as Stored[];
    const accounts = new Map((await db.accounts.toArray()).map((a) => [a.id, a]));
    const asked = all.filter((i) => i.followUpDate && i.status === 'done' && i.deletedAt === undefined);
    const indexed = await db.interactions.where(OPEN_FIELD).between([FOLLOW_UP, ''], [FOLLOW_UP, '\uffff']).toArray();
    expect(asked.length).toBeGreaterThan(5 * indexed.length);
    expect(indexed.length).toBeGreaterThan(0);
    for (const i of indexed) expect(followUpAnswered(accounts.get(i.accountId), i)).toBe(false);
    const resolved = all.filter((i) => i.type === 'complaint' && i.complaint?.status === 'resolved');
    expect(resolved.length).toBeGreaterThan(0);
    for (const i of resolved) expect(i[OPEN_FIELD]?.some(([part]) => part === 'c') ?? false).toBe(false);

    // A restore: the backup has no openKeys (derived), the restore derives exactly the same again.
    const before = await snapshotTables(db);
    const bridge = memoryBridge();
    const { entry } = await takeBackup('manual', db, bridge);
    await db.interactions.toCollection().modify((i: Stored) => {
      delete i[OPEN_FIELD];
    });
    const loaded = await loadBackup(entry.name, db, bridge);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    await restoreBackup(loaded, { backupFirst: false }, db, bridge);
    expect(await snapshotTables(db)).toEqual(before);
    expect(await expectSame(days.slice(0, 2), [selfMemberId, undefined])).toBeGreaterThan(0);
  });

  it('a complaint resolved and reopened leaves the index and comes back; a contact logged closes the earlier follow-up', async () => {
    const { selfMemberId } = await loadDemoData({ seed: 3, accounts: 120, today: GENERATED, selfName: 'Jörg Müller' });
    const [complaint] = await db.interactions.where(OPEN_FIELD).between(['c', ''], ['c', '\uffff']).toArray();
    expect(complaint).toBeDefined();
    // A month later every open complaint is flagged (complaintOpenDays: 7).
    const later = asIsoDate('2026-12-28');
    const days = [GENERATED, later];
    await expectSame(days, [selfMemberId, undefined]);
    await updateComplaint(complaint!.id, { status: 'resolved', resolution: 'Gutschrift über 1.500 €' });
    expect(((await db.interactions.get(complaint!.id)) as Stored)[OPEN_FIELD]?.some(([p]) => p === 'c') ?? false).toBe(false);
    await expectSame(days, [selfMemberId, undefined]);
    await updateComplaint(complaint!.id, { status: 'in_progress' });
    expect(((await db.interactions.get(complaint!.id)) as Stored)[OPEN_FIELD]?.some(([p]) => p === 'c')).toBe(true);
    const { old } = await everything(later, undefined);
    expect(old.some((r) => r.key === `complaint_open:${complaint!.id}`)).toBe(true);
    await expectSame(days, [selfMemberId, undefined]);

    // An open follow-up answered by a call logged in the app: it leaves the index in the call's own transaction.
    const [followUp] = await db.interactions.where(OPEN_FIELD).between([FOLLOW_UP, ''], [FOLLOW_UP, GENERATED], true, true).toArray();
    expect(followUp).toBeDefined();
    await logInteraction({
      accountId: followUp!.accountId, type: 'call', mode: 'human', at: new Date(Date.parse(followUp!.at) + 3_600_000).toISOString() as Interaction['at'],
      userId: selfMemberId, contactIds: [], subject: 'Rückruf', summary: 'muller zurückgerufen', nextStep: '',
    });
    expect(await db.interactions.where(OPEN_FIELD).equals([FOLLOW_UP_OF, followUp!.accountId]).primaryKeys()).not.toContain(followUp!.id);
    await expectSame(days, [selfMemberId, undefined]);
  });
});

describe('edge cases of the open-items index', () => {
  const base = makeAccount({ id: 'weiss', name: 'Bäckerei Weiß', ownerId: 'rep-1', lastHumanContactAt: '2026-11-22T23:05:00.000Z' });
  // 00:05 on 23 November in Berlin (23:05 UTC the day before): the follow-up is due that very day.
  const late = makeInteraction({ id: 'late', accountId: 'weiss', at: '2026-11-22T23:05:00.000Z', followUpDate: asIsoDate('2026-11-23'), nextStep: 'Angebot nachfassen' });

  it('a follow-up due today in Berlin just after midnight shows, and one answered ten minutes later by e-mail does not', async () => {
    const answered = makeAccount({ id: 'joerg', name: 'Jörg Bäckerei', ownerId: 'rep-1', lastHumanContactAt: '2026-11-22T23:05:00.000Z', lastDigitalContactAt: '2026-11-22T23:15:00.000Z' });
    await runWrite([db.accounts, db.interactions, db.contacts], async () => {
      await db.accounts.bulkAdd([base, answered]);
      await db.interactions.bulkAdd([late, makeInteraction({ ...late, id: 'answered', accountId: 'joerg' })]);
    }, { label: 'interaction' });
    expect(((await db.interactions.get('late')) as Stored)[OPEN_FIELD]).toEqual([[FOLLOW_UP, '2026-11-23'], [FOLLOW_UP_OF, 'weiss']]);
    expect((await db.interactions.get('answered')) as Stored).not.toHaveProperty(OPEN_FIELD);
    const { old, now } = await everything(GENERATED, 'rep-1');
    expect(now).toEqual(old);
    expect(old.map((r) => r.key)).toEqual(['follow_up:late:2026-11-23']);
    // The day before (22 November in Berlin) it is not due yet.
    expect((await everything(asIsoDate('2026-11-22'), 'rep-1')).old).toEqual([]);
  });

  it('a follow-up written without its account in the transaction stays in the index until Today closes it', async () => {
    await runWrite([db.interactions, db.contacts], () => db.interactions.add(late), { label: 'import' });
    // Its account comes later with a contact after the follow-up (as sync or an import bring it): only the account is written.
    await runWrite([db.accounts], () => db.accounts.add({ ...base, lastDigitalContactAt: '2026-11-23T08:00:00.000Z' }), { label: 'account' });
    expect(await db.interactions.where(OPEN_FIELD).equals([FOLLOW_UP_OF, 'weiss']).count()).toBe(1);
    const { old, now } = await everything(GENERATED, undefined);
    expect(now).toEqual(old);
    expect(old).toEqual([]);
    await settled();
    expect(await db.interactions.where(OPEN_FIELD).equals([FOLLOW_UP_OF, 'weiss']).count()).toBe(0);
  });

  it('a complaint resolved on another laptop leaves the index when the sync merges it', async () => {
    const folder = new MemoryFolder();
    const other = openDb(`open-items-other-${crypto.randomUUID()}`);
    try {
      const [mine, theirs] = [createDbSync(db, folder, { deviceId: 'anna' }), createDbSync(other, folder, { deviceId: 'joerg' })];
      const complaint = makeInteraction({
        id: 'k', accountId: 'weiss', type: 'complaint', at: '2026-11-02T09:00:00.000Z', subject: 'Lieferung beschädigt',
        complaint: { status: 'open', ownerId: 'rep-1', resolution: '' },
      });
      await runWrite([db.accounts, db.interactions, db.contacts], async () => {
        await db.accounts.add(base);
        await db.interactions.add(complaint);
      }, { label: 'interaction' });
      expect(((await db.interactions.get('k')) as Stored)[OPEN_FIELD]).toEqual([['c', '2026-11-02T09:00:00.000Z']]);
      await mine.sync();
      await theirs.sync();
      // Synced rows carry no openKeys: the other laptop derived its own.
      expect(((await other.interactions.get('k')) as Stored)[OPEN_FIELD]).toEqual([['c', '2026-11-02T09:00:00.000Z']]);
      useDatabase(other);
      await updateComplaint('k', { status: 'resolved', resolution: 'Ersatz geliefert' });
      await theirs.sync();
      useDatabase(db);
      expect((await everything(GENERATED, undefined)).now.map((r) => r.key)).toEqual(['complaint_open:k']);
      await mine.sync();
      expect((await db.interactions.get('k'))?.complaint?.status).toBe('resolved');
      expect((await db.interactions.get('k')) as Stored).not.toHaveProperty(OPEN_FIELD);
      const { old, now } = await everything(GENERATED, undefined);
      expect(now).toEqual(old);
      expect(old).toEqual([]);
    } finally {
      useDatabase(db);
      other.close();
      await other.delete();
    }
  });
});
