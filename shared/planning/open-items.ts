import type { Account, Interaction } from '../domain';
import { isAfter } from './calendar';

// The open-items index: an interaction carries entries only while it can still raise a reminder in
// the Today inbox, so Today reads what is open instead of every complaint and follow-up ever logged.
// Closed history (resolved or trashed complaints, follow-ups a later contact answered) is not in the
// index at all: IndexedDB leaves a row out of a multi-entry index when it has no entries.

/** The field of the stored interaction the index is on (multi-entry). */
export const OPEN_FIELD = 'openKeys';

/** An open complaint, by its start (`c`, at). */
export const COMPLAINT = 'c';
/** An open follow-up, by its follow-up day (`f`, day): Today reads those due up to a day. */
export const FOLLOW_UP = 'f';
/** The same open follow-up by its account (`a`, accountId): a new contact closes the account's follow-ups. */
export const FOLLOW_UP_OF = 'a';

/** One index entry: its part (COMPLAINT, FOLLOW_UP or FOLLOW_UP_OF) and the value it is found by. */
export type OpenKey = [part: string, value: string];

/** What the index reads of an account: its last contacts decide whether a follow-up was answered. */
export type ContactClock = Pick<Account, 'lastHumanContactAt' | 'lastDigitalContactAt'>;

/** What the index reads of an interaction. */
export type OpenRow = Pick<Interaction, 'type' | 'status' | 'at' | 'accountId' | 'followUpDate' | 'complaint'> & { deletedAt?: unknown };

/** A complaint not resolved, trashed or called off (complaintOpen then decides when it is flagged). */
export function isOpenComplaint(i: OpenRow): boolean {
  return i.type === 'complaint' && i.deletedAt === undefined && i.status !== 'cancelled' && i.complaint?.status !== 'resolved';
}

/** A done, live entry with a follow-up day (scanInteractions takes no other). */
export function asksFollowUp(i: OpenRow): boolean {
  return i.deletedAt === undefined && i.status === 'done' && typeof i.followUpDate === 'string' && i.followUpDate.length === 10;
}

/** The account had contact after the entry that asked for the follow-up: emitFollowUps' rule, it never asks again. */
export function followUpAnswered(account: ContactClock | undefined, i: Pick<Interaction, 'at'>): boolean {
  if (!account) return false;
  return isAfter(account.lastHumanContactAt, i.at) || isAfter(account.lastDigitalContactAt, i.at);
}

/**
 * The index entries of an interaction; undefined when nothing of it is open. `account` is the
 * interaction's account as stored (undefined when not read or not there: the follow-up then stays
 * in the index, and the reminder rules decide on it with the account Today reads anyway).
 */
export function openKeys(i: OpenRow, account: ContactClock | undefined): OpenKey[] | undefined {
  const keys: OpenKey[] = [];
  if (isOpenComplaint(i)) keys.push([COMPLAINT, String(i.at ?? '')]);
  if (asksFollowUp(i) && !followUpAnswered(account, i)) keys.push([FOLLOW_UP, i.followUpDate as string], [FOLLOW_UP_OF, String(i.accountId)]);
  return keys.length > 0 ? keys : undefined;
}
