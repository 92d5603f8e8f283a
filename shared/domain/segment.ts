import type { AccountType, Category } from './account';
import type { Id, RowMeta } from './common';
import type { InteractionType } from './interaction';

/** Key of a segment, e.g. `A-expand`. */
export type SegmentKey = `${Category}-${AccountType}`;

export function segmentKey(category: Category, accountType: AccountType): SegmentKey {
  return `${category}-${accountType}`;
}

/** How often a segment is contacted; the row id is its SegmentKey. */
export type SegmentRule = RowMeta & {
  /** Revenue category of the segment. */
  category: Category;
  /** Expand or Maintain. */
  accountType: AccountType;
  /** Days between human contacts (visit or long call). */
  humanDays: number;
  /** Days between digital contacts (newsletter, e-mail). */
  digitalDays: number;
};

/** One step of a yearly activity plan. */
export type ActivityStep = {
  /** Quarter 1–4 in which it falls. */
  quarter: 1 | 2 | 3 | 4;
  /** Kind of activity to plan. */
  type: InteractionType;
  /** Title of the planned task, e.g. "Roadmap-Review". */
  title: string;
};

/** A segment's yearly sequence of planned activities. */
export type ActivityPlan = RowMeta & {
  /** Segment it applies to. */
  segment: SegmentKey;
  /** Name shown in settings. */
  name: string;
  /** Steps in order. */
  steps: ActivityStep[];
  /** Whether it generates tasks. */
  enabled: boolean;
  /** Team member who last generated tasks from it. */
  generatedBy?: Id;
};
