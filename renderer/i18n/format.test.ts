import { describe, expect, it } from 'vitest';
import { formatters } from './format';

describe('formatters', () => {
  const de = formatters('de');
  it('writes German dates, numbers and euros', () => {
    expect(de.date('2026-11-22')).toBe('22.11.2026');
    expect(de.number(1234.56, 2)).toBe('1.234,56');
    expect(de.currency(1234.56).replace(/\s/g, ' ')).toBe('1.234,56 €');
  });
  it('sorts umlauts with their base letters', () => {
    const names = ['Zander', 'Öztürk', 'Ober', 'Ähre', 'Abel'];
    expect([...names].sort(de.compare)).toEqual(['Abel', 'Ähre', 'Ober', 'Öztürk', 'Zander']);
  });
  it('keeps a calendar day on its day', () => {
    expect(formatters('en').date('2026-01-01')).toBe('01/01/2026');
  });
});
