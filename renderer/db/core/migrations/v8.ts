import type { Dexie } from 'dexie';
import { V3_STORES } from './v3';

/**
 * Schema v8: `interactions` loses the multi-entry index `*words` (schema v4). Each interaction had
 * about eleven entries in it, as many as in all its other indexes together, and since schema v6 the
 * block postings (../history-postings.ts) hold the same words compactly: every history search now
 * reads those, and a bulk write (a demo load, an import, a restore) no longer writes an index entry
 * per word. The `words` field stays on the rows (the postings are derived from it, and the search
 * checks each row against the query with it), and so does the sparse `wordsStale` index. The upgrade
 * only deletes the index: nothing is rewritten.
 */
export const V8_STORES = {
  interactions: `${V3_STORES.interactions}, wordsStale, [type+complaint.status]`,
} as const;

export function migrateV8(db: Dexie): void {
  db.version(8).stores(V8_STORES);
}
