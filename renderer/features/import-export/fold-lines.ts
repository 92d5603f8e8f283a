import type { Fold } from '../../../shared/import/duplicates';

/** One line of the preview's fold list: a proposed fold, and whether the user keeps the row apart. */
export type FoldLine = Fold & { keptApart: boolean };

/**
 * The folds the preview lists: those the plan still makes, plus the rows kept apart (with the fold
 * they were kept from, so their checkbox stays where it was). Guesses by name and place come first,
 * since those are the ones to check; folds by the same customer number follow; each part by row.
 */
export function foldLines(folds: readonly Fold[], proposed: readonly Fold[], keepApart: readonly number[]): FoldLine[] {
  const apart = new Set(keepApart);
  const lines: FoldLine[] = folds.filter((f) => !apart.has(f.row)).map((f) => ({ ...f, keptApart: false }));
  for (const f of proposed) if (apart.has(f.row)) lines.push({ ...f, keptApart: true });
  const rank = (f: Fold) => (f.by === 'same_name_place' ? 0 : 1);
  return lines.sort((a, b) => rank(a) - rank(b) || a.row - b.row);
}

/** How many lines fold for each reason (kept-apart lines not counted): the list's summary line. */
export function foldCounts(lines: readonly FoldLine[]): { total: number; byNumber: number; byNamePlace: number } {
  const active = lines.filter((l) => !l.keptApart);
  const byNumber = active.filter((l) => l.by === 'same_number').length;
  return { total: active.length, byNumber, byNamePlace: active.length - byNumber };
}
