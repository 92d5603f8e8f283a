import type { Id, IsoDate, IsoInstant } from '../domain/common';
import type { Deal, DealStage } from '../domain/deal';
import { DEAL_STAGES, OPEN_STAGES } from '../domain/deal';
import type { Interaction } from '../domain/interaction';
import { effectiveProbability } from '../pipeline/deal';
import { fromDayNumber, parseInstant, toDayNumber, zoneClock } from '../planning/calendar';
import type { Accumulator, Ratio, ReportPeriod } from './common';
import { ratio, runAccumulator } from './common';
import { instantBounds } from './dates';

/** An open offer nobody followed up on for too long. */
export type StaleOffer = {
  dealId: Id;
  accountId: Id;
  ownerId: Id;
  value: number;
  /** Day of the last contact on the offer (follow-up, linked interaction, or sending it). */
  lastTouchDay: IsoDate;
  /** Days from lastTouchDay to today. */
  daysWithoutFollowUp: number;
};

/** Open deals, funnel, offers without follow-up and sales cycle. */
export type PipelineKpis = {
  /** Deals open today (stages lead…negotiation): a snapshot, independent of the period. */
  openDeals: { count: number; value: number; weightedValue: number };
  /** Deals created in the period, by their current stage (DEAL_STAGES order). */
  funnel: { stages: DealStage[]; counts: number[]; values: number[] };
  /** Open offers (offer sent / negotiation) without follow-up for ≥ N days, longest first. */
  staleOffers: { days: number; count: number; value: number; deals: StaleOffer[] };
  /** Offers lost in the period that had no follow-up after being sent, ÷ offers lost in the period. */
  lostWithoutFollowUp: Ratio;
  /** Won in the period: average days from created to won (Σ days ÷ won deals), and the median. */
  salesCycle: { average: Ratio; medianDays: number | null };
};

/**
 * Latest done interaction linked to each deal (`dealId`). Feed it every live interaction of the
 * scoped accounts regardless of the rep filter: a colleague's follow-up still counts.
 */
export function dealTouchAccumulator(): Accumulator<Interaction, Map<Id, IsoInstant>> {
  const latest = new Map<Id, IsoInstant>();
  return {
    add(i) {
      if (i.dealId === undefined || i.status !== 'done' || i.deletedAt !== undefined) return;
      const prev = latest.get(i.dealId);
      if (prev === undefined || i.at > prev) latest.set(i.dealId, i.at);
    },
    result: () => latest,
  };
}

export function dealTouches(interactions: readonly Interaction[]): Map<Id, IsoInstant> {
  return runAccumulator(interactions, dealTouchAccumulator());
}

function maxInstant(a: IsoInstant | undefined, b: IsoInstant | undefined): IsoInstant | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

function median(sorted: number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Whether a deal is an offer: it was sent, or it sits in an offer stage. */
function isOffer(d: Deal): boolean {
  return d.offerSentAt !== undefined || d.stage === 'offer_sent' || d.stage === 'negotiation';
}

/**
 * Pipeline KPIs over the filtered deals; one pass plus a sort of the won and stale deals.
 * `touches` comes from `dealTouches`; `followUpDays` is N in "no follow-up for N days" (≥ N flags).
 * Instants count on their local day in `filter.tz` (default the laptop's zone), like `today`.
 */
export function pipelineKpis(
  deals: readonly Deal[],
  touches: ReadonlyMap<Id, IsoInstant>,
  filter: ReportPeriod,
  today: IsoDate,
  followUpDays = 14,
): PipelineKpis {
  let openCount = 0;
  let openValue = 0;
  let weighted = 0;
  const stageIndex = new Map<DealStage, number>(DEAL_STAGES.map((s, i) => [s, i]));
  const counts = DEAL_STAGES.map(() => 0);
  const values = DEAL_STAGES.map(() => 0);
  const stale: StaleOffer[] = [];
  let lostOffers = 0;
  let lostUnfollowed = 0;
  const cycles: number[] = [];
  let cycleSum = 0;
  const clock = zoneClock(filter.tz);
  const { lo, hi } = instantBounds(filter.from, filter.to, clock);
  const todayNumber = toDayNumber(today);
  const dayNumberOf = (at: IsoInstant): number => clock.dayNumberAt(parseInstant(at));

  for (const d of deals) {
    if (d.deletedAt !== undefined) continue;
    if (d.createdAt >= lo && d.createdAt < hi) {
      const k = stageIndex.get(d.stage) ?? 0;
      counts[k] = (counts[k] ?? 0) + 1;
      values[k] = (values[k] ?? 0) + d.value;
    }
    if (OPEN_STAGES.has(d.stage)) {
      const p = effectiveProbability(d);
      openCount += 1;
      openValue += d.value;
      weighted += (d.value * p) / 100;
      if (isOffer(d)) {
        const last = maxInstant(maxInstant(d.lastFollowUpAt, d.offerSentAt), touches.get(d.id)) ?? d.createdAt;
        const lastDay = dayNumberOf(last);
        const days = todayNumber - lastDay;
        if (days >= followUpDays) {
          stale.push({ dealId: d.id, accountId: d.accountId, ownerId: d.ownerId, value: d.value, lastTouchDay: fromDayNumber(lastDay), daysWithoutFollowUp: days });
        }
      }
      continue;
    }
    const closed = d.closedAt;
    if (closed === undefined || closed < lo || closed >= hi) continue;
    if (d.stage === 'won') {
      const days = Math.max(0, dayNumberOf(closed) - dayNumberOf(d.createdAt));
      cycles.push(days);
      cycleSum += days;
    } else if (d.stage === 'lost' && d.offerSentAt !== undefined) {
      lostOffers += 1;
      const after = maxInstant(d.lastFollowUpAt, touches.get(d.id));
      if (after === undefined || after <= d.offerSentAt) lostUnfollowed += 1;
    }
  }
  stale.sort((a, b) => b.daysWithoutFollowUp - a.daysWithoutFollowUp || b.value - a.value);
  cycles.sort((a, b) => a - b);
  let staleValue = 0;
  for (const s of stale) staleValue += s.value;
  return {
    openDeals: { count: openCount, value: openValue, weightedValue: weighted },
    funnel: { stages: [...DEAL_STAGES], counts, values },
    staleOffers: { days: followUpDays, count: stale.length, value: staleValue, deals: stale },
    lostWithoutFollowUp: ratio(lostUnfollowed, lostOffers),
    salesCycle: { average: ratio(cycleSum, cycles.length), medianDays: median(cycles) },
  };
}
