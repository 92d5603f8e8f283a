import { describe, expect, it } from 'vitest';
import { asIsoDate, asOptionalIsoDate, dayOfInput, instantOf, isIsoDate, isIsoInstant, isoDate, type IsoDate, type IsoInstant } from './index';

describe('IsoDate constructors and guards', () => {
  it('isoDate accepts real calendar days only', () => {
    expect(isoDate('2026-11-23')).toBe('2026-11-23');
    expect(isoDate('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-11-31', '26-11-23', '2026-11-23T00:00:00.000Z', '', ' 2026-11-23'])
      expect(() => isoDate(bad), bad).toThrow(RangeError);
  });

  it('isIsoDate narrows unknown values', () => {
    const v: unknown = '2100-02-28';
    expect(isIsoDate(v)).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false); // 2100 is not a leap year
    expect(isIsoDate(20261123)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it('trusted casts keep the text as it is', () => {
    expect(asIsoDate('2026-11-23')).toBe('2026-11-23');
    expect(asOptionalIsoDate('')).toBeUndefined();
    expect(asOptionalIsoDate(undefined)).toBeUndefined();
    expect(asOptionalIsoDate('2026-01-01')).toBe('2026-01-01');
  });

  it('a date input gives its day or empty', () => {
    expect(dayOfInput('2026-11-23')).toBe('2026-11-23');
    expect(dayOfInput('')).toBe('');
    expect(dayOfInput('2026-02-30')).toBe('');
  });
});

describe('IsoInstant', () => {
  it('instantOf is the canonical toISOString of a Date or epoch ms', () => {
    expect(instantOf(new Date(Date.UTC(2026, 10, 22, 23, 30)))).toBe('2026-11-22T23:30:00.000Z');
    expect(instantOf(Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00.000Z');
  });

  it('isIsoInstant wants a time and a zone', () => {
    expect(isIsoInstant('2026-11-22T23:30:00.000Z')).toBe(true);
    expect(isIsoInstant('2026-11-22T23:30:00+01:00')).toBe(true);
    expect(isIsoInstant('2026-11-22')).toBe(false);
    expect(isIsoInstant('2026-11-22T23:30:00')).toBe(false); // local wall time: which zone?
    expect(isIsoInstant('2026-13-22T23:30:00Z')).toBe(false);
  });
});

describe('the brands catch the UTC-day bug class (checked by tsc, see the @ts-expect-error lines)', () => {
  const takesDay = (day: IsoDate): IsoDate => day;
  const takesInstant = (at: IsoInstant): IsoInstant => at;
  const instant: IsoInstant = new Date(Date.UTC(2026, 10, 22, 23, 30)).toISOString();

  it('an instant, a UTC slice or plain text is not a day', () => {
    // @ts-expect-error an IsoInstant is not an IsoDate
    takesDay(instant);
    // @ts-expect-error toISOString().slice(0, 10) is the UTC day, plain text: not an IsoDate
    takesDay(new Date().toISOString().slice(0, 10));
    // @ts-expect-error a bare literal must go through isoDate() or asIsoDate()
    takesDay('2026-11-23');
    // @ts-expect-error a day is not an instant either
    takesInstant(isoDate('2026-11-23'));
    expect(takesDay(isoDate('2026-11-23'))).toBe('2026-11-23');
    // Any toISOString() is a correct instant, so IsoInstant is a flavour that plain strings may fill.
    expect(takesInstant(new Date(0).toISOString())).toBe('1970-01-01T00:00:00.000Z');
  });
});
