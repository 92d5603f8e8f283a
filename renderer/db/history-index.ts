import type { Contact, Id, Interaction, IsoInstant } from '../../shared/domain';
import { foldForSearch } from '../../shared/text/normalize';
import { getDb } from './db';

/**
 * Compact in-memory search indexes for the history search, built on first use and kept current
 * incrementally (rows whose `updatedAt` is newer than the newest seen), so a keystroke scans
 * strings in memory instead of reading rows from IndexedDB:
 *
 * - every live contact's folded name (~40 bytes each: ~12 MB at 300k contacts);
 * - the folded subject + summary + next step of the newest RECENT_ROWS interactions
 *   (~150 bytes each: ~6 MB). Older history is searched on demand, page by page, from IndexedDB.
 */
export const RECENT_ROWS = 40_000;

export type ContactEntry = { id: Id; accountId: Id; text: string };
export type TextEntry = { id: Id; at: IsoInstant; text: string };

type State = {
  contacts: Map<Id, ContactEntry>;
  contactsStamp: number;
  texts: Map<Id, TextEntry>;
  textsStamp: number;
  /** Oldest `at` the text index covers; older rows are searched from the database. */
  textsFrom: IsoInstant;
};

let state: State | undefined;
let building: Promise<State> | undefined;

export function contactSearchText(c: Pick<Contact, 'title' | 'firstName' | 'lastName'>): string {
  return foldForSearch(`${c.title} ${c.firstName} ${c.lastName} ${c.lastName}, ${c.firstName}`);
}

export function interactionSearchText(r: Pick<Interaction, 'subject' | 'summary' | 'nextStep'>): string {
  return foldForSearch(`${r.subject} ${r.summary} ${r.nextStep}`);
}

function putContact(s: State, c: Contact): void {
  if (c.deletedAt !== undefined || c.erased) s.contacts.delete(c.id);
  else s.contacts.set(c.id, { id: c.id, accountId: c.accountId, text: contactSearchText(c) });
  s.contactsStamp = Math.max(s.contactsStamp, c.updatedAt);
}

function putText(s: State, r: Interaction): void {
  if (r.deletedAt !== undefined || r.at < s.textsFrom) s.texts.delete(r.id);
  else s.texts.set(r.id, { id: r.id, at: r.at, text: interactionSearchText(r) });
  s.textsStamp = Math.max(s.textsStamp, r.updatedAt);
}

async function build(): Promise<State> {
  const db = getDb();
  const s: State = { contacts: new Map(), contactsStamp: 0, texts: new Map(), textsStamp: 0, textsFrom: '' };
  // The window's start from a keys-only walk of the `at` index, then one bulk read of the window.
  const ats = (await db.interactions.orderBy('at').reverse().limit(RECENT_ROWS).keys()) as string[];
  s.textsFrom = ats.length < RECENT_ROWS ? '' : (ats[ats.length - 1] ?? '');
  const [contacts, rows] = await Promise.all([
    db.contacts.toArray(),
    s.textsFrom ? db.interactions.where('at').aboveOrEqual(s.textsFrom).toArray() : db.interactions.toArray(),
  ]);
  for (const c of contacts) putContact(s, c);
  for (const r of rows) putText(s, r);
  // Stamps of rows outside the window still count as seen.
  const newest = await db.interactions.orderBy('updatedAt').last();
  s.textsStamp = Math.max(s.textsStamp, newest?.updatedAt ?? 0);
  return s;
}

/** The indexes, built once and brought up to date with rows written since the last call. */
export async function getHistoryIndex(): Promise<State> {
  if (!state) {
    building ??= build().finally(() => {
      building = undefined;
    });
    state = await building;
    return state;
  }
  const s = state;
  const db = getDb();
  const [contacts, rows] = await Promise.all([
    db.contacts.where('updatedAt').above(s.contactsStamp).toArray(),
    db.interactions.where('updatedAt').above(s.textsStamp).toArray(),
  ]);
  for (const c of contacts) putContact(s, c);
  for (const r of rows) putText(s, r);
  return s;
}

/** Forgets the indexes (tests; restores and imports that rewrite rows with old stamps). */
export function resetHistoryIndex(): void {
  state = undefined;
}
