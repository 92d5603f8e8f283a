import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leadBand, scoreLeads, type LeadScoreRule } from '../../../shared/scoring';
import { todayIso } from '../../../shared/time/today';
import { useLive } from '../../db/core/live';
import { getLeadScoreBands, getLeadScoreRules, loadLeadScoringInput, saveLeadScoreRules } from '../../db/pipeline/admin';
import { formatters } from '../../i18n/format';
import { BandsEditor } from './BandsEditor';

/** Leads ranked by score (sortable), each score explained by its rules; the points are editable. */
export function LeadsPanel() {
  const { t, i18n } = useTranslation('pipeline');
  const fmt = formatters(i18n.language);
  const input = useLive(loadLeadScoringInput);
  const rules = useLive(getLeadScoreRules);
  const bands = useLive(getLeadScoreBands);
  const [byName, setByName] = useState(false);
  const [editing, setEditing] = useState(false);
  const today = todayIso();
  const rows = useMemo(() => {
    if (!input || !rules) return [];
    const scores = scoreLeads(input.leads, input, rules, today);
    const out = input.leads.map((a) => ({ account: a, score: scores.get(a.id) ?? { total: 0, parts: [] } }));
    return out.sort((x, y) => (byName ? 0 : y.score.total - x.score.total) || fmt.compare(x.account.name, y.account.name));
  }, [input, rules, today, byName, fmt]);
  const ruleName = (r: LeadScoreRule | undefined, id: string) => (r ? t(`rule.${r.kind}`, { defaultValue: id }) + ruleDetail(r) : id);
  return (
    <section className="panel wide" aria-labelledby="leads-title">
      <h2 id="leads-title">{t('leadsTitle')}</h2>
      <div className="row-actions">
        <button type="button" aria-pressed={!byName} onClick={() => setByName(false)}>{t('sortScore')}</button>
        <button type="button" aria-pressed={byName} onClick={() => setByName(true)}>{t('sortName')}</button>
        <button type="button" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>{t('editRules')}</button>
      </div>
      {editing && rules && <RulesEditor rules={rules} name={(r) => ruleName(r, r.id)} />}
      {editing && bands && <BandsEditor bands={bands} />}
      {input === undefined ? (
        <p role="status">{t('common:loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty-state">{t('noLeads')}</p>
      ) : (
        <table className="data-table" aria-label={t('leadsTable')}>
          <thead>
            <tr>
              <th scope="col" aria-sort={byName ? 'ascending' : 'none'}>{t('col.account')}</th>
              <th scope="col" aria-sort={byName ? 'none' : 'descending'}>{t('score')}</th>
              <th scope="col">{t('band.title')}</th>
              <th scope="col">{t('scoreParts')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 100).map(({ account, score }) => (
              <tr key={account.id}>
                <th scope="row"><a href={`#/account/${encodeURIComponent(account.id)}`}>{account.name}</a></th>
                <td>{fmt.number(score.total)}</td>
                <td>{bands ? t(`band.${leadBand(score.total, bands)}`) : ''}</td>
                <td>
                  <details>
                    <summary>{t('partsCount', { count: score.parts.length })}</summary>
                    <ul className="score-parts">
                      {score.parts.map((p) => (
                        <li key={p.ruleId}>{`${p.points > 0 ? '+' : ''}${p.points} ${ruleName(rules?.find((r) => r.id === p.ruleId), p.ruleId)}`}</li>
                      ))}
                    </ul>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ruleDetail(r: LeadScoreRule): string {
  switch (r.kind) {
    case 'category': return ` ${r.params.categories.join('/')}`;
    case 'recent_visits': return ` (${r.params.min ?? 1}× / ${r.params.days} d)`;
    case 'no_contact': return ` (${r.params.days} d)`;
    case 'annual_revenue': return ` (≥ ${r.params.min} €)`;
    default: return '';
  }
}

function RulesEditor({ rules: shown, name }: { rules: LeadScoreRule[]; name: (r: LeadScoreRule) => string }) {
  const { t } = useTranslation('pipeline');
  // The rules as the form opened: what the user's edits are measured against, even if a sync changes them meanwhile.
  const [rules] = useState(shown);
  const [points, setPoints] = useState(() => rules.map((r) => r.points));
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="rules-editor"
      aria-label={t('rulesEditor')}
      onSubmit={(e) => {
        e.preventDefault();
        // Only the rules edited here: a rule changed on another laptop meanwhile keeps that change.
        void saveLeadScoreRules(rules.flatMap((r, i) => (points[i] === undefined || points[i] === r.points ? [] : [{ ...r, points: points[i] }]))).then(() => setSaved(true));
      }}
    >
      {rules.map((r, i) => (
        <label key={r.id} className="field inline">
          <span>{name(r)}</span>
          <input type="number" step={1} value={points[i] ?? 0} onChange={(e) => { setSaved(false); setPoints((p) => p.map((v, k) => (k === i ? Number(e.target.value) : v))); }} />
        </label>
      ))}
      <button type="submit" className="primary">{t('saveRules')}</button>
      {saved && <span role="status" className="hint">{t('rulesSaved')}</span>}
    </form>
  );
}
