import type { Account } from './account';
import type { Id, IsoInstant, RowMeta } from './common';

/** One merge of two accounts, with everything needed to undo it. */
export type MergeRecord = RowMeta & {
  /** When it ran. */
  at: IsoInstant;
  /** The account that stays. */
  survivorId: Id;
  /** The account merged into it (moved to the trash). */
  loserId: Id;
  /** The survivor as it was before the merge. */
  survivorBefore: Account;
  /** The loser as it was before the merge. */
  loserBefore: Account;
  /** Ids of rows moved from the loser to the survivor, per table. */
  moved: { contacts: Id[]; interactions: Id[]; deals: Id[]; sales: Id[]; referrals: Id[] };
  /** Set once undone. */
  undoneAt?: IsoInstant;
};
