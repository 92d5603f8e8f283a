import { useTranslation } from 'react-i18next';
import { dueLabel } from './DueBadge';
import { dueStateOfRow } from './due-status';
import type { CustomerRow } from '../../db/accounts/customer-list';

/** The customer list's due-status cell: the same words and colours as the account page badge. */
export function DueCell({ row }: { row: CustomerRow }) {
  const { t } = useTranslation('rhythm');
  const s = dueStateOfRow(row);
  if (!s) return <span className="muted">{t('common:none')}</span>;
  return <span className={`due-text due-${s.status}`}>{dueLabel(t, s)}</span>;
}
