import { useTranslation } from 'react-i18next';
import { formatters } from '../../i18n/format';
import { useLive } from '../../db/core/live';
import { clearConflicts, listSyncConflicts, type SyncConflict } from '../../db/sync/settings';

const shown = (v: unknown) => (typeof v === 'string' ? `„${v}“` : JSON.stringify(v));

/**
 * Same-field edits two laptops made without seeing each other's, decided by the laptops' clocks:
 * both values, which laptop and when, so a slow clock never drops an edit silently (docs/sync-clocks.md).
 */
export function ConflictsSection() {
  const { t, i18n } = useTranslation('sync');
  const fmt = formatters(i18n.language);
  const conflicts = useLive(listSyncConflicts) ?? [];
  const side = (key: 'conflictKept' | 'conflictLost', s: SyncConflict['kept']) => t(key, { value: shown(s.value), device: s.device, at: fmt.dateTime(new Date(s.at)) });
  return (
    <div className="sync-conflicts">
      <div className="title-row">
        <h3>{t('conflicts')}</h3>
        {conflicts.length > 0 && <button type="button" onClick={() => void clearConflicts()}>{t('conflictsClear')}</button>}
      </div>
      <p className="hint">{t('conflictsHint')}</p>
      {conflicts.length === 0 ? <p className="hint">{t('conflictsEmpty')}</p> : (
        <ul className="sync-log-list">
          {conflicts.map((c) => (
            <li key={`${c.table}-${c.rowId}-${c.field}-${c.foundAt}-${c.lost.at}`}>
              <strong>{t('conflictRow', { table: c.table, rowId: c.rowId, field: c.field })}</strong>
              <br />
              {side('conflictKept', c.kept)}
              <br />
              {side('conflictLost', c.lost)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
