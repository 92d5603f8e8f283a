import { useTranslation } from 'react-i18next';
import type { Id } from '../../../shared/domain';
import type { CoverageGroup } from '../../../shared/planning/rhythm';
import { routeToHash, useRouter } from '../../core/router';
import { formatters } from '../../i18n/format';
import { totalCoverage, useCoverage } from '../plan';

type Props = { selfId: Id; isLead: boolean };

/**
 * Visit coverage at a glance on the morning screen: the rep's own book and, for a team lead, the
 * whole team, with the weakest segments named. The full table is on Plan, the team report (with
 * periods and filters) under Reports.
 */
export function CoveragePanel({ selfId, isLead }: Props) {
  const { t, i18n } = useTranslation('today');
  const fmt = formatters(i18n.language);
  const navigate = useRouter((s) => s.navigate);
  const mine = useCoverage(selfId);
  const team = useCoverage(undefined, isLead);
  const line = (label: string, rows: ReturnType<typeof useCoverage>, owner: 'me' | 'all') => {
    if (!rows) return <li>{label}: {t('common:loading')}</li>;
    const total = totalCoverage(rows);
    // Segments below the total, weakest first: where the next visits do the most for coverage.
    const weak = rows.filter((r) => r.share !== null && total.share !== null && r.share < total.share)
      .sort((a, b) => (a.share ?? 0) - (b.share ?? 0)).slice(0, 2);
    // Each figure opens the customer list on exactly the accounts it counts (same predicate: shared/planning/rhythm.ts).
    const link = (group: CoverageGroup, n: number, key: string) => (
      <a href={routeToHash({ page: 'customers', list: { owner, due: group } })}>{t(key, { n: fmt.number(n) })}</a>
    );
    return (
      <li>
        <strong>{label}:</strong>{' '}
        {total.share === null ? t('coverage.none') : t('coverage.share', { share: fmt.percent(total.share) })}
        {weak.length > 0 && (
          <span className="muted">
            {' · '}{t('coverage.weakest', {
              list: weak.map((w) => `${w.segment.split('-')[0]} ${t(`common:accountType.${w.segment.split('-')[1]}`)} ${fmt.percent(w.share ?? 0)}`).join(', '),
            })}
          </span>
        )}
        {total.share !== null && (
          <span className="coverage-counts">
            {link('ok', total.withinRhythm, 'coverage.ok')}{' · '}
            {link('uncovered', total.accounts - total.withinRhythm, 'coverage.uncovered')}{' · '}
            {link('rhythm', total.accounts, 'coverage.all')}
          </span>
        )}
      </li>
    );
  };
  return (
    <section className="panel" aria-labelledby="coverage-summary-title">
      <h2 id="coverage-summary-title">{t('coverage.title')}</h2>
      <ul className="plain-list" aria-busy={!mine || (isLead && !team)}>
        {line(t('coverage.mine'), mine, 'me')}
        {isLead && line(t('coverage.team'), team, 'all')}
      </ul>
      <p className="muted">{t('coverage.definition')}</p>
      <p>
        <button type="button" className="link" onClick={() => navigate({ page: 'plan' })}>{t('coverage.toPlan')}</button>
        {' · '}
        <button type="button" className="link" onClick={() => navigate({ page: 'reports' })}>{t('coverage.toReports')}</button>
      </p>
    </section>
  );
}
