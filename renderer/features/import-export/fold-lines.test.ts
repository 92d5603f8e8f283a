import { describe, expect, it } from 'vitest';
import { indexExisting, planImport } from '../../../shared/import/duplicates';
import type { ImportRecord } from '../../../shared/import/records';
import { foldCounts, foldLines } from './fold-lines';

const records: ImportRecord[] = [
  { row: 2, account: { name: 'Bauer KG', postalCode: '50667', customerNumber: 'K-1' } },
  { row: 3, account: { name: 'Bauer KG', postalCode: '50667', customerNumber: 'K-1' } },
  { row: 4, account: { name: 'Müller KG', postalCode: '80331' } },
  { row: 5, account: { name: 'Baur KG', postalCode: '50667' } },
];
const existing = indexExisting([{ id: 'm', name: 'Müller GmbH', postalCode: '80331' }], []);

describe('the preview lists every proposed fold, kept apart or not', () => {
  it('lists name-and-place guesses first, and keeps a kept-apart row in the list, marked', () => {
    const proposed = planImport(records, existing, 'skip').folds;
    expect(foldLines(proposed, proposed, []).map((l) => [l.row, l.by, l.keptApart])).toEqual([
      [4, 'same_name_place', false], [5, 'same_name_place', false], [3, 'same_number', false],
    ]);
    const kept = planImport(records, existing, 'skip', { keepApart: new Set([4]) });
    const lines = foldLines(kept.folds, proposed, [4]);
    expect(lines.map((l) => [l.row, l.into.name, l.keptApart])).toEqual([[4, 'Müller GmbH', true], [5, 'Bauer KG', false], [3, 'Bauer KG', false]]);
    expect(foldCounts(lines)).toEqual({ total: 2, byNumber: 1, byNamePlace: 1 });
    expect(kept.toCreate.filter((c) => c.table === 'accounts').map((c) => c.row)).toEqual([2, 4]);
  });
});
