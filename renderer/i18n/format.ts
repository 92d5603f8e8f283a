import type { IsoDate, IsoInstant } from '../../shared/domain';

/** Intl locale per UI language; English users in Europe expect day-month order and euros. */
const LOCALES = { de: 'de-DE', en: 'en-GB' } as const;

export type Formatters = {
  locale: string;
  /** 22.11.2026 */
  date(value: IsoDate | IsoInstant | Date): string;
  /** 22.11.2026, 14:30 */
  dateTime(value: IsoInstant | Date): string;
  /** 14:30 */
  time(value: IsoInstant | Date): string;
  /** 1.234,56 */
  number(value: number, fractionDigits?: number): string;
  /** 1.234,56 € */
  currency(value: number): string;
  /** 12,5 % (value is a share 0–1) */
  percent(value: number): string;
  /** 1.234 km (road distance, whole km; below 10 km one decimal) */
  km(value: number): string;
  /** 2 h 15 min, 45 min (a duration in minutes, rounded to whole minutes) */
  duration(minutes: number): string;
  /** German collation: Ä sorts with A, ß with ss. */
  compare(a: string, b: string): number;
};

/** An IsoDate is a calendar day: parse it as local noon so no time zone moves it to another day. */
function toDate(value: IsoDate | IsoInstant | Date): Date {
  if (value instanceof Date) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00`);
  return new Date(value);
}

const cache = new Map<string, Formatters>();

export function formatters(language: string): Formatters {
  const cached = cache.get(language);
  if (cached) return cached;
  const locale = LOCALES[language as keyof typeof LOCALES] ?? LOCALES.de;
  const dateFmt = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const timeFmt = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const currencyFmt = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  // One formatter per number of digits: building an Intl.NumberFormat costs far more than formatting
  // with one, and the reports page formats hundreds of numbers per render (cards, tables, axis ticks).
  const numberFmts = new Map<number, Intl.NumberFormat>();
  const numberFmt = (digits: number): Intl.NumberFormat => {
    let nf = numberFmts.get(digits);
    if (!nf) {
      nf = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      numberFmts.set(digits, nf);
    }
    return nf;
  };
  const f: Formatters = {
    locale,
    date: (v) => dateFmt.format(toDate(v)),
    dateTime: (v) => dateTimeFmt.format(toDate(v)),
    time: (v) => timeFmt.format(toDate(v)),
    number: (v, digits = 0) => numberFmt(digits).format(v),
    currency: (v) => currencyFmt.format(v),
    percent: (v) => percentFmt.format(v),
    km: (v) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: Math.abs(v) < 10 ? 1 : 0 }).format(v)} km`,
    duration: (v) => {
      const total = Math.max(0, Math.round(v));
      const h = Math.floor(total / 60);
      const m = total % 60;
      return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
    },
    compare: (a, b) => collator.compare(a, b),
  };
  cache.set(language, f);
  return f;
}
