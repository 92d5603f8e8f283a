import { CATEGORIES, type Category, type IsoDate } from '../../../shared/domain';
import type { RepAddress, RepWeek } from '../../../shared/planning/rep-week';
import { parseDecimal, type NumberStyle } from '../../../shared/text/number';
import type { FieldErrors } from '../../../shared/validation/result';
import { validateRepWeek } from '../../../shared/validation/rep-week';

// The "My week" form as typed: numbers are text in the UI language's style ("1,3" in German), an
// address left blank is no address. Turned into a RepWeek (and checked) only on save.

/** An address as typed; all parts blank means "not set". */
export type AddressDraft = Omit<RepAddress, never>;

/** The form's state. */
export type WeekDraft = {
  start: AddressDraft;
  end: AddressDraft;
  /** The day ends where it starts (no end address). */
  endAtStart: boolean;
  workStart: string;
  workEnd: string;
  visitMinutes: Record<Category, string>;
  absences: IsoDate[];
  country: string;
  state: string;
  /** The user picked the state by hand: a suggestion from the start address no longer replaces it. */
  stateChosen: boolean;
  christmasEveOff: boolean;
  newYearsEveOff: boolean;
  roadFactor: string;
  speedKmh: string;
  minDriveMinutes: string;
};

const BLANK: AddressDraft = { label: '', street: '', postalCode: '', city: '', country: '' };

const numberText = (n: number, style: NumberStyle) => (style === 'comma' ? String(n).replace('.', ',') : String(n));

/** The form for a stored week. */
export function draftOf(week: RepWeek, style: NumberStyle): WeekDraft {
  return {
    start: { ...BLANK, ...week.start }, end: { ...BLANK, ...week.end }, endAtStart: !week.end,
    workStart: week.workStart, workEnd: week.workEnd,
    visitMinutes: Object.fromEntries(CATEGORIES.map((c) => [c, String(week.visitMinutes[c])])) as Record<Category, string>,
    absences: [...week.absences], country: week.holidayRegion.country, state: week.holidayRegion.state,
    stateChosen: week.holidayRegion.state !== '',
    christmasEveOff: week.christmasEveOff, newYearsEveOff: week.newYearsEveOff,
    roadFactor: numberText(week.roadFactor, style), speedKmh: numberText(week.speedKmh, style), minDriveMinutes: String(week.minDriveMinutes),
  };
}

const isBlank = (a: AddressDraft) => Object.values(a).every((v) => v.trim() === '');

/** The week the form stands for, or the errors per field (codes the locale names under `errors`). */
export function weekOf(d: WeekDraft, style: NumberStyle): { ok: true; week: RepWeek } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const num = (field: string, raw: string): number => {
    const n = parseDecimal(raw, style);
    if (n === undefined || Number.isNaN(n)) errors[field] = n === undefined ? 'required' : 'notANumber';
    return n ?? Number.NaN;
  };
  const visitMinutes = Object.fromEntries(CATEGORIES.map((c) => [c, num(`visitMinutes.${c}`, d.visitMinutes[c])])) as Record<Category, number>;
  const candidate: RepWeek = {
    ...(isBlank(d.start) ? {} : { start: d.start }),
    ...(d.endAtStart || isBlank(d.end) ? {} : { end: d.end }),
    workStart: d.workStart, workEnd: d.workEnd, visitMinutes, absences: d.absences,
    holidayRegion: { country: d.country, state: d.state },
    christmasEveOff: d.christmasEveOff, newYearsEveOff: d.newYearsEveOff,
    roadFactor: num('roadFactor', d.roadFactor), speedKmh: num('speedKmh', d.speedKmh), minDriveMinutes: num('minDriveMinutes', d.minDriveMinutes),
  };
  if (!d.workStart) errors.workStart = 'required';
  if (!d.workEnd) errors.workEnd = 'required';
  const checked = validateRepWeek(candidate);
  if (!checked.ok) for (const [k, v] of Object.entries(checked.errors)) errors[k] ??= v;
  return Object.keys(errors).length > 0 || !checked.ok ? { ok: false, errors } : { ok: true, week: checked.value };
}
