import type { Dexie, Transaction } from 'dexie';
import type { Contact, Interaction } from '../../../../shared/domain';
import { interactionWords, nameWords } from '../../history/words';
import { V3_STORES } from './v3';

/**
 * Schema v4 (history search, see ../history-index.ts and ../history-words.ts):
 * - `interactions.words`, a multi-entry index of `<folded word>\u0001<time key>` over subject,
 *   summary, next step, complaint resolution and the names of the contacts involved, so a search is
 *   a prefix walk per word, newest first, instead of an in-memory index built on the first search;
 * - `wordsStale` (sparse) on interactions and contacts: rows whose words must still be re-derived
 *   because the writing transaction could not reach the other table.
 * The upgrade derives the words of every existing row: contact names are read once (id → name
 * words, small), then the interactions are rewritten by Dexie's chunked modify.
 */
export const V4_STORES = {
  interactions: `${V3_STORES.interactions}, *words, wordsStale`,
  contacts: `${V3_STORES.contacts}, wordsStale`,
} as const;

export function migrateV4(db: Dexie): void {
  db.version(4)
    .stores(V4_STORES)
    .upgrade((tx) => deriveInteractionWords(tx));
}

/**
 * Derives `words` of every interaction in an upgrade: contact names are read once (id → name words,
 * small), then the interactions are rewritten by Dexie's chunked modify. v9 runs it again when the
 * search fold changed.
 */
export async function deriveInteractionWords(tx: Transaction): Promise<void> {
  const names = new Map<string, string[]>();
  await tx.table<Contact, string>('contacts').each((c) => {
    const words = nameWords(c);
    if (words.length) names.set(c.id, words);
  });
  await tx
    .table('interactions')
    .toCollection()
    .modify((r: Interaction & { words?: string[] }) => {
      r.words = interactionWords(r, (r.contactIds ?? []).map((id) => names.get(id) ?? []));
    });
}
