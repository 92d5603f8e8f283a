import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectNumberStyle, numberStyleOf, parseDecimal } from './number';

describe('parseDecimal', () => {
  it('reads amounts as German users type them', () => {
    const cases: [string, number][] = [
      ['1.500', 1500], ['1.234,56', 1234.56], ['12.000', 12000], ['0,50', 0.5], ['1500', 1500], ['1500,5', 1500.5],
      ['1.500 €', 1500], ['€ 1.234,56', 1234.56], ['1 500', 1500], ['1\u00a0234,56\u00a0€', 1234.56], ['-250,00', -250], ['1.000.000', 1e6],
    ];
    for (const [typed, value] of cases) expect(parseDecimal(typed, 'comma'), typed).toBe(value);
  });

  it('reads amounts as English users type them', () => {
    const cases: [string, number][] = [['1,500.50', 1500.5], ['1,500', 1500], ['1.5', 1.5], ['12,000', 12000], ['0.50', 0.5], ['€1,234.56', 1234.56]];
    for (const [typed, value] of cases) expect(parseDecimal(typed, 'dot'), typed).toBe(value);
  });

  it('refuses what is no number in the style instead of guessing', () => {
    for (const typed of ['1.5', '1,234.56', '12.00', 'abc', '1.2.3', '1,5,0', '--1', '1.500,', ',5']) expect(parseDecimal(typed, 'comma'), typed).toBeNaN();
    for (const typed of ['1,5', '1.234,56', 'zwölf', '1,50']) expect(parseDecimal(typed, 'dot'), typed).toBeNaN();
    expect(parseDecimal('  ', 'comma')).toBeUndefined();
    expect(parseDecimal('€', 'dot')).toBeUndefined();
  });

  it('gives back every amount Intl formats, in German and in English (property)', () => {
    const amount = fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }).map((cents) => cents / 100);
    const locales: [string, 'comma' | 'dot'][] = [['de-DE', 'comma'], ['en-GB', 'dot'], ['en-US', 'dot'], ['de-AT', 'comma']];
    fc.assert(
      fc.property(amount, fc.constantFrom(...locales), fc.boolean(), (value, [locale, style], currency) => {
        const format = currency
          ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' })
          : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
        expect(parseDecimal(format.format(value), style)).toBeCloseTo(value, 2);
      }),
      { numRuns: 500 },
    );
  });

  it('picks the style from the UI language', () => {
    expect(numberStyleOf('de')).toBe('comma');
    expect(numberStyleOf('en')).toBe('dot');
    expect(numberStyleOf('en-US')).toBe('dot');
  });
});

describe('detectNumberStyle', () => {
  it('lets the first unambiguous value decide a column, else the fallback', () => {
    expect(detectNumberStyle(['1.500', '1.234,56'], 'dot')).toBe('comma');
    expect(detectNumberStyle(['1,500', '1,234.56'], 'comma')).toBe('dot');
    expect(detectNumberStyle(['1.500', '2.000'], 'comma')).toBe('comma');
    expect(detectNumberStyle(['1.500', '2.000'], 'dot')).toBe('dot');
  });
});
