import type { Account, Id, IsoDate, ReminderState } from '../../../shared/domain';
import { computeReminders, type Reminder, type ReminderInput, type ReminderSettings } from '../../../shared/planning/reminders';
import { visitCoverage, type Coverage, type RhythmTable } from '../../../shared/planning/rhythm';
import { getDb } from '../core/db';
import { loadReminderInput } from './load';
import { loadRhythmTable } from './planning';

// Today's reminders and coverage at any size of the base: the accounts are never all in memory. The
// few rows that raise birthdays, follow-ups, complaints and offers come through their indexes as
// before (load.ts) and fetch just the accounts they name; the rhythm pass (due/overdue) and the
// coverage counts read the rep's accounts a page at a time and keep only what they found. What stays
// in memory is what the inbox shows (the reminders) and one page, whether the base holds 700
// accounts or 100k. The results are those of computeReminders / visitCoverage over all accounts at
// once (reminder-query.test.ts compares them on random data).

/** Accounts per read: a few MB at most, few IndexedDB round trips. */
const PAGE = 2000;

/**
 * Calls `each` with the accounts of `ownerId` (all accounts when undefined), page by page, in no
 * particular order. Each page is its own read: a write between pages is seen by the pages after it.
 */
export async function forEachAccountPage(ownerId: Id | undefined, each: (page: Account[]) => void): Promise<void> {
  const db = getDb();
  if (ownerId !== undefined) {
    // Only the keys of the rep's book are held (a few MB at 100k), then the rows page by page.
    const ids = (await db.accounts.where('ownerId').equals(ownerId).primaryKeys()) as Id[];
    for (let i = 0; i < ids.length; i += PAGE) {
      const rows = await db.accounts.bulkGet(ids.slice(i, i + PAGE));
      each(rows.filter((a): a is Account => a !== undefined));
    }
    return;
  }
  let last: Id | undefined;
  for (;;) {
    const page = await (last === undefined ? db.accounts.orderBy(':id') : db.accounts.where(':id').above(last)).limit(PAGE).toArray();
    if (page.length > 0) each(page);
    if (page.length < PAGE) return;
    last = page[page.length - 1]!.id;
  }
}

const RHYTHM_KINDS = new Set<Reminder['kind']>(['due', 'overdue']);

/**
 * The same reminders as computeReminders over loadReminderInput (in its input order; sort with
 * sortReminders), without loading every account: see the top of this file.
 */
export async function loadReminders(today: IsoDate, ownerId: Id | undefined, settings: ReminderSettings): Promise<Reminder[]> {
  const input = await loadReminderInput(today, ownerId, settings.birthdayLeadDays, settings.birthdayLateDays, { accounts: false });
  // The accounts the rows name: only they decide whether a birthday, follow-up, complaint or offer shows.
  const named = new Set<Id>();
  for (const c of input.contacts) named.add(c.accountId);
  for (const i of input.interactions) named.add(i.accountId);
  for (const d of input.deals) named.add(d.accountId);
  const accounts = (await getDb().accounts.bulkGet([...named])).filter((a): a is Account => a !== undefined);
  // Their own due/overdue comes from the rhythm pass below, which sees every account once.
  const rows = computeReminders({ ...input, accounts }, today, settings).filter((r) => !RHYTHM_KINDS.has(r.kind));
  const rhythmOnly: ReminderInput = { accounts: [], contacts: [], interactions: [], deals: [], rhythms: input.rhythms, states: toMap(input.states) };
  if (ownerId !== undefined) rhythmOnly.ownerId = ownerId;
  await forEachAccountPage(ownerId, (page) => {
    for (const r of computeReminders({ ...rhythmOnly, accounts: page }, today, settings)) rows.push(r);
  });
  return rows;
}

/** The states by key once, instead of once per page. */
function toMap(states: ReminderInput['states']): ReadonlyMap<string, ReminderState> {
  return states instanceof Map ? states : new Map((states as readonly ReminderState[]).map((s) => [s.id, s]));
}

/** visitCoverage of the rep's accounts (everyone's when undefined), counted page by page. */
export async function loadCoverage(ownerId: Id | undefined, today: IsoDate, tz?: string, table?: RhythmTable): Promise<Coverage[]> {
  const rhythms = table ?? (await loadRhythmTable());
  let sum: Coverage[] | undefined;
  await forEachAccountPage(ownerId, (page) => {
    const part = visitCoverage(page, rhythms, today, tz);
    sum = sum ? sum.map((c, k) => ({ ...c, accounts: c.accounts + part[k]!.accounts, withinRhythm: c.withinRhythm + part[k]!.withinRhythm })) : part;
  });
  sum ??= visitCoverage([], rhythms, today, tz);
  return sum.map((c) => ({ ...c, share: c.accounts === 0 ? null : c.withinRhythm / c.accounts }));
}
