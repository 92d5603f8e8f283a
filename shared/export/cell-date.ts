/**
 * A cell value as a date, for both XLSX writers. An IsoDate is a calendar day: it is written as
 * midnight UTC, which XLSX stores as that day's serial.
 */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00.000Z`);
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
