import type { TargetField } from '../../../shared/import/fields';
import { detectDateOrder, parseBirthday, parseNumber, type NumberStyle, type SlashOrder } from '../../../shared/import/values';
import type { Formatters } from '../../i18n/format';

export type SampleOptions = {
  /** Day/month order of slashed dates as the user answered; else detected from the column. */
  slashOrder?: SlashOrder;
  /** Decimal style the import will read the revenue column in. */
  numberStyle?: NumberStyle;
};

const MAX_CHARS = 40;

/**
 * Up to three different non-empty values of a column as the import will read them, so the user sees
 * what the column holds and whether it is understood: a birthday as the app shows dates (09.08.1975,
 * 29.02. without a year, not `1975-08-09` or `--02-29`), a revenue as money (1.234,56 €). A value the
 * import cannot read is shown as written; the preview reports it.
 */
export function columnSamples(rows: readonly string[][], column: number, target: TargetField | null, fmt: Formatters, options: SampleOptions = {}): string[] {
  const out: string[] = [];
  // The order the import will detect over the column, unless the user answered.
  const slashOrder = options.slashOrder ?? (target === 'contact.birthday' ? detectDateOrder(rows.map((r) => r[column] ?? '')).order : undefined);
  const read = { ...options, ...(slashOrder ? { slashOrder } : {}) };
  for (const r of rows) {
    const raw = (r[column] ?? '').trim();
    if (raw === '') continue;
    const shown = shorten(sampleText(raw, target, fmt, read));
    if (!out.includes(shown)) out.push(shown);
    if (out.length === 3) break;
  }
  return out;
}

function sampleText(raw: string, target: TargetField | null, fmt: Formatters, options: SampleOptions): string {
  if (target === 'contact.birthday') {
    // Without a known order a slashed date stays as written: guessing here would show the user a wrong day.
    if (raw.includes('/') && !options.slashOrder) return raw;
    const b = parseBirthday(raw, options.slashOrder ?? 'dmy');
    if (!b) return raw;
    const pad = (n: number) => String(n).padStart(2, '0');
    if (b.year !== undefined) return fmt.date(new Date(b.year, b.month - 1, b.day, 12));
    // A leap year, so 29 February exists; only day and month are shown.
    return new Intl.DateTimeFormat(fmt.locale, { day: '2-digit', month: '2-digit' }).format(new Date(`2000-${pad(b.month)}-${pad(b.day)}T12:00:00`));
  }
  if (target === 'account.annualRevenue' && options.numberStyle) {
    const n = parseNumber(raw, options.numberStyle);
    return n === undefined ? raw : fmt.currency(n);
  }
  return raw;
}

function shorten(v: string): string {
  return v.length > MAX_CHARS ? `${v.slice(0, MAX_CHARS - 1)}…` : v;
}
