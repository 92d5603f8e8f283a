import { describe, expect, it } from 'vitest';
import { formatters } from './format';

describe('formatters', () => {
  const de = formatters('de');
  it('writes German dates, numbers and euros', () => {
    expect(de.date('2026-11-22')).toBe('22.11.2026');
    expect(de.number(1234.56, 2)).toBe('1.234,56');
    expect(de.currency(1234.56).replace(/\s/g, ' ')).toBe('1.234,56 €');
  });
  it('writes road km and driving time the way a German route sheet does', () => {
    expect(de.km(1234.4)).toBe('1.234 km');
    expect(de.km(7.25)).toBe('7,3 km');
    expect(formatters('en').km(1234.4)).toBe('1,234 km');
    expect(de.duration(135)).toBe('2 h 15 min');
    expect(de.duration(44.6)).toBe('45 min');
    expect(de.duration(120)).toBe('2 h');
    expect(de.duration(0)).toBe('0 min');
  });
  it('sorts umlauts with their base letters', () => {
    const names = ['Zander', 'Öztürk', 'Ober', 'Ähre', 'Abel'];
    expect([...names].sort(de.compare)).toEqual(['Abel', 'Ähre', 'Ober', 'Öztürk', 'Zander']);
  });
  it('keeps a calendar day on its day', () => {
    expect(formatters('en').date('2026-01-01')).toBe('01/01/2026');
  });
});
