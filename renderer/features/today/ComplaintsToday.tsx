import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../shared/domain';
import { useRouter } from '../../core/router';
import { formatters } from '../../i18n/format';

/** How many complaints show before "Alle N anzeigen": the oldest, which wait longest. */
export const COMPLAINTS_SHOWN = 10;

type Props = {
  /** Open complaints, oldest first; undefined while they are read. */
  complaints: readonly Interaction[] | undefined;
  /** An account's name by id. */
  name: (accountId: string) => string;
};

/** Open complaints on Today: the oldest ten, and every one of them a click away, as the heading counts them. */
export function ComplaintsToday({ complaints, name }: Props) {
  const { t, i18n } = useTranslation('today');
  const fmt = formatters(i18n.language);
  const navigate = useRouter((s) => s.navigate);
  const [all, setAll] = useState(false);
  const count = complaints?.length ?? 0;
  const shown = complaints === undefined ? [] : all ? complaints : complaints.slice(0, COMPLAINTS_SHOWN);
  return (
    <section className="panel" aria-labelledby="complaints-title">
      <h2 id="complaints-title">{t('openComplaints', { count })}</h2>
      {count > 0 ? (
        <ul className="plain-list" id="today-complaints">
          {shown.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => navigate({ page: 'account', accountId: c.accountId })}>
                {name(c.accountId)}
              </button>{' '}
              <span className="muted">
                {c.subject} · {t(`common:complaintStatus.${c.complaint?.status ?? 'open'}`)} · {fmt.date(c.at)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">{t('noComplaints')}</p>
      )}
      {count > COMPLAINTS_SHOWN && (
        <button type="button" className="link" aria-expanded={all} aria-controls="today-complaints" onClick={() => setAll((a) => !a)}>
          {all ? t('showLess') : t('showAll', { count })}
        </button>
      )}
    </section>
  );
}
