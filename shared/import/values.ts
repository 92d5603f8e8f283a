import type { Birthday, IsoDate } from '../domain';
import { ymdText } from '../time';

/** `comma`: 1.234,56 (German); `dot`: 1,234.56 (English). */
export type NumberStyle = 'comma' | 'dot';
/** Order of day and month in `11/22/2026`-style dates; dotted dates are always day first. */
export type SlashOrder = 'dmy' | 'mdy';

const COMMA_STYLE = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$|^[-+]?\d+,\d+$/;
const DOT_STYLE = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$|^[-+]?\d+\.\d+$/;
/** `1.234` or `1,234`: a thousands group or a decimal with three places — it cannot tell. */
const THREE_AFTER = /^[-+]?\d{1,3}[.,]\d{3}$/;

/**
 * Decides a column's number style from its values: the first value that only one style explains wins;
 * `fallback` (the UI locale) decides when every value is ambiguous like `1.234`.
 */
export function detectNumberStyle(values: readonly string[], fallback: NumberStyle): NumberStyle {
  for (const raw of values) {
    const v = stripCurrency(raw);
    if (v === '' || THREE_AFTER.test(v)) continue;
    if (COMMA_STYLE.test(v)) return 'comma';
    if (DOT_STYLE.test(v)) return 'dot';
  }
  return fallback;
}

/** Parses a number in the given style; `undefined` when it is not one. Spaces and € / EUR are ignored. */
export function parseNumber(raw: string, style: NumberStyle): number | undefined {
  const v = stripCurrency(raw);
  if (v === '') return undefined;
  const [group, decimal] = style === 'comma' ? ['.', ','] : [',', '.'];
  const re = new RegExp(`^[-+]?(\\d{1,3}(\\${group}\\d{3})+|\\d+)(\\${decimal}\\d+)?$`);
  if (!re.test(v)) return undefined;
  const n = Number(v.split(group).join('').replace(decimal, '.'));
  return Number.isFinite(n) ? n : undefined;
}

function stripCurrency(raw: string): string {
  return raw.replace(/€|EUR/gi, '').replace(/[\s\u00a0\u202f']/g, '');
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
  return ymdText(y, mo, d);
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
