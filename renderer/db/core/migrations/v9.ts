import type { Dexie } from 'dexie';
import { DOCS, emptyMeta, META, POSTINGS, type PostMeta } from '../../history/postings';
import { deriveInteractionWords } from './v4';

/**
 * Schema v9: the search fold changed (shared/text/normalize: "Müller", "Mueller" and "Muller" are one
 * key, "Str." is "Straße"), so the history search words stored on every interaction (history/words.ts)
 * and the block postings derived from them hold keys no query makes any more ("mueller" where a query
 * now asks for "muller"). No index changes; the upgrade derives the words again, as v4 did:
 * - the postings and doc numbers are emptied first, so nothing of the old words is left behind;
 * - contact names are read once (id → name words), then every interaction is rewritten by Dexie's
 *   chunked modify; the postings middleware posts each rewritten row with its new words, so once the
 *   upgrade is done every row is posted and the postings count as built (no background build; opened
 *   without that middleware, the rows stay unposted and history/postings-build.ts posts them).
 * Cost: one rewrite of the history at the first start of this version, as v4's upgrade did.
 */
export function migrateV9(db: Dexie): void {
  db.version(9)
    .stores({})
    .upgrade(async (tx) => {
      await Promise.all([tx.table(POSTINGS).clear(), tx.table(DOCS).clear()]);
      await tx.table(POSTINGS).put(emptyMeta());
      await deriveInteractionWords(tx);
      // Opened without the postings middleware (no app path does), rows stay unposted: the background build posts them.
      const [posted, rows] = await Promise.all([tx.table(DOCS).count(), tx.table('interactions').count()]);
      if (posted < rows) return;
      const meta = (await tx.table(POSTINGS).get(META)) as PostMeta;
      await tx.table(POSTINGS).put({ ...meta, built: true, after: undefined });
    });
}
