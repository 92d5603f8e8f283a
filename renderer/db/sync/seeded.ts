/**
 * Rows that hold only defaults nobody chose. Older versions wrote the eight default segment rules
 * when the rhythm settings were opened; stamped at that moment they beat the team's chosen rhythm
 * on the first sync of a joining laptop. Such rows are stamped at wall time zero instead
 * (`stampDefaults`), so any chosen value wins. The app no longer writes defaults (it reads them as
 * fallbacks); this only defuses rows already seeded.
 */
import { canonicalJson } from '../../../shared/bytes';
import { defaultSegmentRules } from '../../../shared/domain/segment-defaults';

/** Per table, the default values of a row by id (without `id` and `updatedAt`). */
const DEFAULTS: Record<string, ReadonlyMap<string, Record<string, unknown>>> = {
  segmentRules: new Map(defaultSegmentRules(0).map(({ id, updatedAt: _at, ...values }) => [id, values])),
};

/**
 * True when this row, new to sync, holds exactly the defaults of its table and id (fields in
 * `local` never travel and are ignored). A value explicitly chosen equal to the default is
 * indistinguishable; it then yields to a different value chosen elsewhere, which a laptop that never
 * synced had not seen anyway.
 */
export function isSeededDefault(table: string, row: Record<string, unknown> & { id: string }, local: ReadonlySet<string>): boolean {
  const defaults = DEFAULTS[table]?.get(row.id);
  if (!defaults || typeof row.deletedAt === 'number') return false;
  const names = Object.keys(row).filter((n) => !local.has(n) && row[n] !== undefined && row[n] !== null);
  if (names.length !== Object.keys(defaults).length) return false;
  return names.every((n) => n in defaults && canonicalJson(row[n]) === canonicalJson(defaults[n]));
}
