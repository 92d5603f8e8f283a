import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CORE_TABLES } from '../../../shared/backup';
import { ProgressBar } from '../../components/ProgressBar';
import { formatters } from '../../i18n/format';
import { useLive } from '../../db/core/live';
import { isSyncSetUp } from '../../db/sync/settings';

/** Rows per table of a backup, core tables by name and the rest summed up. */
export function BackupContents({ counts }: { counts: Record<string, number> }) {
  const { t, i18n } = useTranslation('backup');
  const f = formatters(i18n.language);
  const core = new Set<string>(CORE_TABLES);
  const other = Object.entries(counts).reduce((sum, [table, n]) => (core.has(table) ? sum : sum + n), 0);
  return (
    <dl className="facts backup-contents">
      {CORE_TABLES.map((table) => (
        <div key={table}>
          <dt>{t(`table.${table}`)}</dt>
          <dd>{f.number(counts[table] ?? 0)}</dd>
        </div>
      ))}
      <div>
        <dt>{t('table.other')}</dt>
        <dd>{f.number(other)}</dd>
      </div>
    </dl>
  );
}

/** The confirmation before a restore: what the backup holds and what will happen; stays open with progress and cancel while restoring. */
export function RestorePreview({
  createdAt,
  counts,
  busy,
  progress = 0,
  backupFirst = true,
  verified = true,
  onConfirm,
  onCancel,
}: {
  createdAt: string;
  counts: Record<string, number>;
  busy: boolean;
  /** Share restored while busy, 0 to 1. */
  progress?: number;
  /** Whether the current state is backed up first (not for an empty database). */
  backupFirst?: boolean;
  /** Whether its bytes passed a check (hash or encryption); false for an older backup without a hash. */
  verified?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('backup');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const date = formatters(i18n.language).dateTime(createdAt);
  const synced = useLive(isSyncSetUp) ?? false;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="restore-title" aria-describedby="restore-warning" onCancel={onCancel}>
      <h2 id="restore-title">{t('previewTitle', { date })}</h2>
      <p>{t('previewIntro')}</p>
      <BackupContents counts={counts} />
      {!verified && <p className="hint">{t('unverified')}</p>}
      <p id="restore-warning" className="hint">
        {t(backupFirst ? 'previewWarning' : 'previewWarningEmpty')}
      </p>
      {/* On a synced laptop the restore reaches the whole team (db/sync/restore.ts): said before it happens. */}
      {synced && <p className="hint">{t('previewTeam')}</p>}
      {busy && <ProgressBar value={progress} label={t('restoring')} />}
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {t('confirmRestore')}
        </button>
        {/* While restoring this cancels the restore: it stops at the next batch and nothing changes. */}
        <button type="button" onClick={onCancel}>
          {t('common:action.cancel')}
        </button>
      </div>
    </dialog>
  );
}
