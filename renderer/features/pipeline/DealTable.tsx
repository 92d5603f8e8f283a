import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, Id, TeamMember } from '../../../shared/domain';
import { DEAL_STAGES } from '../../../shared/domain';
import { effectiveProbability } from '../../../shared/pipeline/deal';
import { formatters } from '../../i18n/format';

const COLUMNS = ['title', 'account', 'stage', 'value', 'probability', 'expectedClose', 'owner', 'lastFollowUp', 'stale'] as const;
type Column = (typeof COLUMNS)[number];

type Props = {
  deals: readonly Deal[];
  accountNames: ReadonlyMap<Id, string>;
  stale: ReadonlyMap<Id, number>;
  team: readonly TeamMember[];
  onEdit: (deal: Deal) => void;
};

/** All deals as a sortable table (click or Enter on a column header). */
export function DealTable({ deals, accountNames, stale, team, onEdit }: Props) {
  const { t, i18n } = useTranslation('pipeline');
  const fmt = formatters(i18n.language);
  const [sort, setSort] = useState<{ column: Column; desc: boolean }>({ column: 'stale', desc: true });
  const names = useMemo(() => new Map(team.map((m) => [m.id, m.name])), [team]);
  const rows = useMemo(() => {
    const key = (d: Deal): string | number => {
      switch (sort.column) {
        case 'title': return d.title;
        case 'account': return accountNames.get(d.accountId) ?? '';
        case 'stage': return DEAL_STAGES.indexOf(d.stage);
        case 'value': return d.value;
        case 'probability': return effectiveProbability(d);
        case 'expectedClose': return d.expectedClose ?? '';
        case 'owner': return names.get(d.ownerId) ?? '';
        case 'lastFollowUp': return d.lastFollowUpAt ?? '';
        case 'stale': return stale.get(d.id) ?? -1;
      }
    };
    const sign = sort.desc ? -1 : 1;
    return [...deals].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : fmt.compare(String(x), String(y)));
    });
  }, [deals, sort, accountNames, names, stale, fmt]);
  if (deals.length === 0) return <p className="empty-state">{t('noDeals')}</p>;
  return (
    <table className="data-table deal-table" aria-label={t('table')}>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col" aria-sort={sort.column === c ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
              <button type="button" onClick={() => setSort((s) => ({ column: c, desc: s.column === c ? !s.desc : c === 'value' || c === 'stale' }))}>
                {t(`col.${c}`)}
              </button>
            </th>
          ))}
          <th scope="col">
            <span className="sr-only">{t('actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, 500).map((d) => {
          const days = stale.get(d.id);
          return (
            <tr key={d.id} className={days === undefined ? undefined : 'stale'}>
              <th scope="row">{d.title}</th>
              <td><a href={`#/account/${encodeURIComponent(d.accountId)}`}>{accountNames.get(d.accountId)}</a></td>
              <td>{t(`common:dealStage.${d.stage}`)}</td>
              <td>{fmt.currency(d.value)}</td>
              <td>{fmt.percent(effectiveProbability(d) / 100)}</td>
              <td>{d.expectedClose ? fmt.date(d.expectedClose) : ''}</td>
              <td>{names.get(d.ownerId) ?? ''}</td>
              <td>{d.lastFollowUpAt ? fmt.date(d.lastFollowUpAt) : ''}</td>
              <td className={days === undefined ? undefined : 'error'}>{days === undefined ? '' : t('staleFor', { count: days })}</td>
              <td>
                <button type="button" className="link" onClick={() => onEdit(d)} aria-label={t('editOf', { title: d.title })}>
                  {t('edit')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
