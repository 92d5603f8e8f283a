import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveFileRequest } from '../../../shared/bridge/contract';
import { weekPlanToIcs } from '../../../shared/export/ics';
import { toVcards, type VcardVersion } from '../../../shared/export/vcard';
import { addDays, localTimeZone } from '../../../shared/planning/calendar';
import { getBridge } from '../../bridge';
import { useMenuCommand } from '../../core/commands';
import type { IsoDate } from '../../../shared/time';
import { todayIso } from '../../../shared/time/today';
import { SaveCancelled } from '../../bridge/chunked-save';
import { DateField } from '../../components/DateField';
import { collectPlannedVisits, collectVcardItems, saveFullBackup } from '../../db/backup/export';
import { RestoreDialog, RestoreLoading, useRestore } from '../backup';
import { CustomerExport } from './CustomerExport';
import { fileErrorText } from './messages';

type Status = { kind: 'busy' | 'done' | 'error'; text: string; cancellable?: boolean };

const JSON_FILTER = [{ name: 'JSON', extensions: ['json'] }];

/** Exports: customers as CSV/XLSX (CustomerExport), contacts as vCard, planned visits as .ics, and the full JSON backup with restore. */
export function ExportPanel() {
  const { t } = useTranslation('import-export');
  const [from, setFrom] = useState<IsoDate | ''>(todayIso());
  const [to, setTo] = useState<IsoDate | ''>(addDays(todayIso(), 6));
  const [status, setStatus] = useState<Status>();
  const saving = useRef<AbortController | undefined>(undefined);
  // A backup file goes through the same steps as a stored one: every row checked, preview, then progress and cancel.
  const restoring = useRestore((text, ok) => setStatus({ kind: ok ? 'done' : 'error', text }));
  const busy = status?.kind === 'busy' || restoring.state.step !== 'idle';
  const name = (base: string, ext: string) => `${t(`export.fileBase.${base}`)}-${todayIso()}.${ext}`;

  const run = async (work: () => Promise<Omit<SaveFileRequest, 'filters'> & { ext: string } | string | undefined>) => {
    setStatus({ kind: 'busy', text: t('export.working') });
    try {
      const out = await work();
      if (out === undefined) return setStatus(undefined);
      if (typeof out === 'string') return setStatus({ kind: 'done', text: out });
      const { ext, ...req } = out;
      const saved = await getBridge().saveFile({ ...req, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] });
      setStatus(saved.saved ? { kind: 'done', text: t('export.saved', { name: req.suggestedName }) } : undefined);
    } catch (e) {
      setStatus({ kind: 'error', text: fileErrorText(t, e) });
    }
  };

  const vcard = (version: VcardVersion) =>
    run(async () => {
      const items = await collectVcardItems();
      const suffix = version === '3.0' ? '-outlook' : '';
      return { ext: 'vcf', suggestedName: `${t('export.fileBase.contacts')}${suffix}-${todayIso()}.vcf`, mimeType: 'text/vcard', data: toVcards(items, version) };
    });
  const ics = () =>
    run(async () => {
      const tzid = localTimeZone();
      if (!from || !to) return t('export.noVisits'); // the button is disabled then
      const visits = await collectPlannedVisits(from, to, tzid);
      if (visits.length === 0) return t('export.noVisits');
      return { ext: 'ics', suggestedName: name('visits', 'ics'), mimeType: 'text/calendar', data: weekPlanToIcs(visits, { tzid, now: Date.now(), calendarName: 'Rapport' }) };
    });
  // The full backup can be over a gigabyte: it goes to the chosen file chunk by chunk, with progress and cancel.
  const backup = async () => {
    const controller = new AbortController();
    saving.current = controller;
    const suggestedName = name('backup', 'json');
    setStatus({ kind: 'busy', text: t('export.working') });
    try {
      const saved = await saveFullBackup(
        { suggestedName, filters: JSON_FILTER },
        { signal: controller.signal, onProgress: (share) => setStatus({ kind: 'busy', text: t('export.backupProgress', { percent: Math.floor(share * 100) }), cancellable: true }) },
      );
      setStatus(saved ? { kind: 'done', text: t('export.saved', { name: saved.name }) } : undefined);
    } catch (e) {
      setStatus(e instanceof SaveCancelled ? { kind: 'done', text: t('export.cancelled') } : { kind: 'error', text: fileErrorText(t, e) });
    } finally {
      saving.current = undefined;
    }
  };
  // The application menu's "Export backup…" opens this page and starts the same save.
  useMenuCommand('export-backup', () => {
    if (!saving.current) void backup();
  });
  const restore = async () => {
    setStatus(undefined);
    try {
      const file = await getBridge().beginOpenFile({ filters: JSON_FILTER });
      if (file) await restoring.openFile(file);
    } catch (e) {
      setStatus({ kind: 'error', text: fileErrorText(t, e) });
    }
  };

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <CustomerExport />
      <h3>{t('export.contacts')}</h3>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void vcard('4.0')}>
          {t('export.vcard4')}
        </button>
        <button type="button" disabled={busy} onClick={() => void vcard('3.0')}>
          {t('export.vcard3')}
        </button>
      </div>
      <h3>{t('export.visits')}</h3>
      <div className="toolbar">
        <DateField label={t('export.from')} value={from} onChange={setFrom} />
        <DateField label={t('export.to')} value={to} min={from || undefined} onChange={setTo} />
        <button type="button" disabled={busy || !from || !to || to < from} onClick={() => void ics()}>
          {t('export.ics')}
        </button>
      </div>
      <h3>{t('export.backup')}</h3>
      <p className="hint">{t('export.backupHint')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void backup()}>
          {t('export.backupExport')}
        </button>
        <button type="button" disabled={busy} onClick={() => void restore()}>
          {t('export.backupRestore')}
        </button>
      </div>
      <RestoreLoading restore={restoring} />
      <RestoreDialog restore={restoring} />
      <p role="status" className={status?.kind === 'error' ? 'error' : 'muted'}>
        {status?.text}
        {status?.cancellable && (
          <>
            {' '}
            <button type="button" onClick={() => saving.current?.abort()}>
              {t('export.cancel')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
