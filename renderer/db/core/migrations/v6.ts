import type { Dexie } from 'dexie';
import { builtMeta, DOCS, POSTINGS } from '../../history/postings';

/**
 * Schema v6 (history search postings, see ../history-postings.ts):
 * - `postings`, keyed `k` = `<four-week block>\u0001<word>` (long lists in parts): per block and word
 *   the doc numbers (and times) of the interactions containing it, so several words intersect a few
 *   small lists per block;
 * - `postDocs`, interaction id → doc number `n` (unique index: doc number → id).
 * The upgrade only creates the stores: posting a million existing rows takes about a minute, so
 * ../history-postings-build.ts does it in the background after the app opened (the search walks the
 * `words` index meanwhile). A new database has nothing to post: it starts built.
 */
export const V6_STORES = {
  [POSTINGS]: 'k',
  [DOCS]: 'id, &n',
} as const;

export function migrateV6(db: Dexie): void {
  db.version(6).stores(V6_STORES);
  db.on('populate', (tx) => {
    void tx.table(POSTINGS).put(builtMeta(0));
  });
}
