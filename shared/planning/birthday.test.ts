import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYear, birthdayInYear, birthdayOccurrenceAt, birthdayWindow, nextBirthday } from './birthday';
import { fromDayNumber, toDayNumber } from './calendar';
import { asIsoDate, ymdText } from '../time';

describe('birthdays', () => {
  it('moves 29 February to 28 February in non-leap years', () => {
    const b = { day: 29, month: 2, year: 1980 };
    expect(birthdayInYear(b, 2027)).toBe('2027-02-28');
    expect(birthdayInYear(b, 2028)).toBe('2028-02-29');
    expect(birthdayInYear(b, 2100)).toBe('2100-02-28');
    expect(nextBirthday(b, asIsoDate('2027-03-01'))).toMatchObject({ date: asIsoDate('2028-02-29'), age: 48 });
    expect(nextBirthday(b, asIsoDate('2027-02-28'))).toMatchObject({ date: asIsoDate('2027-02-28'), age: 47, daysUntil: 0 });
  });

  it('gives the age only when the year is known and plausible', () => {
    expect(ageInYear({ day: 1, month: 1, year: 1970 }, 2026)).toBe(56);
    expect(ageInYear({ day: 1, month: 1 }, 2026)).toBeUndefined();
    expect(ageInYear({ day: 1, month: 1, year: 2030 }, 2026)).toBeUndefined();
  });

  it('sees a birthday on 2 January from 28 December, and a late one across New Year', () => {
    expect(birthdayOccurrenceAt({ day: 2, month: 1, year: 1990 }, toDayNumber(asIsoDate('2026-12-28')), 7)).toEqual({
      date: asIsoDate('2027-01-02'), year: 2027, age: 37, daysUntil: 5,
    });
    expect(birthdayOccurrenceAt({ day: 30, month: 12 }, toDayNumber(asIsoDate('2027-01-02')), 7, 3)).toMatchObject({ date: asIsoDate('2026-12-30'), year: 2026, daysUntil: -3 });
    expect(birthdayOccurrenceAt({ day: 30, month: 12 }, toDayNumber(asIsoDate('2027-01-03')), 7, 3)).toBeNull();
  });

  it('rejects impossible input instead of crashing', () => {
    expect(birthdayOccurrenceAt({ day: 0, month: 13 }, toDayNumber(asIsoDate('2026-01-01')), 7)).toBeNull();
    expect(birthdayInYear({ day: 31, month: 4 }, 2026)).toBe('2026-04-30');
  });

  it('is in the window on exactly lead + late + 1 days per year, always the same occurrence', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 7 }),
      fc.integer({ min: 2020, max: 2031 }),
      (month, rawDay, lead, late, year) => {
        const b = { day: rawDay, month };
        const days = new Map<number, number>();
        for (let n = toDayNumber(ymdText(year - 1, 6, 1)); n <= toDayNumber(ymdText(year + 1, 6, 30)); n++) {
          const occ = birthdayOccurrenceAt(b, n, lead, late);
          if (occ) days.set(occ.year, (days.get(occ.year) ?? 0) + 1);
          if (occ) expect(occ.date).toBe(birthdayInYear(b, occ.year));
          if (occ) expect(toDayNumber(occ.date) - n).toBe(occ.daysUntil);
        }
        expect(days.get(year)).toBe(lead + late + 1);
        expect(fromDayNumber(toDayNumber(birthdayInYear(b, year))).slice(0, 4)).toBe(String(year));
      },
    ), { numRuns: 60 });
  });

  it('the precomputed window agrees with birthdayOccurrenceAt for every birthday', () => {
    fc.assert(fc.property(
      fc.integer({ min: toDayNumber(asIsoDate('2020-01-01')), max: toDayNumber(asIsoDate('2032-12-31')) }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 10 }),
      (today, lead, late) => {
        const window = birthdayWindow(today, lead, late);
        for (let month = 1; month <= 12; month++) {
          for (let day = 1; day <= 31; day++) {
            for (const b of [{ day, month }, { day, month, year: 1980 }, { day, month, year: 2031 }]) {
              expect(window(b)).toEqual(birthdayOccurrenceAt(b, today, lead, late));
            }
          }
        }
      },
    ), { numRuns: 25 });
  });
});
