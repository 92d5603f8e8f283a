import type { Account, Contact, Deal, Id, Interaction, IsoDate, ReminderState } from '../domain';
import { birthdayWindow } from './birthday';
import { fromDayNumber, isAfter, toDayNumber, zoneClock, type ZoneClock } from './calendar';
import { graceDays, hasRhythm, lastDayOf, rhythmDaysOf, type RhythmTable } from './rhythm';

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
 * All reminders open on `today`, in input order (sort with sortReminders). One pass over each
 * input, and no index over all accounts (a 100k-entry Map costs more than the rest of the pass):
 * follow-up candidates are collected first, the pass over accounts raises due/overdue, notes the
 * few accounts that are not live (archived or trashed; with ownerId, it collects the rep's own)
 * and picks up only the accounts that have a follow-up candidate. Due/overdue is raised for human
 * contact only: digital rhythm (newsletters) runs in bulk and would flood the inbox.
 */
export function computeReminders(input: ReminderInput, today: IsoDate, settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS): Reminder[] {
  const clock = zoneClock(settings.tz);
  const t = toDayNumber(today);
  const dateText = dayTextCache();
  const states = input.states instanceof Map ? input.states : new Map((input.states as readonly ReminderState[]).map((s) => [s.id, s]));
  const out: Reminder[] = [];
  const emit = (r: Reminder | null): void => {
    if (r && !(states.size > 0 && isSuppressed(states.get(r.key), t, settings, clock))) out.push(r);
  };

  // Follow-up candidates are kept as interactions; their reminders are built only for those that
  // survive the join below. The join goes through one holder per account, filled by the accounts
  // pass, so it costs one Map lookup per account and none afterwards (Map operations on 100k string
  // ids were the largest cost of the whole computation).
  const followUps: Interaction[] = [];
  const followUpDays: number[] = [];
  const followUpHolders: AccountHolder[] = [];
  const candidates = new Map<Id, AccountHolder>();
  const complaints: Reminder[] = [];
  for (const i of input.interactions) {
    if (i.deletedAt !== undefined || i.status === 'cancelled') continue;
    if (i.type === 'complaint') {
      const c = complaintOpen(i, t, settings, clock, dateText);
      if (c) complaints.push(c);
    }
    const date = i.followUpDate;
    if (!date || i.status !== 'done' || date.length !== 10) continue;
    const day = toDayNumber(date);
    if (!(t >= day - settings.followUpLeadDays)) continue; // also drops NaN from a malformed date
    followUps.push(i);
    followUpDays.push(day);
    let holder = candidates.get(i.accountId);
    if (holder === undefined) candidates.set(i.accountId, (holder = { account: null }));
    followUpHolders.push(holder);
  }

  const ownerId = input.ownerId;
  const dead = new Set<Id>();
  // With ownerId, a row counts only when its account was seen as that rep's; other reps' accounts
  // are most of the book, so the rep's own are collected rather than everyone else's.
  const seen = ownerId === undefined ? null : new Set<Id>();
  const humanRhythm = rhythmDaysOf(input.rhythms, 'human');
  for (const a of input.accounts) {
    if (ownerId !== undefined && a.ownerId !== ownerId) continue;
    seen?.add(a.id);
    if (a.archived || a.deletedAt !== undefined) {
      dead.add(a.id);
      continue;
    }
    if (candidates.size > 0) {
      const holder = candidates.get(a.id);
      if (holder !== undefined) holder.account = a;
    }
    if (!hasRhythm(a)) continue;
    // Numbers only on the hot path; strings are built just for accounts that are due.
    const rhythm = humanRhythm(a);
    const last = rhythm > 0 ? lastDayOf(a.lastHumanContactAt, clock) : null;
    if (last === null || t < last + rhythm) continue;
    const kind = t - (last + rhythm) >= graceDays(rhythm) ? 'overdue' : 'due';
    const dueDate = dateText(last + rhythm);
    emit({ key: `${kind}:${a.id}:${dueDate}`, kind, dueDate, accountId: a.id, params: { daysOverdue: t - last - rhythm, rhythmDays: rhythm } });
  }
  const isLive = (id: Id): boolean => !dead.has(id) && (seen === null || seen.has(id));

  followUps.forEach((i, k) => {
    // A follow-up counts as handled once the account had any contact after the interaction that
    // asked for it: the rep called back, the inbox should not ask again. null = account not live.
    const a = followUpHolders[k]?.account;
    if (a && !isAfter(a.lastHumanContactAt, i.at) && !isAfter(a.lastDigitalContactAt, i.at)) emit(followUp(i, followUpDays[k] ?? t, t));
  });
  const birthdayOn = birthdayWindow(t, settings.birthdayLeadDays, settings.birthdayLateDays);
  for (const c of input.contacts) {
    if (!c.birthday || c.deletedAt !== undefined || c.erased) continue;
    const occ = birthdayOn(c.birthday);
    if (!occ || !isLive(c.accountId)) continue;
    const params: Record<string, number> = { daysUntil: occ.daysUntil };
    if (occ.age !== undefined) params.age = occ.age;
    emit({ key: `birthday:${c.id}:${occ.year}`, kind: 'birthday', dueDate: occ.date, accountId: c.accountId, contactId: c.id, params });
  }
  for (const c of complaints) if (isLive(c.accountId)) emit(c);
  for (const d of input.deals) {
    if (d.deletedAt === undefined && isLive(d.accountId)) emit(offerNoFollowUp(d, t, settings, clock, dateText));
  }
  return out;
}

/** The account a follow-up candidate belongs to; null until the accounts pass saw it live. */
type AccountHolder = { account: Account | null };

/** Day numbers to IsoDate, memoised per run: 100k due dates fall on a few hundred distinct days. */
function dayTextCache(): (day: number) => IsoDate {
  const cache = new Map<number, IsoDate>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) cache.set(day, (text = fromDayNumber(day)));
    return text;
  };
}

function followUp(i: Interaction, day: number, t: number): Reminder {
  const date = i.followUpDate ?? '';
  const r: Reminder = {
    key: `follow_up:${i.id}:${date}`, kind: 'follow_up', dueDate: date, accountId: i.accountId, interactionId: i.id,
    params: { days: t - day, subject: i.nextStep || i.subject },
  };
  if (i.dealId) r.dealId = i.dealId;
  return r;
}

/** Complaints without a complaint record count as open: nobody took ownership yet. */
function complaintOpen(i: Interaction, t: number, s: ReminderSettings, clock: ZoneClock, dateText: (d: number) => IsoDate): Reminder | null {
  if (i.complaint?.status === 'resolved') return null;
  const opened = lastDayOf(i.at, clock);
  if (opened === null || t < opened + s.complaintOpenDays) return null;
  return {
    key: `complaint_open:${i.id}`, kind: 'complaint_open', dueDate: dateText(opened + s.complaintOpenDays),
    accountId: i.accountId, interactionId: i.id, params: { days: t - opened, status: i.complaint?.status ?? 'open' },
  };
}

/**
 * Offers sent or in negotiation whose last touch (sending, or the latest follow-up) is too old.
 * The key carries the day of that last touch, so a follow-up starts a fresh cycle instead of
 * reviving a reminder the user already closed.
 */
function offerNoFollowUp(d: Deal, t: number, s: ReminderSettings, clock: ZoneClock, dateText: (d: number) => IsoDate): Reminder | null {
  if (d.stage !== 'offer_sent' && d.stage !== 'negotiation') return null;
  const sent = lastDayOf(d.offerSentAt ?? d.createdAt, clock);
  const followed = lastDayOf(d.lastFollowUpAt, clock);
  const touch = followed !== null && (sent === null || followed > sent) ? followed : sent;
  if (touch === null || t < touch + s.offerFollowUpDays) return null;
  return {
    key: `offer_no_follow_up:${d.id}:${dateText(touch)}`, kind: 'offer_no_follow_up', dueDate: dateText(touch + s.offerFollowUpDays),
    accountId: d.accountId, dealId: d.id, params: { days: t - touch, value: d.value, title: d.title },
  };
}

/** Done never returns; snoozed returns once snoozedUntil has passed (its local day, or `now` when given). */
function isSuppressed(state: ReminderState | undefined, t: number, s: ReminderSettings, clock: ZoneClock): boolean {
  if (!state) return false;
  if (state.state === 'done') return true;
  if (!state.snoozedUntil) return false;
  const until = Date.parse(state.snoozedUntil);
  if (Number.isNaN(until)) return false;
  return s.now !== undefined ? s.now < until : t < clock.dayNumberAt(until);
}

const KIND_ORDER: Record<ReminderKind, number> = { overdue: 0, complaint_open: 1, offer_no_follow_up: 2, follow_up: 3, due: 4, birthday: 5 };

/** Inbox order: earliest due first, then the more pressing kind, then key for a stable order. */
export function sortReminders(list: readonly Reminder[]): Reminder[] {
  return [...list].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
