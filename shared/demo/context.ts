import type { SegmentKey, SegmentRule, TeamMember } from '../domain';
import { DAY_MS } from './dates';
import type { SourceInfo } from './team';

/** Everything the per-account generators share; built once per run. */
export type GenContext = {
  /** The run's seed. */
  seed: number;
  /** Epoch day of `today`; history ends the day before. */
  todayDay: number;
  /** First epoch day of the two-year history. */
  windowStart: number;
  /**
   * Latest `updatedAt` any generated row may carry: 22:00 UTC the evening before `today`. Every real
   * edit made on `today` or later is newer, so last-writer-wins sync never lets demo rows beat it.
   */
  stampCap: number;
  /** Team members, the seat's user first. */
  team: TeamMember[];
  /** Lead sources with their periods. */
  sources: SourceInfo[];
  /** Segment rules by key. */
  rules: Map<SegmentKey, SegmentRule>;
};

/** Length of the generated history in days. */
export const HISTORY_DAYS = 730;

/** Epoch ms of a moment, never later than the context's stamp cap (for `updatedAt`). */
export function stampOf(ctx: GenContext, ms: number): number {
  return Math.min(Math.round(ms), ctx.stampCap);
}

/** Epoch ms of an epoch day at hh:mm UTC. */
export function msAt(day: number, hour: number, minute = 0): number {
  return day * DAY_MS + (hour * 60 + minute) * 60_000;
}
