/** Primary key of every row: a random UUID, so rows made on different laptops never collide. */
export type Id = string;
/** A moment in time, ISO-8601 in UTC, e.g. `2026-11-22T09:30:00.000Z`. */
export type IsoInstant = string;
/** A calendar day without time zone, `YYYY-MM-DD`; the same day on every laptop. */
export type IsoDate = string;

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
