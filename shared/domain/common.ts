import type { Id } from '../time/brand';

// Id, IsoInstant and IsoDate are branded strings made in shared/time; re-exported so domain imports keep working.
export type { Id, IsoDate, IsoInstant } from '../time/brand';

/** Fields every stored row carries. */
export type RowMeta = {
  /** Primary key. */
  id: Id;
  /** Epoch milliseconds of the last local write; sync and "recently changed" rely on it. */
  updatedAt: number;
};

/** Fields of rows that go to the trash first and can be restored. */
export type Trashable = {
  /** Epoch milliseconds when the row was moved to the trash; absent while it is live. */
  deletedAt?: number;
};

/** A new random id (UUID v4); `crypto.randomUUID` exists in browsers, Electron and Node. */
export function newId(): Id {
  return crypto.randomUUID();
}
