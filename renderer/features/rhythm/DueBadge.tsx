import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import { contactState, type ModeState } from '../../../shared/planning/rhythm';
import { todayIso } from '../../../shared/time/today';
import { useLive } from '../../db/core/live';
import { loadRhythmTable } from '../../db/planning/planning';
import { formatters } from '../../i18n/format';
import './rhythm.css';

/**
 * Text of a human-contact state, shared by the badge and the customer list column. `short` is the
 * list cell's form ("12 Tage überfällig", "Fällig · 3 Tage"): the days stay readable in a 150 px
 * column, where the badge's sentence was cut to "Besuch fällig (s…".
 */
export function dueLabel(t: (k: string, o?: Record<string, unknown>) => string, s: ModeState, form: 'long' | 'short' = 'long'): string {
  const days = s.daysOverdue ?? 0;
  const key = form === 'short' ? 'due.short' : 'due';
  switch (s.status) {
    case 'never': return t(`${key}.never`);
    case 'ok': return t(`${key}.ok`, { count: -days });
    case 'due': return t(`${key}.due`, { count: days });
    case 'overdue': return t(`${key}.overdue`, { count: days });
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
