import {
  COMPLAINT_STATUSES,
  CONTACT_MODES,
  INTERACTION_TYPES,
  OUTCOMES,
  type ComplaintStatus,
  type Id,
  type Interaction,
  type IsoDate,
  type Outcome,
} from '../domain';
import { stripDirectionControls } from '../text/bidi';
import { todayIso } from '../time/today';
import { TEXT_MAX } from '../validation/limits';
import type { FieldErrors } from '../validation/result';

/** What the log form (or any other caller) hands over; ids, status and timestamps are the command's. */
export type InteractionInput = Pick<
  Interaction,
  'accountId' | 'type' | 'mode' | 'at' | 'userId' | 'contactIds' | 'subject' | 'summary' | 'nextStep'
> & {
  /** Duration in minutes. */
  durationMin?: number;
  /** Outcome once done. */
  outcome?: Outcome;
  /** Day to follow up. */
  followUpDate?: IsoDate;
  /** For complaints: where it stands and who handles it. */
  complaint?: { status: ComplaintStatus; ownerId: Id; resolution: string };
  /** The contact's net promoter answer (0–10), when they were asked. */
  npsScore?: number;
};

/** A net promoter answer: a whole number from 0 to 10. */
export function isNpsScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}

/** What completing a planned appointment records. */
export type CompletionInput = Partial<Omit<InteractionInput, 'accountId'>>;

const MAX_DURATION_MIN = 24 * 60;
const has = <T>(list: readonly T[], value: unknown): boolean => list.includes(value as T);

/**
 * Why an interaction cannot be stored, one code per field (empty when it can). Whoever writes an
 * interaction (form, generated tasks, tests) passes through this; sync apply does not, it takes
 * what another laptop already accepted.
 */
export function validateInteraction(input: InteractionInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.accountId) errors.accountId = 'required';
  if (!has(INTERACTION_TYPES, input.type)) errors.type = 'invalid';
  if (!has(CONTACT_MODES, input.mode)) errors.mode = 'invalid';
  const at = new Date(input.at);
  if (Number.isNaN(at.getTime())) errors.at = 'invalidDate';
  if (input.durationMin !== undefined && !(input.durationMin > 0 && input.durationMin <= MAX_DURATION_MIN)) errors.durationMin = 'invalidDuration';
  if (input.subject.trim() === '' && input.summary.trim() === '') errors.subject = 'required';
  // The same limits as an account's or a contact's notes (shared/validation/limits.ts): a visit report is long text.
  if (input.subject.length > TEXT_MAX.line) errors.subject = 'tooLong';
  if (input.summary.length > TEXT_MAX.long) errors.summary = 'tooLong';
  if (input.nextStep.length > TEXT_MAX.long) errors.nextStep = 'tooLong';
  if (input.complaint && input.complaint.resolution.length > TEXT_MAX.long) errors['complaint.resolution'] = 'tooLong';
  // The follow-up is a local day, compared with the local day of the start (a visit at 00:30 is that day's).
  if (input.followUpDate && !errors.at && input.followUpDate < todayIso(at)) errors.followUpDate = 'beforeStart';
  if (!input.userId) errors.userId = 'required';
  if (input.outcome !== undefined && !has(OUTCOMES, input.outcome)) errors.outcome = 'invalid';
  if (input.complaint && !has(COMPLAINT_STATUSES, input.complaint.status)) errors['complaint.status'] = 'invalid';
  if (input.npsScore !== undefined && !isNpsScore(input.npsScore)) errors.npsScore = 'invalid';
  return errors;
}

/**
 * Drops undefined and empty optional fields, so stored rows stay compact and comparable; the texts lose
 * explicit direction controls (shared/text/bidi.ts), as everything typed into an account does.
 */
export function cleanInput<T extends CompletionInput>(input: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') out[k] = v;
  for (const k of ['subject', 'summary', 'nextStep'] as const) if (k in input) out[k] = stripDirectionControls(input[k] ?? '');
  return out as T;
}
