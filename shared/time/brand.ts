import { daysInMonth } from './day-number';

/**
 * Branded strings: at runtime plain strings (rows, JSON and IndexedDB keys stay as they are), for the
 * compiler three different things. `IsoDate` is a strict brand: only a constructor below (or a day
 * computed by shared/time) makes one, so `toISOString().slice(0, 10)` (a UTC day) or an instant can
 * never stand where a local calendar day is meant; both bugs happened. `IsoInstant` and `Id` are
 * flavours: any string may become one (every `toISOString()` is a correct instant, every UUID an id),
 * but neither is accepted where an `IsoDate` is expected, nor an `IsoDate` where they are.
 */
declare const brand: unique symbol;

/** A calendar day without time zone, `YYYY-MM-DD`; the same day on every laptop. */
export type IsoDate = string & { readonly [brand]: 'IsoDate' };
/** A moment in time, ISO-8601 in UTC, e.g. `2026-11-22T09:30:00.000Z`. */
export type IsoInstant = string & { readonly [brand]?: 'IsoInstant' };
/** Primary key of every row: a random UUID, so rows made on different laptops never collide. */
export type Id = string & { readonly [brand]?: 'Id' };

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a well-formed `YYYY-MM-DD` that names a real day (not 2026-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !DAY_SHAPE.test(value)) return false;
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(value.slice(0, 4)), m);
}

/** Validates untrusted text (a form field, a filter, a URL) as a calendar day; throws RangeError otherwise. */
export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`Not a YYYY-MM-DD calendar day: ${value}`);
  return value;
}

/**
 * Trusted cast, for days that are already known to be well formed: rows read back from our own
 * storage, backups and sync, literals in tests. One call per boundary, not `as` at every use.
 */
export function asIsoDate(value: string): IsoDate {
  return value as IsoDate;
}

/** Trusted cast of a stored day that may be absent or empty (optional row fields). */
export function asOptionalIsoDate(value: string | undefined): IsoDate | undefined {
  return value ? (value as IsoDate) : undefined;
}

/** The value of an `<input type="date">`: '' while empty, else its day (browsers give nothing else). */
export function dayOfInput(value: string): IsoDate | '' {
  return isIsoDate(value) ? value : '';
}

/** True for text `Date.parse` reads as an instant with an explicit UTC `Z` or offset. */
export function isIsoInstant(value: unknown): value is IsoInstant {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** The canonical instant (`toISOString`, UTC, sorts as text) of a Date or epoch milliseconds. */
export function instantOf(at: Date | number): IsoInstant {
  return (typeof at === 'number' ? new Date(at) : at).toISOString();
}

/** Trusted cast of a stored id. */
export function asId(value: string): Id {
  return value;
}
