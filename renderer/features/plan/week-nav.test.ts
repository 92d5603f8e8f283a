import { describe, expect, it } from 'vitest';
import { shiftWeek, weekRangeText } from './week-nav';

describe('week navigation', () => {
  it('steps across week 53 and year boundaries both ways', () => {
    expect(shiftWeek({ isoYear: 2026, isoWeek: 52 }, 1)).toEqual({ isoYear: 2026, isoWeek: 53 });
    expect(shiftWeek({ isoYear: 2026, isoWeek: 53 }, 1)).toEqual({ isoYear: 2027, isoWeek: 1 });
    expect(shiftWeek({ isoYear: 2027, isoWeek: 1 }, -1)).toEqual({ isoYear: 2026, isoWeek: 53 });
    expect(shiftWeek({ isoYear: 2028, isoWeek: 1 }, -1)).toEqual({ isoYear: 2027, isoWeek: 52 });
    expect(shiftWeek({ isoYear: 2026, isoWeek: 48 }, 0)).toEqual({ isoYear: 2026, isoWeek: 48 });
    expect(shiftWeek({ isoYear: 2026, isoWeek: 48 }, 60)).toEqual({ isoYear: 2028, isoWeek: 3 });
  });

  it('writes the Monday–Sunday range the way each language writes dates', () => {
    // ICU versions differ in the (thin) spaces around the dash; the parts are what matters.
    const range = (isoYear: number, isoWeek: number, locale: string) => weekRangeText({ isoYear, isoWeek }, locale).replace(/\s/g, ' ').replace(/ ?– ?/, '–');
    expect(range(2026, 48, 'de-DE')).toBe('23.–29.11.2026');
    expect(range(2026, 48, 'en-GB')).toBe('23–29 Nov 2026');
    expect(range(2026, 49, 'de-DE')).toBe('30.11.–06.12.2026');
    expect(range(2026, 49, 'en-GB')).toBe('30 Nov–6 Dec 2026');
    expect(range(2026, 53, 'de-DE')).toBe('28.12.2026–03.01.2027');
    expect(range(2026, 53, 'en-GB')).toBe('28 Dec 2026–3 Jan 2027');
  });
});
