import type { ColumnMapping, TargetField } from './fields';
import { GENERIC_KEYS, SYNONYMS, headerKey } from './synonyms';

export * from './fields';
export { buildRecords, type BuildOptions, type BuildResult, type ImportRecord } from './records';
export { inspectColumns, type ColumnQuestion } from './inspect';

/** Folded header → targets it may mean, in table order. */
let index: Map<string, TargetField[]> | undefined;

function synonymIndex(): Map<string, TargetField[]> {
  if (index) return index;
  index = new Map();
  for (const [target, words] of Object.entries(SYNONYMS) as [TargetField, readonly string[]][]) {
    for (const word of words) {
      const key = headerKey(word);
      index.set(key, [...(index.get(key) ?? []), target]);
    }
  }
  return index;
}

/**
 * Suggests a target for each column from its header. Each target is used once (the first column wins,
 * so Outlook's "E-Mail-Adresse" beats "E-Mail 2: Adresse"). Specific headers are placed first; then the
 * generic ones: "Name" is the contact's last name when a first-name column exists, else the account
 * name; "Telefon"/"E-Mail"/"Notizen" belong to the contact when the file has person columns, else to
 * the account.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKey);
  const mapping: ColumnMapping = headers.map(() => null);
  const taken = new Set<TargetField>();
  const place = (col: number, target: TargetField) => {
    if (taken.has(target)) return false;
    mapping[col] = target;
    taken.add(target);
    return true;
  };
  keys.forEach((key, col) => {
    if (GENERIC_KEYS.has(key)) return;
    const target = synonymIndex().get(key)?.[0];
    if (target) place(col, target);
  });
  const hasPerson = taken.has('contact.firstName') || taken.has('contact.lastName');
  keys.forEach((key, col) => {
    if (!GENERIC_KEYS.has(key)) return;
    const targets = synonymIndex().get(key) ?? [];
    if (key === 'name') {
      if (!(taken.has('contact.firstName') && place(col, 'contact.lastName'))) place(col, 'account.name');
      return;
    }
    const preferred = targets.filter((t) => t.startsWith(hasPerson ? 'contact.' : 'account.'));
    for (const t of [...preferred, ...targets]) if (place(col, t)) return;
  });
  return mapping;
}

/** Targets used by more than one column: the UI must not let the user confirm such a mapping. */
export function duplicateTargets(mapping: ColumnMapping): TargetField[] {
  const seen = new Set<TargetField>();
  const dups = new Set<TargetField>();
  for (const t of mapping) if (t) (seen.has(t) ? dups : seen).add(t);
  return [...dups];
}
