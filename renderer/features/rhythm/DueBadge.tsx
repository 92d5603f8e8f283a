import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import { contactState, type ModeState } from '../../../shared/planning/rhythm';
import { todayIso } from '../../../shared/time/today';
import { useLive } from '../../db/core/live';
import { loadRhythmTable } from '../../db/planning/planning';
import { formatters } from '../../i18n/format';
import './rhythm.css';

/** Text and class of a human-contact state, shared by the badge and the customer list column. */
export function dueLabel(t: (k: string, o?: Record<string, unknown>) => string, s: ModeState): string {
  const days = s.daysOverdue ?? 0;
  switch (s.status) {
    case 'never': return t('due.never');
    case 'ok': return t('due.ok', { count: -days });
    case 'due': return t('due.due', { count: days });
    case 'overdue': return t('due.overdue', { count: days });
  }
}

/** Due / overdue badge of an account's human contact rhythm (nothing for accounts without a rhythm). */
export function DueBadge({ account }: { account: Account }) {
  const { t, i18n } = useTranslation('rhythm');
  const fmt = formatters(i18n.language);
  const table = useLive(loadRhythmTable);
  if (!table) return null;
  const s = contactState(account, table, todayIso())?.human;
  if (!s) return null;
  const rhythm = t('common:counted.days', { count: s.rhythmDays });
  const title = s.dueDate ? t('due.title', { date: fmt.date(s.dueDate), rhythm }) : t('due.neverTitle', { rhythm });
  return (
    <span className={`badge due-badge due-${s.status}`} title={title} data-status={s.status}>
      {dueLabel(t, s)}
    </span>
  );
}
