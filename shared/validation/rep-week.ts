import { z } from 'zod';
import { CATEGORIES } from '../domain';
import { defaultRepWeek, type RepWeek } from '../planning/rep-week';
import { isIsoDate } from '../time';
import { validateWith, type Validated } from './result';

// A rep's week as the settings form saves it (strict: one error code per field) and as a stored or
// synced row is read back (lenient: a field this version cannot read falls back to its default, so a
// newer laptop's row or a hand-edited backup never breaks planning).

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' });

const addressSchema = z.object({
  label: text(60), street: text(120), postalCode: text(12), city: text(80),
  country: z.string().trim().toUpperCase().regex(/^([A-Z]{2})?$/, { error: 'invalidCountry' }),
});

const minutes = z.number().int({ error: 'wholeMinutes' }).min(5, { error: 'tooSmall' }).max(480, { error: 'tooBig' });

const fields = {
  start: addressSchema.optional(),
  end: addressSchema.optional(),
  workStart: z.string().regex(HHMM, { error: 'invalidTime' }),
  workEnd: z.string().regex(HHMM, { error: 'invalidTime' }),
  visitMinutes: z.object(Object.fromEntries(CATEGORIES.map((c) => [c, minutes])) as Record<(typeof CATEGORIES)[number], typeof minutes>),
  absences: z.array(z.string().refine(isIsoDate, { error: 'invalidDate' })).max(366, { error: 'tooMany' })
    .transform((days) => [...new Set(days)].sort()),
  holidayRegion: z.object({
    country: z.string().trim().toUpperCase().regex(/^([A-Z]{2})?$/, { error: 'invalidCountry' }),
    state: z.string().trim().max(10, { error: 'tooLong' }),
  }),
  christmasEveOff: z.boolean(),
  newYearsEveOff: z.boolean(),
  roadFactor: z.number().min(1, { error: 'tooSmall' }).max(3, { error: 'tooBig' }),
  speedKmh: z.number().min(10, { error: 'tooSmall' }).max(150, { error: 'tooBig' }),
  minDriveMinutes: z.number().int({ error: 'wholeMinutes' }).min(0, { error: 'tooSmall' }).max(120, { error: 'tooBig' }),
};

export const repWeekSchema = z.object(fields).refine((w) => w.workStart < w.workEnd, { error: 'endBeforeStart', path: ['workEnd'] });

/** A week as the form sends it; the errors name fields (`workEnd`, `visitMinutes.A`, `start.postalCode`). */
export function validateRepWeek(input: unknown): Validated<RepWeek> {
  return validateWith(repWeekSchema, input) as Validated<RepWeek>;
}

/** A stored or synced week, every unreadable field replaced by its default; undefined → the defaults. */
export function readRepWeek(stored: unknown): RepWeek {
  const week = defaultRepWeek();
  if (typeof stored !== 'object' || stored === null) return week;
  const raw = stored as Record<string, unknown>;
  const out: Record<string, unknown> = { ...week };
  for (const [name, schema] of Object.entries(fields)) {
    if (raw[name] === undefined) continue;
    const parsed = schema.safeParse(raw[name]);
    if (parsed.success && parsed.data !== undefined) out[name] = parsed.data;
  }
  const result = out as RepWeek;
  // Hours that cross (possible only from a hand-edited row) would leave no time to plan: take both defaults.
  if (result.workStart >= result.workEnd) return { ...result, workStart: week.workStart, workEnd: week.workEnd };
  return result;
}
