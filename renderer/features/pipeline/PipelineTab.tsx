import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../shared/domain';
import { todayIso } from '../../../shared/time/today';
import { useLive } from '../../db/core/live';
import { loadPipelineBoard } from '../../db/pipeline/pipeline';
import { getFollowUpDays, setFollowUpDays } from '../../db/pipeline/admin';
import { MemberSelect } from '../../components/MemberSelect';
import { listTeam } from '../../db/team/team';
import { formatters } from '../../i18n/format';
import { AutomationPanel } from './AutomationPanel';
import { DealBoard } from './DealBoard';
import { DealDialog } from './DealDialog';
import { DealTable } from './DealTable';
import { LeadsPanel } from './LeadsPanel';
import { staleOffers } from './stale';

/** The pipeline: deals as a board or a table, stale offers flagged, plus lead scoring and automation (lead sources have their own tab). */
export function PipelineTab() {
  const { t, i18n } = useTranslation('pipeline');
  const fmt = formatters(i18n.language);
  const data = useLive(loadPipelineBoard);
  const days = useLive(getFollowUpDays);
  const team = useLive(listTeam) ?? [];
  const [view, setView] = useState<'board' | 'table'>('board');
  const [rep, setRep] = useState('');
  const [editing, setEditing] = useState<Deal | 'new' | undefined>();
  const today = todayIso();
  const deals = useMemo(() => (data?.deals ?? []).filter((d) => rep === '' || d.ownerId === rep), [data, rep]);
  const stale = useMemo(() => staleOffers(deals, data?.touches ?? [], today, days ?? 14), [deals, data, today, days]);
  const staleValue = deals.reduce((s, d) => s + (stale.has(d.id) ? d.value : 0), 0);

  return (
    <div className="pipeline">
      <div className="pipeline-tools">
        <fieldset className="segmented">
          <legend className="sr-only">{t('view')}</legend>
          {(['board', 'table'] as const).map((v) => (
            <label key={v} className="check">
              <input type="radio" name="pipeline-view" checked={view === v} onChange={() => setView(v)} />
              {t(`viewName.${v}`)}
            </label>
          ))}
        </fieldset>
        <MemberSelect label={t('owner')} allLabel={t('allOwners')} team={team} value={rep} onChange={setRep} />
        <label className="field">
          <span>{t('followUpDays')}</span>
          <input
            type="number"
            min={1}
            max={365}
            value={days ?? 14}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (n >= 1) void setFollowUpDays(n);
            }}
          />
        </label>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('newDeal')}
        </button>
      </div>
      <p role="status" className={stale.size > 0 ? 'error' : 'hint'}>
        {data === undefined ? t('common:loading') : t('staleSummary', { count: stale.size, days: t('staleDays', { count: days ?? 14 }), value: fmt.currency(staleValue) })}
      </p>
      {data !== undefined && data.deals.length === 0 ? (
        <p className="empty-state">{t('noDeals')}</p>
      ) : view === 'board' ? (
        <DealBoard deals={deals} accountNames={data?.accountNames ?? new Map()} stale={stale} onEdit={setEditing} />
      ) : (
        <DealTable deals={deals} accountNames={data?.accountNames ?? new Map()} stale={stale} team={team} onEdit={setEditing} />
      )}
      <div className="account-grid pipeline-admin">
        <LeadsPanel />
        <AutomationPanel />
      </div>
      {editing !== undefined && <DealDialog {...(editing === 'new' ? {} : { deal: editing })} onClose={() => setEditing(undefined)} />}
    </div>
  );
}
