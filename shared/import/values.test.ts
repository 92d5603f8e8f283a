import { describe, expect, it } from 'vitest';
import { cleanPhone, detectDateOrder, detectNumberStyle, parseBirthday, parseDate, parseNumber } from './values';

describe('numbers', () => {
  it('detects the style per column, falling back to the locale when every value is ambiguous', () => {
    expect(detectNumberStyle(['1.234', '1.234,56'], 'dot')).toBe('comma');
    expect(detectNumberStyle(['1,234', '1,234.56'], 'comma')).toBe('dot');
    expect(detectNumberStyle(['99,5'], 'dot')).toBe('comma');
    expect(detectNumberStyle(['1.234', '', '2.000'], 'comma')).toBe('comma');
    expect(detectNumberStyle(['1.234'], 'dot')).toBe('dot');
  });

  it('parses both styles, with € and spaces, and rejects what does not fit', () => {
    expect(parseNumber('1.234,56', 'comma')).toBe(1234.56);
    expect(parseNumber('1.234.567,5 €', 'comma')).toBe(1234567.5);
    expect(parseNumber('-99,5', 'comma')).toBe(-99.5);
    expect(parseNumber('1,234.56', 'dot')).toBe(1234.56);
    expect(parseNumber('12000', 'dot')).toBe(12000);
    expect(parseNumber('1,2,3', 'comma')).toBeUndefined();
    expect(parseNumber('abc', 'dot')).toBeUndefined();
    expect(parseNumber('1.23,4', 'comma')).toBeUndefined();
  });
});

describe('dates', () => {
  it('parses the three formats', () => {
    expect(parseDate('22.11.2026', 'mdy')).toBe('2026-11-22');
    expect(parseDate('2026-11-22', 'dmy')).toBe('2026-11-22');
    expect(parseDate('2026-11-22T10:00:00Z', 'dmy')).toBe('2026-11-22');
    expect(parseDate('11/22/2026', 'mdy')).toBe('2026-11-22');
    expect(parseDate('22/11/2026', 'dmy')).toBe('2026-11-22');
    expect(parseDate('1.2.2026', 'dmy')).toBe('2026-02-01');
  });

  it('rejects impossible days', () => {
    expect(parseDate('31.02.2026', 'dmy')).toBeUndefined();
    expect(parseDate('29.02.2027', 'dmy')).toBeUndefined();
    expect(parseDate('29.02.2028', 'dmy')).toBe('2028-02-29');
    expect(parseDate('22/11/2026', 'mdy')).toBeUndefined();
  });

  it('reports slashed columns that fit both orders as ambiguous', () => {
    expect(detectDateOrder(['01/02/2026', '03/04/2026'])).toEqual({ order: undefined, ambiguous: true, conflicting: false });
    expect(detectDateOrder(['01/02/2026', '11/22/2026'])).toEqual({ order: 'mdy', ambiguous: false, conflicting: false });
    expect(detectDateOrder(['22/11/2026', '01/02/2026'])).toEqual({ order: 'dmy', ambiguous: false, conflicting: false });
    expect(detectDateOrder(['22/11/2026', '11/22/2026']).conflicting).toBe(true);
    expect(detectDateOrder(['22.11.2026', '2026-01-02'])).toEqual({ order: undefined, ambiguous: false, conflicting: false });
  });
});

describe('birthdays', () => {
  it('parses with and without year', () => {
    expect(parseBirthday('22.11.1985', 'dmy')).toEqual({ day: 22, month: 11, year: 1985 });
    expect(parseBirthday('19851122', 'dmy')).toEqual({ day: 22, month: 11, year: 1985 });
    expect(parseBirthday('22.11.', 'dmy')).toEqual({ day: 22, month: 11 });
    expect(parseBirthday('--11-22', 'dmy')).toEqual({ day: 22, month: 11 });
    expect(parseBirthday('--1122', 'dmy')).toEqual({ day: 22, month: 11 });
    expect(parseBirthday('11/22', 'mdy')).toEqual({ day: 22, month: 11 });
    expect(parseBirthday('29.02.', 'dmy')).toEqual({ day: 29, month: 2 });
  });

  it('treats Outlook placeholders as empty and rejects invalid days', () => {
    expect(parseBirthday('0.0.00', 'dmy')).toBeNull();
    expect(parseBirthday('1/0/00', 'mdy')).toBeNull();
    expect(parseBirthday('31.11.', 'dmy')).toBeUndefined();
    expect(parseBirthday('32.01.1990', 'dmy')).toBeUndefined();
    expect(parseBirthday('gestern', 'dmy')).toBeUndefined();
  });
});

it('keeps phone numbers as text', () => {
  expect(cleanPhone(' +49 170 1234567 ')).toBe('+49 170 1234567');
  expect(cleanPhone('0049 (0)89/12-34')).toBe('0049 (0)89/12-34');
  expect(cleanPhone('+49 351 4455 ::: +49 351 4456')).toBe('+49 351 4455');
});
