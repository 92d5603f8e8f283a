import type { Account, Contact, Deal, Id, Interaction, IsoDate } from '../../../shared/domain';
import { addDays, isoWeekMonday, ymdOfDayNumber, toDayNumber } from '../../../shared/planning/calendar';
import { COMPLAINT, FOLLOW_UP, OPEN_FIELD } from '../../../shared/planning/open-items';
import type { ReminderInput } from '../../../shared/planning/reminders';
import type { WeekPlan } from '../../../shared/planning/week-plan';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';
import { listReminderStates, loadRhythmTable } from './planning';

// Reading what the planning rules need, through indexes where they narrow the rows: the rep's
// accounts by owner, contacts by birthday month, open complaints and open follow-ups up to a day
// through the open-items index (shared/planning/open-items.ts; closed history is not in it), offers
// by stage. Only accounts are read in full (one rep's book), the rest are the few rows that matter.

/** Months (1–12) touched by the days from `from` to `to`. */
function monthsBetween(from: IsoDate, to: IsoDate): number[] {
  const months = new Set<number>();
  for (let d = toDayNumber(from); d <= toDayNumber(to); d++) months.add(ymdOfDayNumber(d).month);
  return [...months];
}

/** Live contacts with a birthday in the given months, via the [birthday.month+birthday.day] index. */
async function birthdayContacts(months: number[]): Promise<Contact[]> {
  const db = getDb();
  const parts = await Promise.all(
    months.map((m) => db.contacts.where('[birthday.month+birthday.day]').between([m, 0], [m, 99]).toArray()),
  );
  return parts.flat().filter((c) => c.deletedAt === undefined && !c.erased);
}

/** Complaints not resolved, trashed or called off, from the open-items index. */
export function openComplaints(): Promise<Interaction[]> {
  return getDb().interactions.where(OPEN_FIELD).between([COMPLAINT, ''], [COMPLAINT, '\uffff'], true, true).toArray();
}

/** Follow-ups no later contact answered, due up to `until`, from the open-items index. */
export function openFollowUps(until: IsoDate): Promise<Interaction[]> {
  return getDb().interactions.where(OPEN_FIELD).between([FOLLOW_UP, ''], [FOLLOW_UP, until], true, true).toArray();
}

async function repAccounts(ownerId: Id | undefined): Promise<Account[]> {
  const db = getDb();
  return ownerId ? db.accounts.where('ownerId').equals(ownerId).toArray() : db.accounts.toArray();
}

/**
 * Everything computeReminders needs for one rep (or everyone), read through indexes. The birthday
 * window is `lead` days ahead and `late` days back from today. `accounts: false` leaves the accounts
 * out (empty): the Today inbox reads only the due ones, through the visit index (reminder-query.ts).
 */
export async function loadReminderInput(today: IsoDate, ownerId: Id | undefined, lead: number, late: number, options: { accounts?: boolean } = {}): Promise<ReminderInput> {
  const db = getDb();
  const [accounts, contacts, complaints, followUps, deals, rhythms, states] = await Promise.all([
    options.accounts === false ? [] : repAccounts(ownerId),
    birthdayContacts(monthsBetween(addDays(today, -late), addDays(today, lead))),
    openComplaints(),
    openFollowUps(addDays(today, 1)),
    db.deals.where('stage').anyOf('offer_sent', 'negotiation').toArray(),
    loadRhythmTable(),
    listReminderStates(),
  ]);
  const seen = new Set<Id>();
  const interactions: Interaction[] = [];
  for (const i of [...complaints, ...followUps]) {
    if (seen.has(i.id)) continue;
    seen.add(i.id);
    interactions.push(i);
  }
  const input: ReminderInput = { accounts, contacts, interactions, deals, rhythms, states };
  if (ownerId) input.ownerId = ownerId;
  return input;
}

/** The week plan's extra inputs: the rep's planned appointments and the follow-ups dated in the week. */
export async function loadWeekInteractions(rep: Id, isoYear: number, isoWeek: number): Promise<{ interactions: Interaction[]; contactsByAccount: Map<Id, Contact[]> }> {
  const db = getDb();
  const monday = isoWeekMonday(isoYear, isoWeek);
  const sunday = addDays(monday, 6);
  // Instants a day either side, so every local day of the week is inside whatever the zone.
  const [planned, followUps, contacts] = await Promise.all([
    db.interactions.where('[status+at]').between(['planned', `${addDays(monday, -1)}T00:00`], ['planned', `${addDays(sunday, 1)}T99`]).toArray(),
    db.interactions.where('followUpDate').between(monday, sunday, true, true).toArray(),
    birthdayContacts(monthsBetween(monday, sunday)),
  ]);
  const contactsByAccount = new Map<Id, Contact[]>();
  for (const c of contacts) contactsByAccount.set(c.accountId, [...(contactsByAccount.get(c.accountId) ?? []), c]);
  return { interactions: [...planned.filter((i) => i.userId === rep), ...followUps], contactsByAccount };
}

export async function loadRepAccounts(rep: Id | undefined): Promise<Account[]> {
  return repAccounts(rep);
}

function weekPlanId(rep: Id, isoYear: number, isoWeek: number): string {
  return `weekPlan:${rep}:${isoYear}-W${String(isoWeek).padStart(2, '0')}`;
}

/** The rep's saved (possibly edited) plan of a week, stored as a settings row; null when none yet. */
export async function loadWeekPlan(rep: Id, isoYear: number, isoWeek: number): Promise<WeekPlan | null> {
  const row = await getDb().settings.get(weekPlanId(rep, isoYear, isoWeek));
  return (row?.value as WeekPlan | undefined) ?? null;
}

export async function saveWeekPlan(plan: WeekPlan): Promise<void> {
  await runWrite((d) => [d.settings], () => getDb().settings.put({ id: weekPlanId(plan.rep, plan.isoYear, plan.isoWeek), value: plan, updatedAt: Date.now() }), { label: 'plan' });
}

const NEXT_STEP_MAX_AGE_MS = 180 * 86_400_000;

/** What the printed plan shows per account. */
export type PlanAccountDetails = {
  account: Account;
  contacts: Contact[];
  /** Latest done contact. */
  last?: Interaction;
  /** Latest agreed next step (done entries with a next step or follow-up date). */
  nextStep?: Interaction;
  openComplaints: Interaction[];
  openOffers: Deal[];
};

/** Details of the plan's accounts for the screen and the print: a few indexed reads per account. */
export async function loadPlanDetails(ids: readonly Id[], now = Date.now()): Promise<Map<Id, PlanAccountDetails>> {
  const db = getDb();
  const out = new Map<Id, PlanAccountDetails>();
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      const account = await db.accounts.get(id);
      if (!account) return;
      const [contacts, history, deals] = await Promise.all([
        db.contacts.where('accountId').equals(id).toArray(),
        db.interactions.where('[accountId+at]').between([id, ''], [id, '\uffff']).reverse()
          .filter((i) => i.deletedAt === undefined && i.status === 'done').limit(40).toArray(),
        db.deals.where('accountId').equals(id).toArray(),
      ]);
      const complaints = await db.interactions.where('[accountId+at]').between([id, ''], [id, '\uffff'])
        .filter((i) => i.type === 'complaint' && i.deletedAt === undefined && i.complaint?.status !== 'resolved').toArray();
      out.set(id, {
        account,
        contacts: contacts.filter((c) => c.deletedAt === undefined && !c.erased),
        // The last personal contact says more before a visit than last week's newsletter.
        last: history.find((i) => i.mode === 'human' && i.type !== 'complaint' && i.type !== 'note') ?? history.find((i) => i.type !== 'note'),
        // Like the briefing: a next step agreed more than half a year ago is settled or stale.
        nextStep: history.find((i) => (i.nextStep !== '' || i.followUpDate) && now - Date.parse(i.at) <= NEXT_STEP_MAX_AGE_MS),
        openComplaints: complaints,
        openOffers: deals.filter((d) => d.deletedAt === undefined && (d.stage === 'offer_sent' || d.stage === 'negotiation')),
      });
    }),
  );
  return out;
}

/** Accounts of a rep matching a name prefix/substring, for "add to plan". */
export async function searchRepAccounts(rep: Id, text: string, limit = 8): Promise<Account[]> {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  return getDb().accounts.where('ownerId').equals(rep)
    .filter((a) => a.deletedAt === undefined && !a.archived && (a.name.toLowerCase().includes(q) || a.city.toLowerCase().startsWith(q) || a.postalCode.startsWith(q)))
    .limit(limit).toArray();
}

type Notified = { keys: string[]; lastDaily: IsoDate | '' };

/** Reminder keys already sent as OS notifications and the day of the last daily notification. */
export async function getNotified(): Promise<Notified> {
  const row = await getDb().settings.get('notifiedReminders');
  return (row?.value as Notified | undefined) ?? { keys: [], lastDaily: '' };
}

/** Remembers notified keys; only the newest 5,000 are kept (old keys are for long-gone occurrences). */
export async function addNotified(keys: readonly string[], daily?: IsoDate): Promise<void> {
  const db = getDb();
  await runWrite([db.settings], async () => {
    const prev = await getNotified();
    const all = [...new Set([...prev.keys, ...keys])].slice(-5000);
    await db.settings.put({ id: 'notifiedReminders', value: { keys: all, lastDaily: daily ?? prev.lastDaily }, updatedAt: Date.now() });
  }, { label: 'reminder' });
}

/** Accounts and contacts the visible reminders mention, by id. */
export async function loadReminderSubjects(accountIds: readonly Id[], contactIds: readonly Id[]): Promise<{ accounts: Map<Id, Account>; contacts: Map<Id, Contact> }> {
  const db = getDb();
  const [accounts, contacts] = await Promise.all([db.accounts.bulkGet([...new Set(accountIds)]), db.contacts.bulkGet([...new Set(contactIds)])]);
  return {
    accounts: new Map(accounts.filter((a): a is Account => a !== undefined).map((a) => [a.id, a])),
    contacts: new Map(contacts.filter((c): c is Contact => c !== undefined).map((c) => [c.id, c])),
  };
}
