import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import { leadBand, scoreLead, scoreLeads, type LeadScoreBands } from '../../../shared/scoring';
import { todayIso } from '../../../shared/time/today';
import { useLive } from '../../db/core/live';
import { getLeadScoreBands, getLeadScoreRules, loadAccountScoringInput, loadLeadScoringInput } from '../../db/pipeline/admin';

/** Accounts that have a lead score: leads and prospects (a customer is ranked by revenue, not by this). */
export const isScored = (a: Pick<Account, 'lifecycle'>): boolean => a.lifecycle === 'lead' || a.lifecycle === 'prospect';

/** Every lead's score total by account id, with the band limits; undefined while read or when not `enabled`. */
export type LeadScores = { totals: ReadonlyMap<string, number>; bands: LeadScoreBands };

/**
 * Scores of all live leads and prospects, kept current (rules, limits, interactions, deals).
 * `enabled` false reads nothing: the customer list asks only while its score column is shown or sorted.
 */
export function useLeadScores(enabled: boolean): LeadScores | undefined {
  const input = useLive(() => (enabled ? loadLeadScoringInput() : undefined), [enabled]);
  const rules = useLive(getLeadScoreRules);
  const bands = useLive(getLeadScoreBands);
  const today = todayIso();
  return useMemo(() => {
    if (!input || !rules || !bands) return undefined;
    const scores = scoreLeads(input.leads, input, rules, today);
    const totals = new Map<string, number>();
    for (const [id, s] of scores) totals.set(id, s.total);
    return { totals, bands };
  }, [input, rules, bands, today]);
}

/** "Lead-Score 55 · heiß" for a lead or prospect; nothing for other accounts. */
export function LeadScoreBadge({ account }: { account: Account }) {
  const { t } = useTranslation('pipeline');
  const scored = isScored(account);
  const input = useLive(() => (scored ? loadAccountScoringInput(account.id) : undefined), [account.id, scored]);
  const rules = useLive(getLeadScoreRules);
  const bands = useLive(getLeadScoreBands);
  const today = todayIso();
  const score = useMemo(() => {
    if (!input || !rules) return undefined;
    const leadSources = new Map(input.leadSources.map((s) => [s.id, s] as const));
    return scoreLead(account, { today, interactions: input.interactions, deals: input.deals, leadSources }, rules);
  }, [account, input, rules, today]);
  if (!scored || score === undefined || bands === undefined) return null;
  const band = leadBand(score.total, bands);
  return (
    <span className={`badge lead-band lead-${band}`} title={t('bandDefinition', { hot: bands.hot, warm: bands.warm })}>
      {t('scoreBadge', { score: score.total, band: t(`band.${band}`) })}
    </span>
  );
}
