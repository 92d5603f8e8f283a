import { memo, startTransition } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_TYPES, CATEGORIES, type IsoDate, type TeamMember } from '../../../shared/domain';
import type { ReportFilter } from '../../../shared/kpi';
import { MemberSelect } from '../../components/MemberSelect';
import { PeriodFields } from '../../components/PeriodFields';
import { isoDate } from '../../../shared/time';
import { PERIOD_PRESETS, presetPeriod } from './periods';

type Props = {
  filter: ReportFilter;
  onChange: (filter: ReportFilter) => void;
  today: IsoDate;
  team: readonly TeamMember[];
  countries: readonly string[];
};

/**
 * Period (with presets), rep, segment and country: every KPI and chart follows these. Memoised: its
 * two date pickers are the page's dearest render, and the page re-renders on every progress message.
 */
export const ReportFilters = memo(function ReportFilters({ filter, onChange, today, team, countries }: Props) {
  const { t } = useTranslation('reports');
  const set = (patch: Partial<ReportFilter>) => {
    const next: ReportFilter = { ...filter, ...patch };
    for (const k of ['repId', 'segment', 'country'] as const) if (next[k] === '' || next[k] === undefined) delete next[k];
    onChange(next);
  };
  return (
    <form className="toolbar report-filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
      <div className="preset-buttons" role="group" aria-label={t('presets')}>
        {PERIOD_PRESETS.map((p) => {
          const period = presetPeriod(p, today);
          const active = period.from === filter.from && period.to === filter.to;
          return (
            // A transition: the new period re-renders the date pickers in slices, not in the click's frame.
            <button key={p} type="button" aria-pressed={active} onClick={() => startTransition(() => set(period))}>
              {t(`preset.${p}`)}
            </button>
          );
        })}
      </div>
      <PeriodFields value={{ from: filter.from, to: filter.to }} onChange={(p) => set({ from: isoDate(p.from), to: isoDate(p.to) })} /* required fields: never empty */ fromLabel={t('from')} toLabel={t('to')} />
      <MemberSelect label={t('rep')} allLabel={t('allReps')} team={team} value={filter.repId ?? ''} onChange={(repId) => set({ repId })} />
      <label className="field">
        <span>{t('segment')}</span>
        <select value={filter.segment ?? ''} onChange={(e) => set({ segment: e.target.value as ReportFilter['segment'] })}>
          <option value="">{t('allSegments')}</option>
          {CATEGORIES.flatMap((c) =>
            ACCOUNT_TYPES.map((a) => (
              <option key={`${c}-${a}`} value={`${c}-${a}`}>
                {`${c} · ${t(`common:accountType.${a}`)}`}
              </option>
            )),
          )}
        </select>
      </label>
      <label className="field">
        <span>{t('country')}</span>
        <select value={filter.country ?? ''} onChange={(e) => set({ country: e.target.value })}>
          <option value="">{t('allCountries')}</option>
          {countries.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
});
