import { useTranslation } from 'react-i18next';
import { listImportBatches, undoImport } from '../../db/transfer/import';
import { useLive } from '../../db/core/live';
import { formatters } from '../../i18n/format';

/** The last imports, each undoable as a whole until it has been undone. */
export function RecentImports() {
  const { t, i18n } = useTranslation('import-export');
  const fmt = formatters(i18n.language);
  const batches = useLive(() => listImportBatches(10), []);
  const undo = async (id: string, file: string) => {
    if (!window.confirm(t('recent.confirm', { file }))) return;
    await undoImport(id);
  };
  return (
    <section className="panel" aria-labelledby="recent-imports-title">
      <h2 id="recent-imports-title">{t('recent.title')}</h2>
      {batches?.length === 0 && <p className="empty-state">{t('recent.empty')}</p>}
      <ul className="plain-list">
        {batches?.map((b) => {
          const date = fmt.dateTime(b.at);
          return (
            <li key={b.id}>
              {t('recent.line', { date, file: b.fileName, created: fmt.number(b.created), updated: fmt.number(b.updated) })}{' '}
              {b.undoneAt ? (
                <span className="badge muted">{t('recent.undone')}</span>
              ) : (
                <button type="button" className="link" aria-label={t('recent.undoLabel', { file: b.fileName, date })} onClick={() => void undo(b.id, b.fileName)}>
                  {t('recent.undo')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
