import type { Account, Contact, Deal, Id, Interaction, IsoDate, ReminderState } from '../domain';
import { birthdayWindow } from './birthday';
import { fromDayNumber, isAfter, toDayNumber, type ZoneClock } from './calendar';
import { firstOf, hashId, nextOf, type IdIndex } from './id-index';
import type { Reminder, ReminderSettings } from './reminders';
import { asIsoDate } from '../time';
import { graceDays, hasRhythm, lastDayOf, rhythmDaysOf, type RhythmTable } from './rhythm';

// The passes of computeReminders, one small function per input table: V8 optimises and inlines a
// short loop far better than one long function holding all of them (measured: the accounts pass
// alone ran ~1.5× slower inside the long function).

/** Day numbers to IsoDate, memoised per run: 100k due dates fall on a few hundred distinct days. */
export function dayTextCache(): (day: number) => IsoDate {
  const cache = new Map<number, IsoDate>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) cache.set(day, (text = fromDayNumber(day)));
    return text;
  };
}

/** Follow-up candidates (kept as interactions, built once the join kept them) and open complaints. */
export type InteractionFinds = { followUps: Interaction[]; followUpDays: number[]; complaints: Reminder[] };

export function scanInteractions(
  interactions: readonly Interaction[], t: number, s: ReminderSettings, clock: ZoneClock, dateText: (d: number) => IsoDate,
): InteractionFinds {
  const found: InteractionFinds = { followUps: [], followUpDays: [], complaints: [] };
  for (const i of interactions) {
    if (i.deletedAt !== undefined || i.status === 'cancelled') continue;
    if (i.type === 'complaint') {
      const c = complaintOpen(i, t, s, clock, dateText);
      if (c) found.complaints.push(c);
    }
    const date = i.followUpDate;
    if (!date || i.status !== 'done' || date.length !== 10) continue;
    const day = toDayNumber(date);
    if (!(t >= day - s.followUpLeadDays)) continue; // also drops NaN from a malformed date
    found.followUps.push(i);
    found.followUpDays.push(day);
  }
  return found;
}

export function scanBirthdays(contacts: readonly Contact[], t: number, s: ReminderSettings): Reminder[] {
  const out: Reminder[] = [];
  const birthdayOn = birthdayWindow(t, s.birthdayLeadDays, s.birthdayLateDays);
  for (const c of contacts) {
    if (!c.birthday || c.deletedAt !== undefined || c.erased) continue;
    const occ = birthdayOn(c.birthday);
    if (!occ) continue;
    const params: Record<string, number> = { daysUntil: occ.daysUntil };
    if (occ.age !== undefined) params.age = occ.age;
    out.push({ key: `birthday:${c.id}:${occ.year}`, kind: 'birthday', dueDate: occ.date, accountId: c.accountId, contactId: c.id, params });
  }
  return out;
}

export function scanOffers(deals: readonly Deal[], t: number, s: ReminderSettings, clock: ZoneClock, dateText: (d: number) => IsoDate): Reminder[] {
  const out: Reminder[] = [];
  for (const d of deals) {
    if (d.deletedAt !== undefined) continue;
    const r = offerNoFollowUp(d, t, s, clock, dateText);
    if (r) out.push(r);
  }
  return out;
}

/** Join flags: an account with the row's id was seen live (and the rep's, with ownerId), or archived/trashed. */
export const SEEN = 1;
export const DEAD = 2;

/**
 * What the accounts pass fills in for the rows waiting for their account: `flags` per join
 * position, and for the first `followUps` positions the index of the live account (-1 = none).
 */
export type AccountJoin = { ix: IdIndex; flags: Uint8Array; followUps: number; followUpAccount: Int32Array };

/** The one pass over accounts: raises due/overdue (human contact only) and resolves the join. */
export function scanAccounts(
  accounts: readonly Account[], ownerId: Id | undefined, rhythms: RhythmTable, t: number, clock: ZoneClock,
  dateText: (d: number) => IsoDate, join: AccountJoin, emit: (r: Reminder) => void,
): void {
  const humanRhythm = rhythmDaysOf(rhythms, 'human');
  const suffixes = new Map<number, string>();
  const keySuffix = (day: number): string => {
    let text = suffixes.get(day);
    if (text === undefined) suffixes.set(day, (text = `:${dateText(day)}`));
    return text;
  };
  const { ix, flags, followUpAccount } = join;
  const joining = ix.keys.length > 0;
  for (let n = 0; n < accounts.length; n++) {
    const a = accounts[n] as Account;
    if (ownerId !== undefined && a.ownerId !== ownerId) continue;
    const dead = a.archived || a.deletedAt !== undefined;
    if (joining) {
      const h = hashId(a.id);
      for (let k = firstOf(ix, a.id, h); k >= 0; k = nextOf(ix, a.id, h, k)) {
        flags[k] = (flags[k] as number) | (dead ? DEAD : SEEN);
        if (!dead && k < join.followUps) followUpAccount[k] = n;
      }
    }
    if (dead || !hasRhythm(a)) continue;
    // Numbers only on the hot path; strings are built just for accounts that are due.
    const rhythm = humanRhythm(a);
    const last = rhythm > 0 ? lastDayOf(a.lastHumanContactAt, clock) : null;
    if (last === null || t < last + rhythm) continue;
    const overdue = t - (last + rhythm) >= graceDays(rhythm);
    const dueDate = dateText(last + rhythm);
    // Two concatenations instead of a four-part template: the key is most of what a reminder allocates.
    const key = (overdue ? 'overdue:' : 'due:') + a.id + keySuffix(last + rhythm);
    emit({ key, kind: overdue ? 'overdue' : 'due', dueDate, accountId: a.id, params: { daysOverdue: t - last - rhythm, rhythmDays: rhythm } });
  }
}

/**
 * Open follow-ups. One counts as handled once the account had any contact after the interaction
 * that asked for it: the rep called back, the inbox should not ask again.
 */
export function emitFollowUps(accounts: readonly Account[], found: InteractionFinds, join: AccountJoin, t: number, emit: (r: Reminder) => void): void {
  for (let k = 0; k < join.followUps; k++) {
    const n = join.followUpAccount[k] as number;
    if (n < 0) continue; // no live account (of the rep) with that id
    const a = accounts[n] as Account;
    const i = found.followUps[k] as Interaction;
    if (!isAfter(a.lastHumanContactAt, i.at) && !isAfter(a.lastDigitalContactAt, i.at)) emit(followUp(i, found.followUpDays[k] ?? t, t));
  }
}

function followUp(i: Interaction, day: number, t: number): Reminder {
  const date = i.followUpDate ?? asIsoDate(''); // callers pass interactions with a follow-up date
  const r: Reminder = {
    key: `follow_up:${i.id}:${date}`, kind: 'follow_up', dueDate: date, accountId: i.accountId, interactionId: i.id,
    params: { days: t - day, subject: i.nextStep || i.subject },
  };
  if (i.dealId) r.dealId = i.dealId;
  return r;
}

/** Complaints without a complaint record count as open: nobody took ownership yet. */
export function complaintOpen(i: Interaction, t: number, s: ReminderSettings, clock: ZoneClock, dateText: (d: number) => IsoDate): Reminder | null {
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
export function offerNoFollowUp(d: Deal, t: number, s: ReminderSettings, clock: ZoneClock, dateText: (d: number) => IsoDate): Reminder | null {
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
export function isSuppressed(state: ReminderState | undefined, t: number, s: ReminderSettings, clock: ZoneClock): boolean {
  if (!state) return false;
  if (state.state === 'done') return true;
  if (!state.snoozedUntil) return false;
  const until = Date.parse(state.snoozedUntil);
  if (Number.isNaN(until)) return false;
  return s.now !== undefined ? s.now < until : t < clock.dayNumberAt(until);
}
