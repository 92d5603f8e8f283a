import type { Id, IsoDate, RowMeta } from './common';

/** One purchase by an account: the basis of revenue, repeat customers and lifetime value. */
export type Sale = RowMeta & {
  /** Buying account. */
  accountId: Id;
  /** Invoice day. */
  date: IsoDate;
  /** Net amount in euros. */
  amount: number;
  /** Product line sold. */
  productLine: string;
  /** Deal it came from, if any. */
  dealId?: Id;
};
