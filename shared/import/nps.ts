import type { Account } from '../domain/account';
import type { Id, IsoDate, IsoInstant } from '../domain/common';
import type { Contact } from '../domain/contact';
import type { Interaction } from '../domain/interaction';
import { idFromSourceKey } from '../automation/task';
import { foldForSearch } from '../text/normalize';
import { headerKey, SYNONYMS } from './synonyms';
import type { ImportIssue, SheetData } from './types';
import { parseDate } from './values';

// NPS answers from a survey file (one row per answer: who, when, 0–10). Every data row ends in
// exactly one outcome; an answer becomes a done note with `npsScore`, the field the NPS KPI reads
// (the demo data carries its answers the same way).

/** Which column holds what; indexes into the header row. */
export type NpsColumns = { score?: number; date?: number; email?: number; name?: number; firstName?: number; lastName?: number; company?: number; comment?: number };

const keys = (words: readonly string[]) => new Set(words.map(headerKey));
const SCORE = keys(['NPS', 'NPS-Wert', 'NPS Score', 'Score', 'Bewertung', 'Wert', 'Antwort', 'Empfehlung', 'Weiterempfehlung', 'Punkte', 'Rating', 'Answer']);
const DATE = keys(['Datum', 'Date', 'Antwortdatum', 'Befragt am', 'Umfragedatum', 'Beantwortet am', 'Survey Date', 'Answered']);
const EMAIL = keys(SYNONYMS['contact.email']);
const NAME = keys(['Name', 'Kontakt', 'Ansprechpartner', 'Kontaktperson', 'Person', 'Contact', 'Full Name', 'Vollständiger Name']);
const FIRST = keys(SYNONYMS['contact.firstName']);
const LAST = keys(SYNONYMS['contact.lastName'].filter((w) => w !== 'Name'));
const COMPANY = keys(SYNONYMS['account.name']);
const COMMENT = keys(['Kommentar', 'Anmerkung', 'Begründung', 'Bemerkung', 'Comment', 'Reason', 'Notiz']);

/** Finds the columns by their headers (German and English, case and umlauts ignored); the first match wins. */
export function npsColumns(headers: readonly string[]): NpsColumns {
  const out: NpsColumns = {};
  const pick = (field: keyof NpsColumns, set: ReadonlySet<string>, key: string, i: number) => {
    if (out[field] === undefined && set.has(key)) out[field] = i;
  };
  headers.forEach((h, i) => {
    const key = headerKey(h);
    pick('score', SCORE, key, i);
    pick('date', DATE, key, i);
    pick('email', EMAIL, key, i);
    pick('name', NAME, key, i);
    pick('firstName', FIRST, key, i);
    pick('lastName', LAST, key, i);
    pick('company', COMPANY, key, i);
    pick('comment', COMMENT, key, i);
  });
  return out;
}

/** What the file lacks to be read at all: a score column, a date column, a way to find the person. */
export function missingNpsColumns(c: NpsColumns): Array<'score' | 'date' | 'person'> {
  const missing: Array<'score' | 'date' | 'person'> = [];
  if (c.score === undefined) missing.push('score');
  if (c.date === undefined) missing.push('date');
  const byName = (c.name !== undefined || c.lastName !== undefined) && c.company !== undefined;
  if (c.email === undefined && !byName) missing.push('person');
  return missing;
}

/** One answer ready to store. */
export type NpsAnswer = { row: number; sourceKey: string; contactId: Id; accountId: Id; day: IsoDate; score: number; comment: string };

/** The single outcome of one data row. */
export type NpsRowOutcome =
  /** The answer will be stored for this contact. */
  | { row: number; kind: 'new'; contact: string; account: string; score: number; day: IsoDate }
  /** Stored already (the same contact, day and score), or repeated from row `ofRow`. */
  | { row: number; kind: 'skipped'; reason: 'already_recorded' | 'duplicate_in_file'; contact: string; ofRow?: number }
  /** Not imported; `issues` say why. */
  | { row: number; kind: 'error'; issues: ImportIssue[] };

/** The rows the lookup needs: live contacts and their accounts, and the sourceKeys already stored. */
export type NpsLookup = { contacts: readonly Contact[]; accounts: readonly Account[]; existingKeys: ReadonlySet<string>; today: IsoDate };

const emailKey = (s: string) => s.trim().normalize('NFC').toLowerCase();
const personName = (c: Contact) => `${c.firstName} ${c.lastName}`.trim();

/**
 * Plans the import of a survey file: per data row the contact (by e-mail, else by name and company),
 * the day (German "07.12.2026", ISO, or day-first slashes) and the score (a whole number 0–10;
 * "11" or "zehn" are row errors naming the cell). `readErrors` are the CSV reader's row problems.
 */
export function planNpsImport(sheet: SheetData, readErrors: readonly ImportIssue[], lookup: NpsLookup): { outcomes: NpsRowOutcome[]; answers: NpsAnswer[] } {
  const cols = npsColumns(sheet.headers);
  const accounts = new Map<Id, Account>();
  for (const a of lookup.accounts) if (a.deletedAt === undefined) accounts.set(a.id, a);
  const byEmail = new Map<string, Contact[]>();
  const byName = new Map<string, Contact[]>();
  for (const c of lookup.contacts) {
    if (c.deletedAt !== undefined || c.erased || !accounts.has(c.accountId)) continue;
    if (c.email.trim() !== '') byEmail.set(emailKey(c.email), [...(byEmail.get(emailKey(c.email)) ?? []), c]);
    const key = `${foldForSearch(personName(c))}|${foldForSearch(accounts.get(c.accountId)?.name ?? '')}`;
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  const broken = new Map<number, ImportIssue[]>();
  for (const e of readErrors) broken.set(e.row, [...(broken.get(e.row) ?? []), e]);
  const cell = (cells: readonly string[], i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
  const seen = new Map<string, number>();
  const outcomes: NpsRowOutcome[] = [];
  const answers: NpsAnswer[] = [];

  sheet.rows.forEach((cells, index) => {
    const row = sheet.rowNumbers[index] ?? index + 2;
    const read = broken.get(row);
    if (read) return outcomes.push({ row, kind: 'error', issues: read });
    const issues: ImportIssue[] = [];
    const scoreText = cell(cells, cols.score);
    const score = /^\d{1,2}$/.test(scoreText) ? Number(scoreText) : Number.NaN;
    if (scoreText === '') issues.push({ row, field: 'score', code: 'nps.score_missing' });
    else if (!(score >= 0 && score <= 10)) issues.push({ row, field: 'score', code: 'nps.score_invalid', params: { value: scoreText } });
    const dateText = cell(cells, cols.date);
    const day = parseDate(dateText, 'dmy');
    if (dateText === '') issues.push({ row, field: 'date', code: 'nps.date_missing' });
    else if (day === undefined) issues.push({ row, field: 'date', code: 'nps.date_invalid', params: { value: dateText } });
    else if (day > lookup.today) issues.push({ row, field: 'date', code: 'nps.date_future', params: { value: dateText } });
    const email = cell(cells, cols.email);
    const name = cols.name !== undefined && cell(cells, cols.name) !== '' ? cell(cells, cols.name) : `${cell(cells, cols.firstName)} ${cell(cells, cols.lastName)}`.trim();
    const company = cell(cells, cols.company);
    const byMail = email === '' ? [] : (byEmail.get(emailKey(email)) ?? []);
    const found = byMail.length > 0 ? byMail : name !== '' && company !== '' ? (byName.get(`${foldForSearch(name)}|${foldForSearch(company)}`) ?? []) : [];
    const who = email || [name, company].filter(Boolean).join(', ');
    if (found.length === 0) issues.push({ row, field: 'contact', code: who === '' ? 'nps.contact_missing' : 'nps.contact_not_found', params: { value: who } });
    else if (found.length > 1) issues.push({ row, field: 'contact', code: 'nps.contact_ambiguous', params: { value: who, count: found.length } });
    const contact = found[0];
    if (issues.length > 0 || contact === undefined || day === undefined) return outcomes.push({ row, kind: 'error', issues });
    const sourceKey = `nps:${contact.id}:${day}:${score}`;
    const contactName = personName(contact);
    const earlier = seen.get(sourceKey);
    if (earlier !== undefined) return outcomes.push({ row, kind: 'skipped', reason: 'duplicate_in_file', contact: contactName, ofRow: earlier });
    seen.set(sourceKey, row);
    if (lookup.existingKeys.has(sourceKey)) return outcomes.push({ row, kind: 'skipped', reason: 'already_recorded', contact: contactName });
    outcomes.push({ row, kind: 'new', contact: contactName, account: accounts.get(contact.accountId)?.name ?? '', score, day });
    answers.push({ row, sourceKey, contactId: contact.id, accountId: contact.accountId, day, score, comment: cell(cells, cols.comment) });
  });
  return { outcomes, answers };
}

/** How a survey answer is stored: who records it, when, the subject in the user's language, the start of the day. */
export type NpsStamp = { userId: Id; nowMs: number; subject: (score: number) => string; at: (day: IsoDate) => IsoInstant };

/**
 * A survey answer as a done, digital note on the contact's account carrying `npsScore`. Its id
 * derives from the sourceKey, so importing the same file on two laptops stores one row.
 */
export function npsInteraction(a: NpsAnswer, stamp: NpsStamp): Interaction {
  return {
    id: idFromSourceKey(a.sourceKey), updatedAt: stamp.nowMs, createdAt: stamp.nowMs, accountId: a.accountId, type: 'note', mode: 'digital',
    status: 'done', at: stamp.at(a.day), userId: stamp.userId, contactIds: [a.contactId], subject: stamp.subject(a.score), summary: a.comment,
    nextStep: '', npsScore: a.score, sourceKey: a.sourceKey,
  };
}
