import type { Id, IsoInstant, RowMeta } from './common';

/** What the user did with a reminder; the id is the reminder's stable key. */
export type ReminderState = RowMeta & {
  /** `done` never shows again; `snoozed` returns after `snoozedUntil`. */
  state: 'done' | 'snoozed';
  /** When a snoozed reminder comes back. */
  snoozedUntil?: IsoInstant;
};

/** A key–value setting; the id is the setting's name. */
export type Setting = RowMeta & {
  /** JSON-serialisable value. */
  value: unknown;
};

/** A setting the whole team shares (synced, unlike `Setting`); the id is its name, e.g. `leadScoreBands`. */
export type TeamSetting = RowMeta & {
  /** JSON-serialisable value; it travels and merges as a whole. */
  value: unknown;
};

/** A form's unsaved input, so a crash or closed window loses nothing; id is the form key. */
export type Draft = RowMeta & {
  /** The form's field values. */
  payload: unknown;
};

/** A named filter/sort/column set of a list. */
export type SavedView = RowMeta & {
  /** Which list it belongs to, e.g. `customers`. */
  list: string;
  /** Name shown to the user. */
  name: string;
  /** The list's state (filters, sorting, columns). */
  state: unknown;
};

/** One import run, so it can be undone as a whole. */
export type ImportBatch = RowMeta & {
  /** When it ran. */
  at: IsoInstant;
  /** File it came from. */
  fileName: string;
  /** Ids of rows it created, per table. */
  created: Record<string, Id[]>;
  /** Rows it changed, per table, as they were before. */
  previous: Record<string, unknown[]>;
  /** Set once undone. */
  undoneAt?: IsoInstant;
};

/** An automation rule ("deal above X creates a call task"). */
export type AutomationRule = RowMeta & {
  /** Which built-in rule. */
  kind: 'deal_value_call' | 'won_deal_followup' | 'birthday_greeting';
  /** Its parameters (threshold, days…). */
  params: Record<string, number | string>;
  /** Whether it runs. */
  enabled: boolean;
};
