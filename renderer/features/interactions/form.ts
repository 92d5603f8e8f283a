import {
  defaultMode,
  type ComplaintStatus,
  type ContactMode,
  type Interaction,
  type InteractionType,
  type Outcome,
} from '../../../shared/domain';
import { validateInteraction, type InteractionInput } from '../../../shared/interactions';
import { dayOfInput, localDay } from '../../../shared/time';

/** The log form's fields as the inputs hold them (strings), so a draft restores exactly what was typed. */
export type LogFormValues = {
  accountId: string;
  /** A future appointment rather than something that happened. */
  planned: boolean;
  type: InteractionType;
  mode: ContactMode;
  /** Local day, YYYY-MM-DD. */
  date: string;
  /** Local time, HH:mm. */
  time: string;
  /** Minutes as typed. */
  duration: string;
  userId: string;
  contactIds: string[];
  subject: string;
  summary: string;
  outcome: Outcome | '';
  nextStep: string;
  followUpDate: string;
  complaintStatus: ComplaintStatus;
  complaintOwnerId: string;
  resolution: string;
  /** The contact's NPS answer 0–10 as typed ('' = not asked); absent in drafts saved before it existed. */
  nps?: string;
};

/** Field name → message key (namespace `interactions`). */
export type FormErrors = Partial<Record<keyof LogFormValues, string>>;

const pad = (n: number) => String(n).padStart(2, '0');

/** The laptop's calendar day of `d`, as the date input shows it. */
export function localDate(d: Date): string {
  return localDay(d);
}

export function localTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A fresh form: now, by me, a visit; planned appointments default to tomorrow 09:00. */
export function emptyForm(now: Date, selfId: string, accountId = '', planned = false, type: InteractionType = 'visit'): LogFormValues {
  const at = new Date(now);
  if (planned) {
    at.setDate(at.getDate() + 1);
    at.setHours(9, 0, 0, 0);
  }
  return {
    accountId, planned, type, mode: defaultMode(type), date: localDate(at), time: localTime(at), duration: '',
    userId: selfId, contactIds: [], subject: '', summary: '', outcome: '', nextStep: '', followUpDate: '',
    complaintStatus: 'open', complaintOwnerId: selfId, resolution: '', nps: '',
  };
}

/** Prefills the form from a planned appointment that is being completed. */
export function fromPlanned(i: Interaction): LogFormValues {
  const at = new Date(i.at);
  return {
    accountId: i.accountId, planned: false, type: i.type, mode: i.mode, date: localDate(at), time: localTime(at),
    duration: i.durationMin === undefined ? '' : String(i.durationMin), userId: i.userId, contactIds: [...i.contactIds],
    subject: i.subject, summary: i.summary, outcome: '', nextStep: i.nextStep, followUpDate: i.followUpDate ?? '',
    complaintStatus: i.complaint?.status ?? 'open', complaintOwnerId: i.complaint?.ownerId ?? i.userId,
    resolution: i.complaint?.resolution ?? '', nps: i.npsScore === undefined ? '' : String(i.npsScore),
  };
}

/** Changing the type also switches human/digital to that type's usual mode. */
export function withType(v: LogFormValues, type: InteractionType): LogFormValues {
  return { ...v, type, mode: defaultMode(type) };
}

export function atOf(v: LogFormValues): Date {
  return new Date(`${v.date}T${v.time || '00:00'}`);
}

/** Where the interaction rules' refusals (shared/interactions) show up in the form, and with which message. */
const FORM_FIELD: Partial<Record<string, [keyof LogFormValues, string]>> = {
  accountId: ['accountId', 'error.account'],
  at: ['date', 'error.date'],
  durationMin: ['duration', 'error.duration'],
  subject: ['subject', 'error.subject'],
  summary: ['summary', 'error.tooLong'],
  nextStep: ['nextStep', 'error.tooLong'],
  followUpDate: ['followUpDate', 'error.followUp'],
  userId: ['userId', 'error.user'],
  npsScore: ['nps', 'error.nps'],
};

/**
 * The form's errors: what only the form knows (the typed day must parse, an appointment must lie
 * ahead), then the same rules every write passes (validateInteraction) on what would be saved.
 */
export function validate(v: LogFormValues, now: Date): FormErrors {
  const errors: FormErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date) || Number.isNaN(atOf(v).getTime())) errors.date = 'error.date';
  else if (v.planned && atOf(v) <= now) errors.date = 'error.plannedInPast';
  for (const [field, code] of Object.entries(validateInteraction(toInput(v)))) {
    const target = FORM_FIELD[field];
    if (target && code) errors[target[0]] ??= code === 'tooLong' ? 'error.tooLong' : target[1];
  }
  return errors;
}

/** The subject defaults to the summary's first line, so a quick note needs only one field. */
function subjectOf(v: LogFormValues): string {
  const s = v.subject.trim();
  if (s) return s;
  const line = v.summary.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

export function toInput(v: LogFormValues): InteractionInput {
  const input: InteractionInput = {
    // An unparsable day gives an empty start, which the rules refuse (the form shows it at the day).
    accountId: v.accountId, type: v.type, mode: v.mode, at: Number.isNaN(atOf(v).getTime()) ? '' : atOf(v).toISOString(), userId: v.userId,
    contactIds: v.contactIds, subject: subjectOf(v), summary: v.summary, nextStep: v.planned ? '' : v.nextStep,
  };
  if (v.duration.trim() !== '') input.durationMin = Math.round(Number(v.duration));
  if (!v.planned && v.outcome) input.outcome = v.outcome;
  const followUp = dayOfInput(v.followUpDate);
  if (!v.planned && followUp) input.followUpDate = followUp;
  const nps = (v.nps ?? '').trim();
  // "zehn" or "9,5" reach the rules as NaN or a fraction and are refused there (error.nps at the field).
  if (!v.planned && nps !== '') input.npsScore = /^\d+$/.test(nps) ? Number(nps) : Number.NaN;
  if (v.type === 'complaint') input.complaint = { status: v.complaintStatus, ownerId: v.complaintOwnerId || v.userId, resolution: v.resolution };
  return input;
}
