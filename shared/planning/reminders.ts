import type { Account, Contact, Deal, Id, Interaction, IsoDate, ReminderState } from '../domain';
import { toDayNumber, zoneClock } from './calendar';
import { buildIdIndex } from './id-index';
import { DEAD, dayTextCache, emitFollowUps, isSuppressed, scanAccounts, scanBirthdays, scanInteractions, scanOffers, SEEN } from './reminder-rules';
import type { RhythmTable } from './rhythm';

export const REMINDER_KINDS = ['birthday', 'due', 'overdue', 'follow_up', 'offer_no_follow_up', 'complaint_open'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** One entry of the "Today" inbox. */
export type Reminder = {
  /** Stable key; ReminderState rows use it as id, so done/snooze stick to exactly this occurrence. */
  key: string;
  kind: ReminderKind;
  /** Day the thing is (or was) due: the birthday, the rhythm's due date, the follow-up date… */
  dueDate: IsoDate;
  accountId: Id;
  contactId?: Id;
  dealId?: Id;
  interactionId?: Id;
  /** Numbers and words for the message: age, days, daysOverdue, rhythmDays, value. */
  params: Record<string, number | string>;
};

export type ReminderSettings = {
  /** Birthdays show this many days ahead. */
  birthdayLeadDays: number;
  /** …and stay this many days after, so a weekend birthday is still seen on Monday. */
  birthdayLateDays: number;
  /** Follow-up dates show this many days ahead (0 = on the day). */
  followUpLeadDays: number;
  /** An offer is flagged when nobody followed up for this many days after sending or the last follow-up. */
  offerFollowUpDays: number;
  /** A complaint is flagged when it is still not resolved this many days after it came in. */
  complaintOpenDays: number;
  /** IANA zone of the laptop; default: the current one. */
  tz?: string;
  /** Epoch ms; when given, a snooze ends at its exact instant instead of at the start of its day. */
  now?: number;
};

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  birthdayLeadDays: 7, birthdayLateDays: 3, followUpLeadDays: 0, offerFollowUpDays: 14, complaintOpenDays: 7,
};

export type ReminderInput = {
  accounts: readonly Account[];
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  deals: readonly Deal[];
  rhythms: RhythmTable;
  /** What the user did with reminders, by key. */
  states: ReadonlyMap<string, ReminderState> | readonly ReminderState[];
  /** Only accounts of this team member (a rep's own inbox); absent = all. */
  ownerId?: Id;
};

/**
 * All reminders open on `today`, in input order (sort with sortReminders): due/overdue, follow-ups,
 * birthdays, complaints, offers. One pass over each input. The rows of the other tables that would
 * raise a reminder are collected first; each needs its account (live, and the rep's with ownerId),
 * and they are matched to it during the single pass over accounts through an IdIndex, so no Map or
 * Set over 100k string ids is built (those were most of the cost, see id-index.ts). Due/overdue is
 * raised for human contact only: digital rhythm (newsletters) runs in bulk and would flood the inbox.
 */
export function computeReminders(input: ReminderInput, today: IsoDate, settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS): Reminder[] {
  const clock = zoneClock(settings.tz);
  const t = toDayNumber(today);
  const dateText = dayTextCache();
  const states = input.states instanceof Map ? input.states : new Map((input.states as readonly ReminderState[]).map((s) => [s.id, s]));
  const out: Reminder[] = [];
  const emit = (r: Reminder): void => {
    if (!(states.size > 0 && isSuppressed(states.get(r.key), t, settings, clock))) out.push(r);
  };

  const found = scanInteractions(input.interactions, t, settings, clock, dateText);
  // Reminders that only wait for their account's check, in output order.
  const ready = [...scanBirthdays(input.contacts, t, settings), ...found.complaints, ...scanOffers(input.deals, t, settings, clock, dateText)];
  // Join positions: follow-ups at 0…f-1, then the ready reminders.
  const f = found.followUps.length;
  const joinIds: Id[] = new Array<Id>(f + ready.length);
  for (let k = 0; k < f; k++) joinIds[k] = (found.followUps[k] as Interaction).accountId;
  for (let k = 0; k < ready.length; k++) joinIds[f + k] = (ready[k] as Reminder).accountId;
  const join = { ix: buildIdIndex(joinIds), flags: new Uint8Array(joinIds.length), followUps: f, followUpAccount: new Int32Array(f).fill(-1) };

  scanAccounts(input.accounts, input.ownerId, input.rhythms, t, clock, dateText, join, emit);
  emitFollowUps(input.accounts, found, join, t, emit);
  // A row whose account is missing from the input counts as live unless only the rep's own are wanted.
  for (let k = 0; k < ready.length; k++) {
    const fl = join.flags[f + k] as number;
    if ((fl & DEAD) === 0 && (input.ownerId === undefined || (fl & SEEN) !== 0)) emit(ready[k] as Reminder);
  }
  return out;
}

const KIND_ORDER: Record<ReminderKind, number> = { overdue: 0, complaint_open: 1, offer_no_follow_up: 2, follow_up: 3, due: 4, birthday: 5 };

/** Inbox order: earliest due first, then the more pressing kind, then key for a stable order. */
export function sortReminders(list: readonly Reminder[]): Reminder[] {
  return [...list].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
