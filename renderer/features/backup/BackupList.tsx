import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/backup';
import { formatters } from '../../i18n/format';

/** The stored backups, newest first, each with a restore button. */
export function BackupList({ entries, disabled, onRestore }: { entries: BackupEntry[] | undefined; disabled: boolean; onRestore: (entry: BackupEntry) => void }) {
  const { t, i18n } = useTranslation('backup');
  const f = formatters(i18n.language);
  if (!entries) return null;
  if (entries.length === 0) return <p className="empty-state">{t('none')}</p>;
  return (
    <table className="backup-table" aria-label={t('listLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('col.date')}</th>
          <th scope="col">{t('col.reason')}</th>
          <th scope="col">{t('col.content')}</th>
          <th scope="col">{t('col.size')}</th>
          <th scope="col">{t('col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const date = f.dateTime(e.manifest.createdAt);
          const c = e.manifest.counts;
          return (
            <tr key={e.name}>
              <td>{date}</td>
              <td>
                {t(`reason.${e.manifest.reason}`)}
                {e.manifest.encrypted && <span className="muted"> · {t('encryption.encrypted')}</span>}
              </td>
              <td>{t('summary', { accounts: t('common:counted.customers', { count: c.accounts ?? 0 }), contacts: t('common:counted.contacts', { count: c.contacts ?? 0 }), interactions: t('common:counted.interactions', { count: c.interactions ?? 0 }) })}</td>
              <td>{t('size', { size: f.number(Math.max(1, Math.round(e.size / 1024))) })}</td>
              <td>
                <button type="button" disabled={disabled} onClick={() => onRestore(e)} aria-label={t('restoreFrom', { date })}>
                  {t('restore')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
