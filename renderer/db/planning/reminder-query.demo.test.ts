import { beforeEach, describe, expect, it } from 'vitest';
import { SEGMENT_KEYS } from '../../../shared/planning/rhythm';
import type { Account, Category, AccountType } from '../../../shared/domain';
import { makeAccount, makeContact } from '../../../shared/planning/fixtures';
import { computeReminders, DEFAULT_REMINDER_SETTINGS, sortReminders } from '../../../shared/planning/reminders';
import { visitCoverage } from '../../../shared/planning/rhythm';
import { asIsoDate, MS_PER_DAY, toDayNumber, type IsoDate } from '../../../shared/time';
import { getDb, openDb, useDatabase } from '../core/db';
import { runWrite } from '../core/write';
import { loadDemoData } from '../transfer/demo';
import { loadReminderInput } from './load';
import { loadCoverage, loadReminders } from './reminder-query';

const TZ = 'Europe/Berlin';
const GENERATED = asIsoDate('2026-11-23');

/**
 * Accounts whose last visit lies around Berlin's midnight (22:00 and 23:00 UTC, ±30 and ±90 minutes)
 * on each of the 130 days before `GENERATED`, across both daylight-saving changes of 2026 in that
 * span, on the segment's rule or an own rhythm: wherever a due day can fall on either side of a day.
 */
function midnightAccounts(): Account[] {
  const out: Account[] = [];
  const offsets = [-90, -30, 30, 90].map((m) => m * 60_000);
  for (let back = 0; back < 130; back++) {
    const midnightUtc = (toDayNumber(GENERATED) - back) * MS_PER_DAY;
    offsets.forEach((off, k) => {
      const n = out.length;
      const [category, accountType] = SEGMENT_KEYS[n % SEGMENT_KEYS.length]!.split('-') as [Category, AccountType];
      const at = new Date(midnightUtc - (k < 2 ? 1 : 2) * 3_600_000 + off).toISOString();
      out.push(makeAccount({
        id: `edge-${n}`, name: `Bäckerei Weiß ${n}`, ownerId: n % 3 === 0 ? 'other-rep' : 'edge-rep', category, accountType,
        lifecycle: n % 5 === 0 ? 'prospect' : 'customer', lastHumanContactAt: at,
        ...(n % 4 === 1 ? { rhythm: { humanDays: 1 + (n % 45) } } : {}),
      }));
    });
  }
  return out;
}

/** Accounts that are on no rhythm, or on one the index must treat apart. */
const ODD: Account[] = [
  makeAccount({ id: 'lead', ownerId: 'edge-rep', lifecycle: 'lead', lastHumanContactAt: '2025-01-01T10:00:00.000Z' }),
  makeAccount({ id: 'rhythm-off', ownerId: 'edge-rep', rhythm: { humanDays: 0, digitalDays: 14 }, lastHumanContactAt: '2025-01-01T10:00:00.000Z' }),
  makeAccount({ id: 'never-visited', ownerId: 'edge-rep' }),
  makeAccount({ id: 'bad-date', ownerId: 'edge-rep', lastHumanContactAt: 'gestern' as Account['lastHumanContactAt'] }),
  makeAccount({ id: 'offset-instant', ownerId: 'edge-rep', lastHumanContactAt: '2026-09-01T00:30:00+02:00' as Account['lastHumanContactAt'] }),
  makeAccount({ id: 'bad-category-own', ownerId: 'edge-rep', category: 'E' as Category, rhythm: { humanDays: 20 }, lastHumanContactAt: '2026-06-01T10:00:00.000Z' }),
  makeAccount({ id: 'bad-category', ownerId: 'edge-rep', category: 'E' as Category, lastHumanContactAt: '2025-06-01T10:00:00.000Z' }),
];

const SETTINGS = { ...DEFAULT_REMINDER_SETTINGS, tz: TZ };

async function oldAndNew(today: IsoDate, owner: string | undefined) {
  const settings = { ...SETTINGS, now: Date.parse(`${today}T09:00:00.000Z`) };
  const input = await loadReminderInput(today, owner, settings.birthdayLeadDays, settings.birthdayLateDays);
  const mine = (await getDb().accounts.toArray()).filter((a) => owner === undefined || a.ownerId === owner);
  return {
    old: { reminders: sortReminders(computeReminders(input, today, settings)), coverage: visitCoverage(mine, input.rhythms, today, TZ) },
    now: { reminders: sortReminders(await loadReminders(today, owner, settings)), coverage: await loadCoverage(owner, today, TZ) },
  };
}

// A demo load and a few thousand rows in fake-indexeddb take a while on a busy machine; no timing is asserted.
describe('Today on the demo base: the visit index gives what reading every account gave', { timeout: 300_000 }, () => {
  beforeEach(() => useDatabase(openDb(`reminder-demo-${crypto.randomUUID()}`)));

  it('on days around both daylight-saving changes and 29 February, for the rep and for everyone', async () => {
    const { selfMemberId } = await loadDemoData({ seed: 5, accounts: 300, today: GENERATED, selfName: 'Jörg Müller' });
    const demo = await getDb().accounts.toArray();
    expect(demo.filter((a) => a.rhythm?.humanDays !== undefined).length).toBeGreaterThan(0);
    const db = getDb();
    await runWrite([db.accounts, db.contacts], async () => {
      await db.accounts.bulkAdd([...midnightAccounts(), ...ODD]);
      // Born on a leap day: in 2027 the birthday is kept on 28 February (shared/planning/birthday.ts).
      await db.contacts.bulkAdd([
        makeContact({ id: 'leap', accountId: 'edge-0', birthday: { day: 29, month: 2, year: 1964 } }),
        makeContact({ id: 'leap-no-year', accountId: 'never-visited', birthday: { day: 29, month: 2 } }),
      ]);
    });

    const days = ['2026-11-23', '2026-10-25', '2026-10-26', '2026-03-29', '2026-03-30', '2027-02-26', '2027-03-01', '2028-02-29'].map(asIsoDate);
    let due = 0;
    let leap = 0;
    for (const today of days) {
      for (const owner of [selfMemberId, 'edge-rep', undefined]) {
        const { old, now } = await oldAndNew(today, owner);
        expect(now.reminders).toEqual(old.reminders);
        expect(now.coverage).toEqual(old.coverage);
        due += old.reminders.filter((r) => r.kind === 'due' || r.kind === 'overdue').length;
        leap += old.reminders.filter((r) => r.contactId === 'leap').length;
      }
    }
    // The comparison saw what it is about: due and overdue accounts, and the leap-day birthday.
    expect(due).toBeGreaterThan(500);
    expect(leap).toBeGreaterThan(0);
  });
});
