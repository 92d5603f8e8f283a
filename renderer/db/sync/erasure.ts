/**
 * Finishing a GDPR erasure on text that was written elsewhere. The erasure travels as a flag only
 * (shared/sync ERASED_FIELD), and the erasing laptop scrubs only the text it has (accounts/gdpr.ts
 * eraseContact). A visit another laptop logged before the flag reached it would keep the person's
 * name and phone forever. So every laptop, when the erasure arrives, scrubs its own interactions of
 * that person with what it knew of them (the values the contact had just before), rewrites its queued
 * changes so the text never reaches a segment, and sends the scrubbed text as a newer edit.
 *
 * To scrub text that arrives later still (a colleague's visit synced after the erasure), each laptop
 * keeps the few fields the patterns need (name, title, e-mail, phones) in a local log for
 * ERASURE_LOG_DAYS. The log lives in `syncMeta` on this laptop only, is never written to the folder,
 * and is dropped when it expires: the bounded time needed to finish the erasure (docs/data-safety.md).
 */
import type { Dexie } from 'dexie';
import type { Contact } from '../../../shared/domain';
import { type Change, newestStamp } from '../../../shared/sync';
import { personPatterns, scrub } from '../../../shared/gdpr/erasure';
import type { EditClock, SyncRow } from './rows';
import { loadStates } from './state';
import { type Merged, queueLocal, syncMetaOf, syncPendingOf } from './store';

/** Days the scrub patterns of an erased person are kept on a laptop that knew them. */
export const ERASURE_LOG_DAYS = 30;
/** What the person's name, e-mail and phones become in text scrubbed by sync. */
export const SYNC_ERASED_PLACEHOLDER = '[gelöscht]';
/** Interaction fields that can name a person (the ones eraseContact scrubs). */
const TEXT_FIELDS: readonly string[] = ['subject', 'summary', 'nextStep'];
const LOG = 'sync.erasedPeople';
const DAY = 86_400_000;

/** One erased person as far as scrubbing needs them (personal data: local, for a bounded time). */
type ErasedPerson = {
  /** The erased contact's id. */
  id: string;
  /** Its account: interactions of that account are scrubbed. */
  accountId: string;
  title: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  mobile: string;
  /** Local time after which the entry is dropped. */
  until: number;
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Adds the people erased by this merge to the log, drops expired entries; returns the live log. */
export async function rememberErasures(db: Dexie, merged: Merged | undefined, now: number): Promise<ErasedPerson[]> {
  const stored = ((await syncMetaOf(db).get(LOG))?.value as ErasedPerson[] | undefined) ?? [];
  const log = stored.filter((p) => p.until > now);
  for (const [key, v] of merged?.erasedBefore ?? []) {
    const [table, id] = key.split('\u0000') as [string, string];
    if (table !== 'contacts' || log.some((p) => p.id === id)) continue;
    const person = { id, accountId: text(v.accountId), title: text(v.title), firstName: text(v.firstName), lastName: text(v.lastName), email: text(v.email), phone: text(v.phone), mobile: text(v.mobile), until: now + ERASURE_LOG_DAYS * DAY };
    if (personPatterns(person as unknown as Contact).length > 0) log.push(person);
  }
  if (log.length !== stored.length || log.some((p, i) => p !== stored[i])) {
    if (log.length) await syncMetaOf(db).put({ key: LOG, value: log });
    else await syncMetaOf(db).delete(LOG);
  }
  return log;
}

type Candidate = { id: string; accountId: unknown; contactIds: unknown; values: Record<string, unknown> };

/** The people an interaction is about: its account's or its listed contacts'. */
function patternsFor(c: Candidate, people: ErasedPerson[]): RegExp[] {
  const listed = Array.isArray(c.contactIds) ? (c.contactIds as unknown[]) : [];
  return people.filter((p) => p.accountId === c.accountId || listed.includes(p.id)).flatMap((p) => personPatterns(p as unknown as Contact));
}

/**
 * Inside apply's transaction, after the merged states were saved: scrubs interactions merged now and
 * those of people erased now. Returns the scrubbed rows' states (saved; to be materialised).
 */
export async function scrubAfterMerge(db: Dexie, edit: EditClock, merged: Merged, now: number): Promise<Map<string, SyncRow>> {
  const people = await rememberErasures(db, merged, now);
  if (people.length === 0) return new Map();
  const candidates = new Map<string, Candidate>();
  for (const row of merged.touched.values()) {
    if (row.table !== 'interactions') continue;
    const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, row.fields[f]?.value]));
    candidates.set(row.rowId, { id: row.rowId, accountId: row.fields.accountId?.value, contactIds: row.fields.contactIds?.value, values });
  }
  for (const key of merged.erasedBefore.keys()) {
    const person = people.find((p) => `contacts\u0000${p.id}` === key);
    if (!person) continue;
    const rows = [
      ...(await db.table('interactions').where('contactIds').equals(person.id).toArray()),
      ...(person.accountId ? await db.table('interactions').where('accountId').equals(person.accountId).toArray() : []),
    ] as Array<Record<string, unknown> & { id: string }>;
    for (const r of rows) if (!candidates.has(r.id)) candidates.set(r.id, { id: r.id, accountId: r.accountId, contactIds: r.contactIds, values: r });
  }
  const found = new Map<string, { patterns: RegExp[]; fields: Record<string, string> }>();
  for (const c of candidates.values()) {
    const patterns = patternsFor(c, people);
    if (patterns.length === 0) continue;
    const fields: Record<string, string> = {};
    for (const f of TEXT_FIELDS) {
      const v = c.values[f];
      if (typeof v !== 'string') continue;
      const cleaned = scrub(v, patterns, SYNC_ERASED_PLACEHOLDER);
      if (cleaned !== v) fields[f] = cleaned;
    }
    if (Object.keys(fields).length) found.set(c.id, { patterns, fields });
  }
  if (found.size === 0) return new Map();
  const states = await loadStates(db, [...found.keys()].map((rowId) => ({ table: 'interactions', rowId })));
  const changes: Change[] = [];
  for (const [id, { patterns, fields }] of found) {
    const state = states.get(`interactions\u0000${id}`);
    if (!state) continue;
    changes.push(...edit.stampAt(now, 'interactions', id, fields, newestStamp(Object.values(state.fields))));
    await scrubQueued(db, id, patterns);
  }
  await queueLocal(db, changes, states);
  const out = new Map<string, SyncRow>();
  for (const id of found.keys()) {
    const row = states.get(`interactions\u0000${id}`);
    if (row) out.set(`interactions\u0000${id}`, row);
  }
  return out;
}

/** Queued, not yet written text of this interaction is scrubbed in place, so no segment carries it. */
async function scrubQueued(db: Dexie, rowId: string, patterns: RegExp[]): Promise<void> {
  await syncPendingOf(db)
    .where('[table+rowId]')
    .equals(['interactions', rowId])
    .modify((c) => {
      if (TEXT_FIELDS.includes(c.field) && typeof c.value === 'string') c.value = scrub(c.value, patterns, SYNC_ERASED_PLACEHOLDER);
    });
}
