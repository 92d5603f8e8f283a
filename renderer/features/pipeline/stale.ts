import type { Deal, Id, Interaction, IsoDate } from '../../../shared/domain';
import { dealTouches, pipelineKpis } from '../../../shared/kpi';

/**
 * Days without follow-up of every flagged offer, by deal id — the same rule as the report's
 * "offers without follow-up" KPI (follow-up, linked interaction or sending the offer; ≥ N days).
 */
export function staleOffers(deals: readonly Deal[], linked: readonly Interaction[], today: IsoDate, days: number): Map<Id, number> {
  const kpis = pipelineKpis(deals, dealTouches(linked), { from: today, to: today }, today, days);
  return new Map(kpis.staleOffers.deals.map((s) => [s.dealId, s.daysWithoutFollowUp]));
}
