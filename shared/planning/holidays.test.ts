import { describe, expect, it } from 'vitest';
import { asIsoDate as d } from '../time';
import { regionStates } from './holiday-calendar';
import { comingDaysOff, daysOff, daysOffDates, type DaysOffInput } from './holidays';

const rep = (country: string, state: string, over: Partial<DaysOffInput> = {}): DaysOffInput => ({
  holidayRegion: { country, state }, christmasEveOff: true, newYearsEveOff: true, absences: [], ...over,
});
const names = (w: DaysOffInput, from: string, to: string, lang: 'de' | 'en' = 'de') =>
  daysOff(w, d(from), d(to), lang).map((x) => `${x.date} ${x.name}`);

describe('a rep\'s days off', () => {
  it('knows Fronleichnam 2026 (4 June) in Bavaria but not in Lower Saxony', () => {
    expect(names(rep('DE', 'BY'), '2026-06-01', '2026-06-07')).toEqual(['2026-06-04 Fronleichnam']);
    expect(names(rep('DE', 'NI'), '2026-06-01', '2026-06-07')).toEqual([]);
    expect(names(rep('DE', 'BY'), '2026-06-01', '2026-06-07', 'en')).toEqual(['2026-06-04 Corpus Christi']);
  });

  it('knows Reformationstag and Buß- und Bettag in Saxony, not in Bavaria', () => {
    expect(names(rep('DE', 'SN'), '2026-10-26', '2026-11-20')).toEqual(['2026-10-31 Reformationstag', '2026-11-18 Buß- und Bettag']);
    // In Bavaria Buß- und Bettag is a school holiday only; All Saints' is public.
    expect(names(rep('DE', 'BY'), '2026-10-26', '2026-11-20')).toEqual(['2026-11-01 Allerheiligen']);
  });

  it('keeps only nationwide holidays when no state is set', () => {
    expect(names(rep('DE', ''), '2026-06-01', '2026-11-30')).toEqual(['2026-10-03 Tag der Deutschen Einheit']);
  });

  it('takes KW 52/2026 off from 24 to 26 December, and 31 December', () => {
    expect(names(rep('DE', 'NW'), '2026-12-21', '2027-01-03')).toEqual([
      '2026-12-24 Heiligabend', '2026-12-25 1. Weihnachtstag', '2026-12-26 2. Weihnachtstag', '2026-12-31 Silvester', '2027-01-01 Neujahr',
    ]);
  });

  it('works on 24 and 31 December when the rep switches them on', () => {
    const w = rep('DE', 'NW', { christmasEveOff: false, newYearsEveOff: false });
    expect(daysOffDates(w, d('2026-12-21'), d('2026-12-31'))).toEqual(['2026-12-25', '2026-12-26']);
  });

  it('adds the rep\'s absences, a holiday keeping its own name', () => {
    const w = rep('DE', 'BY', { absences: [d('2026-06-03'), d('2026-06-04'), d('2026-07-01')] });
    expect(names(w, '2026-06-01', '2026-06-30', 'en')).toEqual(['2026-06-03 Absent', '2026-06-04 Corpus Christi']);
  });

  it('knows Austria: Vienna has Mariä Empfängnis but no Good Friday', () => {
    const vienna = names(rep('AT', '9'), '2026-01-01', '2026-12-31');
    expect(vienna).toContain('2026-12-08 Mariä Empfängnis');
    expect(vienna).toContain('2026-10-26 Nationalfeiertag');
    expect(vienna.some((n) => n.startsWith('2026-04-03'))).toBe(false);
  });

  it('knows Switzerland: 1 August everywhere, Fronleichnam in Luzern, the Genfer Bettag in Geneva only', () => {
    expect(names(rep('CH', ''), '2026-07-30', '2026-08-02')).toEqual(['2026-08-01 Bundesfeiertag']);
    expect(names(rep('CH', 'LU'), '2026-06-01', '2026-06-07')).toEqual(['2026-06-04 Fronleichnam']);
    expect(names(rep('CH', 'ZH'), '2026-06-01', '2026-06-07')).toEqual([]);
    expect(names(rep('CH', 'GE'), '2026-09-07', '2026-09-11')).toEqual(['2026-09-10 Genfer Bettag']);
    expect(names(rep('CH', 'ZH'), '2026-09-07', '2026-09-11')).toEqual([]);
    // Geneva's own holiday on 31 December names the day, not the rep's New Year's Eve switch.
    expect(names(rep('CH', 'GE'), '2026-12-31', '2026-12-31')).toEqual(['2026-12-31 Wiederherstellung der Republik']);
  });

  it('lists the coming days off from today', () => {
    expect(comingDaysOff(rep('DE', 'BY'), d('2026-05-20'), 20, 'de').map((x) => x.date)).toEqual(['2026-05-25', '2026-06-04']);
    expect(comingDaysOff(rep('DE', 'BY'), d('2026-05-20'), 15, 'de').map((x) => x.date)).toEqual(['2026-05-25']);
  });

  it('names the states of the three countries', () => {
    expect(regionStates('DE', 'de').BY).toBe('Bayern');
    expect(Object.keys(regionStates('AT', 'de'))).toHaveLength(9);
    expect(Object.keys(regionStates('CH', 'de'))).toHaveLength(26);
  });
});
