import type { Id, IsoDate, IsoInstant } from '../domain';
import { TEXT_MAX } from '../validation/limits';
import type { FieldErrors, Validated } from '../validation/result';
import type { InteractionInput } from './input';

/**
 * A contact's NPS answer recorded as a survey entry (not during a visit): the score, the day it was
 * given, an optional comment. Stored like an imported answer (shared/import/nps.ts): a done, digital
 * note on the contact's account carrying `npsScore`, the field the NPS KPI reads.
 */

/** The dialog's fields as typed. */
export type NpsEntryValues = {
  /** The contact who answered. */
  contactId: string;
  /** The answer as typed ("9"). */
  score: string;
  /** The day of the answer, `YYYY-MM-DD` or '' (not complete). */
  day: string;
  /** Why, in the contact's words; may be empty. */
  comment: string;
};

/** Why a typed score is no answer: nothing, not digits ("zehn"), a fraction ("9,5"), or outside 0–10 ("11", "-1"). */
export type NpsScoreProblem = 'required' | 'notDigits' | 'notWhole' | 'outOfRange';

/** The score of a typed answer, or why it is none. */
export function parseNpsScore(text: string): number | NpsScoreProblem {
  const s = text.trim();
  if (s === '') return 'required';
  if (/^\d+$/.test(s)) return Number(s) <= 10 ? Number(s) : 'outOfRange';
  if (/^[+-]?\d*[.,]\d+$/.test(s)) return 'notWhole';
  return /^-\d+$/.test(s) ? 'outOfRange' : 'notDigits';
}

/** What recording needs from outside: account, user, today, the subject in the user's language, a day's instant. */
export type NpsEntryContext = {
  accountId: Id;
  userId: Id;
  today: IsoDate;
  subject(score: number): string;
  at(day: IsoDate): IsoInstant;
};

/**
 * The interaction to log for an answer, or one error code per field: `contactId` required, `score`
 * a NpsScoreProblem, `day` required or `future` (an answer cannot come from tomorrow), `comment` tooLong.
 */
export function npsEntryInput(v: NpsEntryValues, ctx: NpsEntryContext): Validated<InteractionInput> {
  const errors: FieldErrors = {};
  if (!v.contactId) errors.contactId = 'required';
  const score = parseNpsScore(v.score);
  if (typeof score !== 'number') errors.score = score;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.day)) errors.day = 'required';
  else if (v.day > ctx.today) errors.day = 'future';
  if (v.comment.length > TEXT_MAX.long) errors.comment = 'tooLong';
  if (Object.keys(errors).length > 0 || typeof score !== 'number') return { ok: false, errors };
  const day = v.day as IsoDate;
  return {
    ok: true,
    value: {
      accountId: ctx.accountId, type: 'note', mode: 'digital', at: ctx.at(day), userId: ctx.userId, contactIds: [v.contactId],
      subject: ctx.subject(score), summary: v.comment.trim(), nextStep: '', npsScore: score,
    },
  };
}
