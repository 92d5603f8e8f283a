import { describe, expect, it } from 'vitest';
import { ownerLabels, shortPersonName } from './owner-labels';

describe('owner labels of the customer list', () => {
  it('shortens a name to initial and surname, keeping particles with the surname', () => {
    expect(shortPersonName('Jürgen Krämer')).toBe('J. Krämer');
    expect(shortPersonName('  Jürgen   Weißmüller ')).toBe('J. Weißmüller');
    expect(shortPersonName('Anna-Lena von Berg')).toBe('A. von Berg');
    expect(shortPersonName('Hans Peter van der Meer')).toBe('H. van der Meer');
    expect(shortPersonName('Özlem Yılmaz')).toBe('Ö. Yılmaz');
    expect(shortPersonName('Bench')).toBe('Bench');
    expect(shortPersonName('')).toBe('');
  });

  it('tells two members apart whose first names are the same, and keeps full names where the short ones collide', () => {
    const labels = ownerLabels(new Map([
      ['a', 'Jürgen Krämer'], ['b', 'Jürgen Weißmüller'], ['c', 'Jana Weißmüller'], ['d', 'Sergej'],
    ]));
    expect(labels.get('a')).toBe('J. Krämer');
    expect(labels.get('b')).toBe('Jürgen Weißmüller');
    expect(labels.get('c')).toBe('Jana Weißmüller');
    expect(labels.get('d')).toBe('Sergej');
    expect(new Set(labels.values()).size).toBe(4);
  });
});
