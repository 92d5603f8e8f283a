/**
 * How much text each field takes, the same wherever the text comes from: the forms (through the
 * zod schemas beside this file), the import, and the commands that write interactions. A visit
 * report and an account note are both "long text": about 20 printed pages, far beyond a real note
 * and far below what would slow the history search or a sync segment.
 */
export const TEXT_MAX = {
  /** Account name, street, one-line texts. */
  line: 200,
  /** Customer number (Kundennr.). */
  customerNumber: 40,
  /** City; a person's first or last name; a position. */
  short: 100,
  /** A title such as "Prof. Dr.". */
  title: 40,
  /** Notes, visit summaries, next steps. */
  long: 20_000,
} as const;
