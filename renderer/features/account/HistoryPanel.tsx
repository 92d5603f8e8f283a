import { useTranslation } from 'react-i18next';
import { listRecentOf } from '../../db/interactions';
import { useLive } from '../../db/live';
import { formatters } from '../../i18n/format';

/** The latest entries of the account's history; the full timeline builds on this slot. */
export function HistoryPanel({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation('account');
  const fmt = formatters(i18n.language);
  const recent = useLive(() => listRecentOf(accountId, 10), [accountId]);
  return (
    <section className="panel wide" aria-labelledby="history-title">
      <h2 id="history-title">{t('history')}</h2>
      {recent === undefined ? (
        <p role="status">{t('common:loading')}</p>
      ) : recent.length === 0 ? (
        <p className="empty-state">{t('noHistory')}</p>
      ) : (
        <ol className="timeline">
          {recent.map((i) => (
            <li key={i.id}>
              <span className="when">{fmt.date(i.at)}</span>
              <span className="what">{t(`common:interactionType.${i.type}`)}</span>
              {i.outcome && <span className={`outcome ${i.outcome}`}>{t(`common:outcome.${i.outcome}`)}</span>}
              <span className="subject">{i.subject}</span>
              {i.nextStep && <span className="next">{t('nextStep', { step: i.nextStep })}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
