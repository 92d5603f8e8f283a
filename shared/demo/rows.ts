import { kindOf, type ContactMode, type Id, type Interaction, type InteractionState, type InteractionStatus, type InteractionType, type Outcome } from '../domain';
import { msAt, stampOf, type GenContext } from './context';
import { DAY_MS, isoInstant, weekday } from './dates';
import type { IdMaker, Rng } from './prng';
import { TABLE } from './prng';
import { INTERACTION_TEXTS } from './texts';

/** Typical duration in minutes per type; absent types have none. */
const DURATION: Partial<Record<InteractionType, readonly [number, number]>> = {
  visit: [30, 120],
  call: [5, 45],
  meeting: [45, 180],
  webinar: [45, 60],
};

/** The weekday on or before a day (weekends move back to Friday), for history entries. */
export function workdayOnOrBefore(day: number): number {
  const wd = weekday(day);
  return wd === 6 ? day - 1 : wd === 0 ? day - 2 : day;
}

/** The weekday on or after a day (weekends move on to Monday), for planned appointments. */
export function workdayOnOrAfter(day: number): number {
  const wd = weekday(day);
  return wd === 6 ? day + 2 : wd === 0 ? day + 1 : day;
}

/** A start time during German office hours, as UTC (06:00–15:45 UTC is 07:00–17:45 in Germany). */
export function officeTime(day: number, rng: Rng): number {
  return msAt(day, rng.int(6, 15), rng.pick([0, 15, 30, 45]));
}

/** What varies between interactions; the rest is filled in by `interaction`. */
export type InteractionSpec = {
  type: InteractionType;
  mode: ContactMode;
  status: InteractionStatus;
  /** Start, epoch ms. */
  atMs: number;
  userId: Id;
  contactIds: Id[];
  /** Creation, epoch ms; defaults to the end of a done interaction. */
  createdMs?: number;
  outcome?: Outcome;
  /** Subject/summary override. */
  text?: readonly [string, string];
};

/** Builds one interaction row with texts and duration from its type. */
export function interaction(ctx: GenContext, accountId: Id, spec: InteractionSpec, rng: Rng, ids: IdMaker): Interaction {
  const [subject, summary] = spec.text ?? rng.pick(INTERACTION_TEXTS[spec.type]);
  const range = DURATION[spec.type];
  const durationMin = range ? Math.round(rng.int(range[0], range[1]) / 5) * 5 : undefined;
  const createdMs = spec.createdMs ?? spec.atMs + (durationMin ?? 10) * 60_000;
  // A planned appointment has no outcome yet (the generator never asks for one).
  const state: InteractionState = spec.status === 'planned' ? { status: 'planned' } : { status: spec.status };
  const row: Interaction = {
    id: ids.next(TABLE.interaction),
    updatedAt: stampOf(ctx, createdMs),
    accountId,
    ...kindOf(spec.type, spec.userId),
    mode: spec.mode,
    ...state,
    at: isoInstant(spec.atMs),
    userId: spec.userId,
    contactIds: spec.contactIds,
    subject,
    summary: spec.status === 'done' ? summary : '',
    nextStep: '',
    createdAt: stampOf(ctx, createdMs),
  };
  if (durationMin !== undefined) row.durationMin = durationMin;
  if (spec.outcome && row.status !== 'planned') row.outcome = spec.outcome;
  return row;
}

/** Epoch day of epoch ms. */
export function dayOfMs(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
