import type { Birthday, IsoDate } from '../domain';
import { parseDecimal, type NumberStyle } from '../text/number';

export { detectNumberStyle, type NumberStyle } from '../text/number';
/** Order of day and month in `11/22/2026`-style dates; dotted dates are always day first. */
export type SlashOrder = 'dmy' | 'mdy';

/** Parses a number in the given style (shared/text/number.ts); `undefined` when it is none. */
export function parseNumber(raw: string, style: NumberStyle): number | undefined {
  const n = parseDecimal(raw, style);
  return n === undefined || Number.isNaN(n) ? undefined : n;
}

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export type DateColumnInfo = {
  /** Order of slashed dates when the values tell; `undefined` if they do not. */
  order?: SlashOrder;
  /** True when slashed dates occur and every one fits both orders: the UI must ask. */
  ambiguous: boolean;
  /** True when some values need d/m and others m/d: the column is inconsistent. */
  conflicting: boolean;
};

/** Looks at a column's slashed dates (`11/22/2026`, also yearless `11/22`) to find day/month order. */
export function detectDateOrder(values: readonly string[]): DateColumnInfo {
  let slashed = false;
  let dayFirst = false;
  let monthFirst = false;
  for (const raw of values) {
    const m = /^(\d{1,2})\/(\d{1,2})(?:\/\d{4})?$/.exec(raw.trim());
    if (!m) continue;
    slashed = true;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirst = true;
    if (b > 12 && a <= 12) monthFirst = true;
  }
  const order: SlashOrder | undefined = dayFirst && !monthFirst ? 'dmy' : monthFirst && !dayFirst ? 'mdy' : undefined;
  return { order, ambiguous: slashed && !dayFirst && !monthFirst, conflicting: dayFirst && monthFirst };
}

/** Parses `22.11.2026`, `2026-11-22` or `11/22/2026` (order given) into an IsoDate; `undefined` if invalid. */
export function parseDate(raw: string, slashOrder: SlashOrder): IsoDate | undefined {
  const v = raw.trim();
  let m = DOTTED.exec(v);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = ISO.exec(v);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED.exec(v);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    return slashOrder === 'dmy' ? isoDate(Number(m[3]), second, first) : isoDate(Number(m[3]), first, second);
  }
  return undefined;
}

/**
 * Parses a birthday with or without year: every `parseDate` format plus `22.11.`, `22.11`, `--11-22`,
 * `--1122`, `19851122` and `11/22`. Outlook's placeholders for "none" (`0.0.00`, `1/0/00`) give `null`.
 * `undefined` means invalid.
 */
export function parseBirthday(raw: string, slashOrder: SlashOrder): Birthday | null | undefined {
  const v = raw.trim();
  if (v === '' || /^0\.0\.0{2,4}$/.test(v) || /^1\/0\/0{2,4}$/.test(v)) return null;
  const full = parseDate(v, slashOrder) ?? (/^\d{8}$/.test(v) ? parseDate(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}`, slashOrder) : undefined);
  if (full) return { year: Number(full.slice(0, 4)), month: Number(full.slice(5, 7)), day: Number(full.slice(8, 10)) };
  let m = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(v);
  if (m) return dayMonth(Number(m[1]), Number(m[2]));
  m = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (m) return dayMonth(Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(v);
  if (m) return slashOrder === 'dmy' ? dayMonth(Number(m[1]), Number(m[2])) : dayMonth(Number(m[2]), Number(m[1]));
  return undefined;
}

/** Day and month without year; 29 February is allowed because the year is unknown. */
function dayMonth(day: number, month: number): Birthday | undefined {
  return isValidDay(2000, month, day) ? { day, month } : undefined;
}

function isoDate(y: number, mo: number, d: number): IsoDate | undefined {
  if (!isValidDay(y, mo, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Calendar check without time zones: the Date is built and read back in UTC. */
export function isValidDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Phone numbers stay text exactly as written (leading `+` and `0`, spaces, slashes); only outer
 * whitespace goes. Google CSV puts several numbers in one cell joined by ` ::: `; the first is kept.
 */
export function cleanPhone(raw: string): string {
  return (raw.split(' ::: ')[0] ?? '').trim();
}
