import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine } from './fold';
import { escapeText, vtimezoneLines, weekPlanToIcs, weekPlanUid, type IcsVisit } from './ics';

// Zones are passed explicitly (vitest workers share one TZ); ical.js is the independent parser.
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

/** Parses with ical.js, registering the file's own VTIMEZONE, and returns the events as UTC instants. */
function parse(ics: string): { uid: string; summary: string; location: string; description: string; start: string; end: string; tzid: string | null }[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  return cal.getAllSubcomponents('vevent').map((ve) => {
    const e = new ICAL.Event(ve);
    return {
      uid: e.uid, summary: e.summary, location: e.location ?? '', description: e.description ?? '',
      start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(),
      tzid: (ve.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
    };
  });
}

const visit = (start: string, end: string, over: Partial<IcsVisit> = {}): IcsVisit => ({ uid: `u-${start}`, start, end, summary: 'Müller GmbH', ...over });

// Week 43 of 2026 ends on Sunday 25 October, when Berlin leaves summer time; week 44 starts after it.
const dstWeek = [
  visit('2026-10-23T09:00', '2026-10-23T10:00'), // Friday, CEST (+2)
  visit('2026-10-25T01:30', '2026-10-25T04:00'), // the Sunday itself, spanning the change
  visit('2026-10-26T09:00', '2026-10-26T10:30'), // Monday, CET (+1)
  visit('2026-03-27T09:00', '2026-03-27T10:00'), // Friday before the spring change, CET
  visit('2026-03-30T09:00', '2026-03-30T10:00'), // Monday after it, CEST
];

describe('weekPlanToIcs', () => {
  it('parses in ical.js with the right instants across both Berlin DST changes', () => {
    const events = parse(weekPlanToIcs(dstWeek, { tzid: 'Europe/Berlin', now: NOW }));
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2026-10-23T07:00:00.000Z', '2026-10-23T08:00:00.000Z'],
      ['2026-10-24T23:30:00.000Z', '2026-10-25T03:00:00.000Z'],
      ['2026-10-26T08:00:00.000Z', '2026-10-26T09:30:00.000Z'],
      ['2026-03-27T08:00:00.000Z', '2026-03-27T09:00:00.000Z'],
      ['2026-03-30T07:00:00.000Z', '2026-03-30T08:00:00.000Z'],
    ]);
    expect(events.every((e) => e.tzid === 'Europe/Berlin')).toBe(true);
  });

  it('keeps the same wall-clock times for New York by writing UTC (no VTIMEZONE rule for US zones)', () => {
    const ics = weekPlanToIcs([visit('2026-03-06T09:00', '2026-03-06T10:00'), visit('2026-03-09T09:00', '2026-03-09T10:00')], { tzid: 'America/New_York', now: NOW });
    expect(ics).not.toContain('BEGIN:VTIMEZONE');
    expect(parse(ics).map((e) => [e.start, e.tzid])).toEqual([['2026-03-06T14:00:00.000Z', null], ['2026-03-09T13:00:00.000Z', null]]);
    expect(ics).toContain('DTSTART:20260306T140000Z');
  });

  it('writes correct rules for other EU zones and fixed-offset zones', () => {
    const london = parse(weekPlanToIcs([visit('2026-07-01T09:00', '2026-07-01T10:00'), visit('2026-12-01T09:00', '2026-12-01T10:00')], { tzid: 'Europe/London', now: NOW }));
    expect(london.map((e) => e.start)).toEqual(['2026-07-01T08:00:00.000Z', '2026-12-01T09:00:00.000Z']);
    const tokyo = parse(weekPlanToIcs([visit('2026-07-01T09:00', '2026-07-01T10:00')], { tzid: 'Asia/Tokyo', now: NOW }));
    expect(tokyo[0]?.start).toBe('2026-07-01T00:00:00.000Z');
    expect(vtimezoneLines('Europe/Berlin', [2026])).toContain('DTSTART:19700329T020000');
    expect(vtimezoneLines('Australia/Sydney', [2026])).toBeNull();
  });

  it('escapes and folds text that survives the round trip', () => {
    const text = { summary: 'Müller, Söhne & Co; Filiale\\Nord', location: 'Hauptstraße 1\n80331 München', description: `Kontakt: Frau Weber\nAngebot offen; ${'Ärger über Lieferung '.repeat(12)}` };
    const ics = weekPlanToIcs([visit('2026-11-24T09:00', '2026-11-24T10:00', text)], { tzid: 'Europe/Berlin', now: NOW });
    const [e] = parse(ics);
    expect(e).toMatchObject(text);
    expect(ics).toContain('SUMMARY:Müller\\, Söhne & Co\\; Filiale\\\\Nord');
  });

  it('uses CRLF only, lines of at most 75 octets, and the required properties', () => {
    const ics = weekPlanToIcs([visit('2026-11-24T09:00', '2026-11-24T10:00', { description: '€'.repeat(100) })], { tzid: 'Europe/Berlin', now: NOW, calendarName: 'Woche 48' });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    for (const prop of ['VERSION:2.0', 'PRODID:', 'UID:', 'DTSTAMP:20261123T120000Z', 'DTSTART;TZID=Europe/Berlin:20261124T090000', 'SUMMARY:', 'X-WR-CALNAME:Woche 48']) expect(ics).toContain(prop);
  });

  it('gives stable UIDs per entry and rejects visits that end before they start', () => {
    expect(weekPlanUid(2026, 5, 'acc-1')).toBe('plan-2026-W05-acc-1@rapport');
    expect(weekPlanUid(2026, 5, 'acc-1', 'int-9')).toBe('visit-int-9@rapport');
    expect(() => weekPlanToIcs([visit('2026-11-24T10:00', '2026-11-24T09:00')], { tzid: 'Europe/Berlin', now: NOW })).toThrow(RangeError);
  });
});

describe('text helpers', () => {
  it('folds any text into ≤ 75-octet lines that unfold to the original, never splitting a character', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
      const line = `DESCRIPTION:${escapeText(s)}`;
      const folded = foldLine(line);
      for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    }));
  });

  it('round-trips escaped text through ical.js', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (s) => {
      const clean = s.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
      const ics = weekPlanToIcs([visit('2026-11-24T09:00', '2026-11-24T10:00', { summary: s || 'x' })], { tzid: 'Europe/Berlin', now: NOW });
      expect(parse(ics)[0]?.summary).toBe(clean || 'x');
    }), { numRuns: 60 });
  });
});
