import { CalendarDate, Time } from '@internationalized/date';
import { isIsoDate, ymdText, type IsoDate } from '../../shared/time';

// The fields hold @internationalized/date values; the app keeps its own strings ("2026-12-07", "14:30"),
// so every caller reads and writes exactly what the native inputs gave before.

/** The field value of a stored day; null for '' or anything that is not a real calendar day. */
export function calendarDateOf(value: string | undefined): CalendarDate | null {
  if (!value || !isIsoDate(value)) return null;
  return new CalendarDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

/** The stored day of a field value; '' while the field is empty or incomplete, or the year has not 4 digits. */
export function isoDateOf(value: { year: number; month: number; day: number } | null | undefined): IsoDate | '' {
  if (!value || value.year < 1000 || value.year > 9999) return '';
  return ymdText(value.year, value.month, value.day);
}

const TIME_SHAPE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The field value of a stored "HH:mm"; null for '' or anything else. */
export function timeOf(value: string | undefined): Time | null {
  const m = value ? TIME_SHAPE.exec(value) : null;
  return m ? new Time(Number(m[1]), Number(m[2])) : null;
}

/** "HH:mm" of a field value, as `<input type="time">` gave it; '' while empty or incomplete. */
export function hhmmOf(value: { hour: number; minute: number } | null | undefined): string {
  if (!value) return '';
  return `${String(value.hour).padStart(2, '0')}:${String(value.minute).padStart(2, '0')}`;
}
