import { beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT_TYPES, CATEGORIES, LIFECYCLES, type Account, type Contact, type Deal, type Interaction, type ReminderState } from '../../../shared/domain';
import { makeAccount, makeContact, makeDeal, makeInteraction, seededRandom } from '../../../shared/planning/fixtures';
import { computeReminders, DEFAULT_REMINDER_SETTINGS, sortReminders } from '../../../shared/planning/reminders';
import { visitCoverage } from '../../../shared/planning/rhythm';
import { asIsoDate } from '../../../shared/time';
import { getDb, openDb, useDatabase } from '../core/db';
import { loadReminderInput } from './load';
import { saveSegmentRule } from './planning';
import { loadCoverage, loadReminders } from './reminder-query';

const TODAY = asIsoDate('2026-11-23');
const BASE = Date.parse('2026-11-23T12:00:00.000Z');
const REPS = ['rep-1', 'rep-2', 'rep-3'];
const SETTINGS = { ...DEFAULT_REMINDER_SETTINGS, tz: 'Europe/Berlin', now: BASE };

/** A base of `n` accounts with everything that raises or hides a reminder, at random (seeded). */
function randomBase(n: number, seed: number) {
  const rnd = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const instant = (maxDays: number) => new Date(BASE - Math.floor(rnd() * maxDays * 86_400_000)).toISOString();
  const accounts: Account[] = [];
  const contacts: Contact[] = [];
  const interactions: Interaction[] = [];
  const deals: Deal[] = [];
  const states: ReminderState[] = [];
  // Some rows name accounts that do not exist (deleted for good, or not synced yet).
  const accountId = () => (rnd() < 0.03 ? `gone-${Math.floor(rnd() * 50)}` : `acc-${Math.floor(rnd() * n)}`);
  for (let i = 0; i < n; i++) {
    const over: Partial<Account> = {
      id: `acc-${i}`, ownerId: pick(REPS), category: pick(CATEGORIES), accountType: pick(ACCOUNT_TYPES), lifecycle: pick(LIFECYCLES),
      archived: rnd() < 0.05, lastHumanContactAt: rnd() < 0.1 ? undefined : instant(300), lastDigitalContactAt: rnd() < 0.5 ? undefined : instant(60),
    };
    if (rnd() < 0.05) over.deletedAt = 1;
    if (rnd() < 0.1) over.rhythm = rnd() < 0.5 ? { humanDays: 1 + Math.floor(rnd() * 60) } : { humanDays: 0, digitalDays: 7 };
    accounts.push(makeAccount(over));
  }
  for (let i = 0; i < n / 2; i++) {
    const birthday = { day: 1 + Math.floor(rnd() * 28), month: rnd() < 0.6 ? 11 + Math.floor(rnd() * 2) : 1 + Math.floor(rnd() * 12), ...(rnd() < 0.5 ? { year: 1950 + Math.floor(rnd() * 50) } : {}) };
    contacts.push(makeContact({ id: `con-${i}`, accountId: accountId(), birthday, ...(rnd() < 0.05 ? { erased: true } : {}), ...(rnd() < 0.05 ? { deletedAt: 1 } : {}) }));
  }
  for (let i = 0; i < n / 2; i++) {
    const complaint = rnd() < 0.3;
    const status = pick(['done', 'done', 'done', 'planned', 'cancelled'] as const);
    const at = instant(90);
    interactions.push(makeInteraction({
      id: `int-${i}`, accountId: accountId(), at, status, type: complaint ? 'complaint' : 'visit',
      ...(complaint ? { complaint: { status: pick(['open', 'in_progress', 'resolved'] as const), ownerId: 'rep-1', resolution: '' } } : {}),
      ...(rnd() < 0.6 ? { followUpDate: asIsoDate(new Date(BASE + Math.floor((rnd() - 0.7) * 40) * 86_400_000).toISOString().slice(0, 10)) } : {}),
      ...(rnd() < 0.05 ? { deletedAt: 1 } : {}),
    } as Partial<Interaction>));
  }
  for (let i = 0; i < n / 5; i++) {
    deals.push(makeDeal({
      id: `deal-${i}`, accountId: accountId(), stage: pick(['offer_sent', 'negotiation', 'won', 'lead'] as const), offerSentAt: instant(60),
      ...(rnd() < 0.3 ? { lastFollowUpAt: instant(30) } : {}), ...(rnd() < 0.05 ? { deletedAt: 1 } : {}),
    }));
  }
  return { accounts, contacts, interactions, deals, states };
}

// fake-indexeddb with a few thousand rows is slow on a busy machine; no timing is asserted.
describe('Today reminders and coverage page by page', { timeout: 120_000 }, () => {
  beforeEach(() => useDatabase(openDb(`reminder-query-${crypto.randomUUID()}`)));

  for (const seed of [1, 2]) {
    it(`gives exactly the reminders and coverage of the whole-base computation (seed ${seed}, more accounts than a page)`, async () => {
      const base = randomBase(4500, seed);
      const db = getDb();
      await db.accounts.bulkAdd(base.accounts);
      await db.contacts.bulkAdd(base.contacts);
      await db.interactions.bulkAdd(base.interactions);
      await db.deals.bulkAdd(base.deals);
      await saveSegmentRule('B', 'maintain', 20, 0);
      // Done and snoozed states on some of the reminders the old computation gives.
      const first = computeReminders(await loadReminderInput(TODAY, undefined, 7, 3), TODAY, SETTINGS);
      const rnd = seededRandom(seed + 100);
      const states: ReminderState[] = first.filter(() => rnd() < 0.1).map((r, k) =>
        k % 2 ? { id: r.key, state: 'done', updatedAt: 1 } : { id: r.key, state: 'snoozed', snoozedUntil: new Date(BASE + (k % 4 === 0 ? -1 : 1) * 86_400_000).toISOString(), updatedAt: 1 });
      await db.reminderStates.bulkAdd(states);

      for (const owner of ['rep-1', 'rep-2', undefined]) {
        const old = sortReminders(computeReminders(await loadReminderInput(TODAY, owner, 7, 3), TODAY, SETTINGS));
        const paged = sortReminders(await loadReminders(TODAY, owner, SETTINGS));
        expect(old.length).toBeGreaterThan(100);
        expect(new Set(old.map((r) => r.kind)).size).toBe(6);
        expect(paged).toEqual(old);
        const mine = base.accounts.filter((a) => owner === undefined || a.ownerId === owner);
        const table = (await loadReminderInput(TODAY, owner, 7, 3)).rhythms;
        expect(await loadCoverage(owner, TODAY, 'Europe/Berlin')).toEqual(visitCoverage(mine, table, TODAY, 'Europe/Berlin'));
      }
    });
  }

  it('an empty base has no reminders and empty coverage', async () => {
    expect(await loadReminders(TODAY, 'rep-1', SETTINGS)).toEqual([]);
    expect((await loadCoverage(undefined, TODAY)).every((c) => c.accounts === 0 && c.share === null)).toBe(true);
  });
});
