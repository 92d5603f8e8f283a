import type { Account } from '../domain/account';
import { ACCOUNT_TYPES, CATEGORIES } from '../domain/account';
import type { Id, IsoDate } from '../domain/common';
import type { Interaction } from '../domain/interaction';
import type { SegmentKey } from '../domain/segment';
import { zoneClock } from '../planning/calendar';
import type { Accumulator, Ratio } from './common';
import { localMidnight } from './dates';
import { ratio, runAccumulator } from './common';
import type { AccountAccumulator } from './lifecycle';
import { MEETING_TYPES } from './meetings';

/**
 * Whether the account's last human contact is within its contact rhythm today; null when no
 * rhythm applies (the account is then left out). Supplied by shared/planning.
 */
export type RhythmCheck = (account: Account, today: IsoDate) => boolean | null;

export type SegmentCoverage = {
  segment: SegmentKey;
  /** Accounts contacted within their rhythm ÷ accounts with a rhythm. */
  covered: Ratio;
  /** Accounts for which no rhythm applies. */
  noRhythm: number;
};

export type RepOverdue = {
  repId: Id;
  /** Owned accounts with a rhythm. */
  accounts: number;
  /** Owned accounts outside their rhythm (due or overdue for a contact). */
  overdueAccounts: number;
  /** Planned visits/meetings of this person dated before today and still planned. */
  missedVisits: number;
};

export type CoverageKpis = {
  /** All eight segments in A-expand, A-maintain, B-expand… order, also empty ones. */
  bySegment: SegmentCoverage[];
  /** All segments together. */
  total: Ratio;
  /** Per rep, sorted by id: accounts by owner, missed visits by who was to visit. */
  byRep: RepOverdue[];
};

const SEGMENTS: SegmentKey[] = CATEGORIES.flatMap((c) => ACCOUNT_TYPES.map((t) => `${c}-${t}` as SegmentKey));

/**
 * Planned visits and meetings left in the past (a local day before `today` in `tz`, default the
 * laptop's zone), per person. Feed the filtered interactions.
 */
export function missedVisitsAccumulator(today: IsoDate, tz?: string): Accumulator<Interaction, Map<Id, number>> {
  const missed = new Map<Id, number>();
  // A canonical instant sorts before today's local midnight exactly when its local day is earlier.
  const start = localMidnight(today, zoneClock(tz));
  return {
    add(i) {
      if (i.status !== 'planned' || !MEETING_TYPES.has(i.type)) return;
      if (i.at < start) missed.set(i.userId, (missed.get(i.userId) ?? 0) + 1);
    },
    result: () => missed,
  };
}

/**
 * Visit coverage per segment and overdue accounts per rep. Counts live accounts that are not
 * archived and not former customers; `isWithinRhythm` decides the rest. Feed the filtered accounts.
 */
export function coverageAccumulator(
  isWithinRhythm: RhythmCheck,
  today: IsoDate,
  missedVisits: ReadonlyMap<Id, number> = new Map(),
): AccountAccumulator<CoverageKpis> {
  const seg = new Map<SegmentKey, { ok: number; all: number; none: number }>(SEGMENTS.map((s) => [s, { ok: 0, all: 0, none: 0 }]));
  const reps = new Map<Id, { accounts: number; overdue: number }>();
  let ok = 0;
  let all = 0;
  return {
    add(a) {
      if (a.archived || a.lifecycle === 'former' || a.deletedAt !== undefined) return;
      const s = seg.get(`${a.category}-${a.accountType}`);
      const within = isWithinRhythm(a, today);
      if (within === null) {
        if (s) s.none += 1;
        return;
      }
      let r = reps.get(a.ownerId);
      if (r === undefined) {
        r = { accounts: 0, overdue: 0 };
        reps.set(a.ownerId, r);
      }
      r.accounts += 1;
      all += 1;
      if (s) s.all += 1;
      if (within) {
        ok += 1;
        if (s) s.ok += 1;
      } else r.overdue += 1;
    },
    result() {
      const repIds = new Set<Id>([...reps.keys(), ...missedVisits.keys()]);
      return {
        bySegment: SEGMENTS.map((segment) => {
          const s = seg.get(segment) ?? { ok: 0, all: 0, none: 0 };
          return { segment, covered: ratio(s.ok, s.all), noRhythm: s.none };
        }),
        total: ratio(ok, all),
        byRep: [...repIds].sort().map((repId) => ({
          repId,
          accounts: reps.get(repId)?.accounts ?? 0,
          overdueAccounts: reps.get(repId)?.overdue ?? 0,
          missedVisits: missedVisits.get(repId) ?? 0,
        })),
      };
    },
  };
}

/** Coverage straight from the filtered accounts; one pass. */
export function coverageKpis(
  accounts: readonly Account[],
  isWithinRhythm: RhythmCheck,
  today: IsoDate,
  missedVisits: ReadonlyMap<Id, number> = new Map(),
): CoverageKpis {
  const acc = coverageAccumulator(isWithinRhythm, today, missedVisits);
  for (const a of accounts) acc.add(a, { sales: undefined, leadDay: undefined, customerDay: undefined });
  return acc.result();
}

export function missedVisits(interactions: readonly Interaction[], today: IsoDate, tz?: string): Map<Id, number> {
  return runAccumulator(interactions, missedVisitsAccumulator(today, tz));
}
