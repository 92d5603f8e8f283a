import type { Account, Id, Interaction, IsoDate, ReminderState } from '../../../shared/domain';
import { asksFollowUp, followUpAnswered } from '../../../shared/planning/open-items';
import { toDayNumber, zoneClock } from '../../../shared/planning/calendar';
import { computeReminders, type Reminder, type ReminderInput, type ReminderSettings } from '../../../shared/planning/reminders';
import { coverageState, SEGMENT_KEYS, type Coverage, type RhythmTable } from '../../../shared/planning/rhythm';
import { ALL_OWNERS, VISIT_FIELD, visitSpans, type VisitKey, type VisitSpan } from '../../../shared/planning/visit-index';
import type { SegmentKey } from '../../../shared/domain';
import { getDb } from '../core/db';
import { rederiveOpen } from '../core/open-index';
import { runWrite } from '../core/write';
import { loadReminderInput } from './load';
import { loadRhythmTable } from './planning';

// Today's reminders and coverage read what the page shows, not the base: the few rows that raise
// birthdays, follow-ups, complaints and offers come through their indexes (load.ts) with just the
// accounts they name; due/overdue and the coverage come from the visit index
// (shared/planning/visit-index.ts): the due accounts are read, the others only counted. The results
// are those of computeReminders / visitCoverage over all accounts at once (reminder-query.test.ts).

type Owner = string | typeof ALL_OWNERS;

const ownerKey = (ownerId: Id | undefined): Owner => (ownerId === undefined ? ALL_OWNERS : ownerId);

/** The index entries of one group from `from` to `to` (see VisitKey). */
function range(owner: Owner, group: string, from: number, to: number, withFrom: boolean, withTo: boolean) {
  const lower: VisitKey = [owner, group, from];
  const upper: VisitKey = [owner, group, to];
  return getDb().accounts.where(VISIT_FIELD).between(lower, upper, withFrom, withTo);
}

/** In one read transaction, so every part sees the same state of the base. */
function readAccounts<T>(work: () => Promise<T>): Promise<T> {
  const db = getDb();
  return db.transaction('r', db.accounts, work);
}

const RHYTHM_KINDS = new Set<Reminder['kind']>(['due', 'overdue']);

/**
 * The same reminders as computeReminders over loadReminderInput (in its input order; sort with
 * sortReminders), reading only the accounts that are due or near it: see the top of this file.
 */
export async function loadReminders(today: IsoDate, ownerId: Id | undefined, settings: ReminderSettings): Promise<Reminder[]> {
  const input = await loadReminderInput(today, ownerId, settings.birthdayLeadDays, settings.birthdayLateDays, { accounts: false });
  // The accounts the rows name: only they decide whether a birthday, follow-up, complaint or offer shows.
  const named = new Set<Id>();
  for (const c of input.contacts) named.add(c.accountId);
  for (const i of input.interactions) named.add(i.accountId);
  for (const d of input.deals) named.add(d.accountId);
  const owner = ownerKey(ownerId);
  const spans = visitSpans(input.rhythms, toDayNumber(today));
  const [accounts, due] = await readAccounts(() => Promise.all([
    getDb().accounts.bulkGet([...named]),
    // Never contacted (-Infinity) raises nothing; up to sureOk every due account is there, and a few that are not yet.
    Promise.all(spans.map((s) => range(owner, s.group, -Infinity, s.sureOk, false, false).toArray())),
  ]));
  // Their own due/overdue comes from the visit index below, which holds every due account once.
  const live = accounts.filter((a): a is Account => a !== undefined);
  closeAnswered(input.interactions, live);
  const rows = computeReminders({ ...input, accounts: live }, today, settings).filter((r) => !RHYTHM_KINDS.has(r.kind));
  const rhythmOnly: ReminderInput = { accounts: due.flat(), contacts: [], interactions: [], deals: [], rhythms: input.rhythms, states: toMap(input.states) };
  if (ownerId !== undefined) rhythmOnly.ownerId = ownerId;
  for (const r of computeReminders(rhythmOnly, today, settings)) rows.push(r);
  return rows;
}

/**
 * Follow-ups still in the open-items index although their account had a contact since (its last
 * contact came by sync, an import or a merge, not with the follow-up's own row) leave the index in
 * the background: the rules above skipped them already, the next Today does not read them again.
 */
function closeAnswered(rows: readonly Interaction[], accounts: readonly Account[]): void {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const answered = rows.filter((i) => asksFollowUp(i) && followUpAnswered(byId.get(i.accountId), i)).map((i) => i.id);
  if (answered.length === 0) return;
  const db = getDb();
  void runWrite([db.interactions, db.accounts, db.contacts], () => rederiveOpen(db.interactions.where(':id').anyOf(answered)), { label: 'index' })
    .catch(() => undefined); // the index only stays larger; the next Today tries again
}

/** The states by key once. */
function toMap(states: ReminderInput['states']): ReadonlyMap<string, ReminderState> {
  return states instanceof Map ? states : new Map((states as readonly ReminderState[]).map((s) => [s.id, s]));
}

/** One group's part of the coverage: its accounts, and those that are not within their rhythm. */
async function groupCoverage(owner: Owner, s: VisitSpan, table: RhythmTable, t: number, tz: string | undefined): Promise<{ accounts: number; notOk: number }> {
  const [all, sure, near] = await Promise.all([
    range(owner, s.group, -Infinity, Infinity, true, true).count(),
    range(owner, s.group, -Infinity, s.sureDue, true, false).count(),
    range(owner, s.group, s.sureDue, s.sureOk, true, false).toArray(),
  ]);
  const clock = zoneClock(tz);
  let accounts = all;
  let notOk = sure;
  for (const a of near) {
    const state = coverageState(a, table, t, clock);
    if (!state) accounts -= 1;
    else if (state.status !== 'ok') notOk += 1;
  }
  return { accounts, notOk };
}

/** visitCoverage of the rep's accounts (everyone's when undefined): counted in the visit index, only the accounts near their due day are read. */
export async function loadCoverage(ownerId: Id | undefined, today: IsoDate, tz?: string, table?: RhythmTable): Promise<Coverage[]> {
  const rhythms = table ?? (await loadRhythmTable());
  const t = toDayNumber(today);
  const spans = visitSpans(rhythms, t, true);
  const parts = await readAccounts(() => Promise.all(spans.map((s) => groupCoverage(ownerKey(ownerId), s, rhythms, t, tz))));
  const counts = new Map<SegmentKey, { accounts: number; notOk: number }>(SEGMENT_KEYS.map((k) => [k, { accounts: 0, notOk: 0 }]));
  spans.forEach((s, k) => {
    const c = counts.get(s.segment as SegmentKey);
    if (!c) return;
    c.accounts += parts[k]!.accounts;
    c.notOk += parts[k]!.notOk;
  });
  return SEGMENT_KEYS.map((segment) => {
    const { accounts, notOk } = counts.get(segment)!;
    const withinRhythm = accounts - notOk;
    return { segment, accounts, withinRhythm, share: accounts === 0 ? null : withinRhythm / accounts };
  });
}
