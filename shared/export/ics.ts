import { foldLine } from './fold';
import type { Id } from '../domain';
import { addDays, dayNumberOfYmd, weekdayOfDayNumber, zoneClock } from '../planning/calendar';
import { asIsoDate, isoDate } from '../time';

/** A wall-clock time on the laptop, `YYYY-MM-DDTHH:mm`, in the zone given as tzid. */
export type LocalDateTime = string;

/** One visit to export. */
export type IcsVisit = {
  /** Stable id of the entry (see weekPlanUid), so re-importing the week updates instead of duplicating. */
  uid: string;
  /** `YYYY-MM-DDTHH:mm`, or `YYYY-MM-DD` for an all-day entry. */
  start: LocalDateTime;
  /** Same form as start; an all-day entry's last day (inclusive). */
  end: LocalDateTime;
  /** A visit of that day without a time (written as `VALUE=DATE`, free rather than busy). */
  allDay?: boolean;
  /** Usually the account name. */
  summary: string;
  /** Street, postal code and city. */
  location?: string;
  /** Short briefing: contacts, reason, open items. */
  description?: string;
};

export type IcsOptions = {
  /** IANA zone the local times are in, normally the laptop's. */
  tzid: string;
  /** Epoch ms written as DTSTAMP (when the file was made). */
  now: number;
  /** Calendar name shown by some clients. */
  calendarName?: string;
};

/** UID of a plan entry: per rep's week and account, the same however often the plan is edited or exported. */
export function weekPlanUid(isoYear: number, isoWeek: number, accountId: Id, interactionId?: Id): string {
  return interactionId ? `visit-${interactionId}@rapport` : `plan-${isoYear}-W${String(isoWeek).padStart(2, '0')}-${accountId}@rapport`;
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash first, then `;` `,` and line breaks; other control characters are dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** `20261026T090000` from `2026-10-26T09:00`. */
function localStamp(value: LocalDateTime): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) throw new RangeError(`Not a local date-time: ${value}`);
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6] ?? '00'}`;
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

/**
 * A VTIMEZONE for the zone when it follows a rule we can state exactly for the exported years:
 * the EU rule (summer time from the last Sunday of March to the last Sunday of October, switching
 * at 01:00 UTC: Berlin, Vienna, Zurich, London, Lisbon, Helsinki…) or no DST at all. Offsets are
 * read from Intl, so the block is checked against the laptop's own tz data rather than assumed.
 * Null for any other zone (US, southern hemisphere…): the caller then writes UTC times.
 */
export function vtimezoneLines(tzid: string, years: readonly number[]): string[] | null {
  const clock = zoneClock(tzid);
  const off = (ms: number): number => clock.offsetMinutesAt(ms);
  const std = off(Date.UTC(years[0] ?? 2026, 0, 15));
  const fixed = years.every((y) => Array.from({ length: 12 }, (_, m) => off(Date.UTC(y, m, 15))).every((o) => o === std));
  if (fixed) {
    return ['BEGIN:VTIMEZONE', `TZID:${tzid}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offsetText(std)}`, `TZOFFSETTO:${offsetText(std)}`, 'END:STANDARD', 'END:VTIMEZONE'];
  }
  const dst = off(Date.UTC(years[0] ?? 2026, 6, 15));
  const lastSunday = (y: number, month: number): number => {
    const last = dayNumberOfYmd(y, month + 1, 1) - 1;
    return last - (weekdayOfDayNumber(last) % 7);
  };
  const switchesAt = (ms: number, from: number, to: number): boolean => off(ms - 1000) === from && off(ms) === to;
  const eu = dst > std && years.every((y) =>
    switchesAt(lastSunday(y, 3) * 86_400_000 + 3_600_000, std, dst) && switchesAt(lastSunday(y, 10) * 86_400_000 + 3_600_000, dst, std));
  if (!eu) return null;
  // DTSTART is the local wall time of 01:00 UTC before the switch, in 1970 (29 March and 25 October
  // 1970 were the last Sundays), from which the RRULE repeats every year.
  const local = (offset: number): string => `${pad(Math.floor((60 + offset) / 60))}${pad((60 + offset) % 60)}00`;
  return [
    'BEGIN:VTIMEZONE', `TZID:${tzid}`,
    'BEGIN:DAYLIGHT', `DTSTART:19700329T${local(std)}`, 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    `TZOFFSETFROM:${offsetText(std)}`, `TZOFFSETTO:${offsetText(dst)}`, 'END:DAYLIGHT',
    'BEGIN:STANDARD', `DTSTART:19701025T${local(dst)}`, 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    `TZOFFSETFROM:${offsetText(dst)}`, `TZOFFSETTO:${offsetText(std)}`, 'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

/** DTSTART/DTEND of an all-day entry: dates, the end exclusive (RFC 5545 §3.6.1). */
function allDaySpan(v: IcsVisit): string[] {
  const first = isoDate(v.start.slice(0, 10)); // throws on anything but a calendar day
  const last = isoDate(v.end.slice(0, 10));
  if (last < first) throw new RangeError(`Not an all-day span: ${v.start}–${v.end}`);
  const date = (d: string) => d.replace(/-/g, '');
  return [`DTSTART;VALUE=DATE:${date(first)}`, `DTEND;VALUE=DATE:${date(addDays(last, 1))}`];
}

/**
 * The week's visits as an iCalendar file (RFC 5545) for Outlook, Thunderbird and Google Calendar:
 * CRLF line ends, folded lines, escaped text, and times as `DTSTART;TZID=…` local times with a
 * VTIMEZONE, so a visit at 09:00 stays at 09:00 across a DST change. For zones without a rule we
 * can state (vtimezoneLines), times are written in UTC (`…Z`): correct instants that every client
 * shows in its own zone, at the price of not being "floating" local times.
 */
export function weekPlanToIcs(visits: readonly IcsVisit[], options: IcsOptions): string {
  const years = [...new Set(visits.map((v) => Number(v.start.slice(0, 4))))].sort();
  const vtz = vtimezoneLines(options.tzid, years.length ? years : [new Date(options.now).getUTCFullYear()]);
  const clock = zoneClock(options.tzid);
  const time = (value: LocalDateTime): string => {
    if (vtz) return `;TZID=${options.tzid}:${localStamp(value)}`;
    localStamp(value); // validates
    const ms = clock.instantOf(asIsoDate(value.slice(0, 10)), Number(value.slice(11, 13)), Number(value.slice(14, 16)));
    return `:${utcStamp(ms)}`;
  };
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Weekly visit plan//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  if (vtz) lines.push(...vtz);
  const stamp = utcStamp(options.now);
  for (const v of visits) {
    const span = v.allDay ? allDaySpan(v) : [`DTSTART${time(v.start)}`, `DTEND${time(v.end)}`];
    if (!v.allDay && localStamp(v.end) < localStamp(v.start)) throw new RangeError(`Visit ${v.uid} ends before it starts`);
    lines.push('BEGIN:VEVENT', `UID:${escapeText(v.uid)}`, `DTSTAMP:${stamp}`, ...span, `SUMMARY:${escapeText(v.summary)}`);
    if (v.location) lines.push(`LOCATION:${escapeText(v.location)}`);
    if (v.description) lines.push(`DESCRIPTION:${escapeText(v.description)}`);
    // A visit without a time marks the day; it does not block the whole day in the calendar.
    lines.push(v.allDay ? 'TRANSP:TRANSPARENT' : 'TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
