import type { Contact, Id, Interaction, IsoInstant } from '../../shared/domain';
import { foldForSearch, matchesQuery } from '../../shared/text/normalize';
import { getDb } from './db';
import { getHistoryIndex, interactionSearchText } from './history-index';

/**
 * History-wide search ("when did we meet Ivanov S. V.?") that stays fast at 1M interactions:
 *
 * 1. Contact names and the texts of the newest interactions are matched in compact in-memory
 *    indexes (history-index.ts), so a keystroke scans strings, not IndexedDB rows.
 * 2. The matching contacts' interactions, whatever their age, come from the multi-entry
 *    *contactIds index, for the first MAX_CONTACT_LOOKUPS matching contacts.
 * 3. Texts older than the in-memory window are scanned on request ("search further back"), a
 *    bounded number of rows per call along the `at` index, continuing from `scannedTo`. A
 *    full-text index over 1M summaries would cost a schema change and hundreds of MB; recent
 *    history is what reps search, and older history stays reachable page by page.
 */

/** How a result was found: through a contact's name, or through its own text. */
export type HistoryHit = { interaction: Interaction; via: 'contact' | 'text' };

export type HistorySearchResult = {
  hits: HistoryHit[];
  /** Contacts whose name matched (capped). */
  contacts: Contact[];
  /** Texts older than this were not searched yet; undefined when the whole history was. */
  scannedTo: IsoInstant | undefined;
};

export type HistorySearchOptions = {
  /** Most results returned. */
  limit?: number;
  /** Rows of older history whose text is scanned per "search further back". */
  scanBudget?: number;
  /** Search the texts of rows older than this (an earlier result's `scannedTo`). */
  before?: IsoInstant;
};

const MAX_CONTACTS = 200;
/** Contacts whose interactions are looked up; a common surname matches many, the first ones win. */
const MAX_CONTACT_LOOKUPS = 40;

function newestFirst(hits: Iterable<HistoryHit>, limit: number): HistoryHit[] {
  return [...hits].sort((a, b) => b.interaction.at.localeCompare(a.interaction.at)).slice(0, limit);
}

/** One step further back: texts of rows older than `before`, read from the database. */
async function searchOlder(folded: string, before: IsoInstant, limit: number, scanBudget: number): Promise<HistorySearchResult> {
  const scanned = await getDb().interactions.where('at').below(before).reverse().limit(scanBudget).toArray();
  const hits: HistoryHit[] = [];
  for (const r of scanned) {
    if (r.deletedAt === undefined && matchesQuery(interactionSearchText(r), folded)) hits.push({ interaction: r, via: 'text' });
  }
  return { hits: newestFirst(hits, limit), contacts: [], scannedTo: scanned.length < scanBudget ? undefined : scanned[scanned.length - 1]?.at };
}

export async function searchHistory(query: string, options: HistorySearchOptions = {}): Promise<HistorySearchResult> {
  const { limit = 100, scanBudget = 2000, before } = options;
  const folded = foldForSearch(query);
  if (folded.length < 2) return { hits: [], contacts: [], scannedTo: undefined };
  if (before) return searchOlder(folded, before, limit, scanBudget);
  const db = getDb();
  const index = await getHistoryIndex();

  const found: Id[] = [];
  for (const e of index.contacts.values()) {
    if (matchesQuery(e.text, folded)) found.push(e.id);
    if (found.length >= MAX_CONTACTS) break;
  }
  const byId = new Map<Id, HistoryHit>();
  const lookups = found.slice(0, MAX_CONTACT_LOOKUPS);
  if (lookups.length > 0) {
    for (const r of await db.interactions.where('contactIds').anyOf(lookups).toArray()) {
      if (r.deletedAt === undefined) byId.set(r.id, { interaction: r, via: 'contact' });
    }
  }
  const textHits: { id: Id; at: string }[] = [];
  for (const e of index.texts.values()) if (!byId.has(e.id) && matchesQuery(e.text, folded)) textHits.push(e);
  textHits.sort((a, b) => b.at.localeCompare(a.at));
  for (const r of await db.interactions.bulkGet(textHits.slice(0, limit).map((e) => e.id))) {
    if (r && r.deletedAt === undefined) byId.set(r.id, { interaction: r, via: 'text' });
  }
  const contacts = (await db.contacts.bulkGet(found.slice(0, 20))).filter((c): c is Contact => c !== undefined);
  return { hits: newestFirst(byId.values(), limit), contacts, scannedTo: index.textsFrom || undefined };
}

/** Account and contact names for a list of interactions (search results, cross-account lists). */
export async function namesFor(rows: readonly Interaction[]): Promise<{ accounts: Map<Id, string>; contacts: Map<Id, string> }> {
  const db = getDb();
  const accountIds = [...new Set(rows.map((r) => r.accountId))];
  const contactIds = [...new Set(rows.flatMap((r) => r.contactIds))];
  const [accounts, contacts] = await Promise.all([db.accounts.bulkGet(accountIds), db.contacts.bulkGet(contactIds)]);
  return {
    accounts: new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name])),
    contacts: new Map(contacts.filter((c) => c !== undefined).map((c) => [c.id, `${c.firstName} ${c.lastName}`.trim()])),
  };
}
