import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveFileRequest } from '../../../shared/bridge/contract';
import { weekPlanToIcs } from '../../../shared/export/ics';
import { toVcards, type VcardVersion } from '../../../shared/export/vcard';
import { addDays, localTimeZone } from '../../../shared/planning/calendar';
import { getBridge } from '../../bridge';
import { todayIso } from '../../app/today';
import { collectPlannedVisits, collectVcardItems, exportFullBackup, restoreFullBackup } from '../../db/export';
import { formatters } from '../../i18n/format';
import { CustomerExport } from './CustomerExport';

type Status = { kind: 'busy' | 'done' | 'error'; text: string };

/** Exports: customers as CSV/XLSX (CustomerExport), contacts as vCard, planned visits as .ics, and the full JSON backup with restore. */
export function ExportPanel() {
  const { t, i18n } = useTranslation('import-export');
  const fmt = formatters(i18n.language);
  const [from, setFrom] = useState(todayIso());
  const [to, setTo] = useState(addDays(todayIso(), 6));
  const [status, setStatus] = useState<Status>();
  const busy = status?.kind === 'busy';
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
      setStatus({ kind: 'error', text: t('export.failed', { detail: e instanceof Error ? e.message : String(e) }) });
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
      const visits = await collectPlannedVisits(from, to, tzid);
      if (visits.length === 0) return t('export.noVisits');
      return { ext: 'ics', suggestedName: name('visits', 'ics'), mimeType: 'text/calendar', data: weekPlanToIcs(visits, { tzid, now: Date.now(), calendarName: 'Rapport' }) };
    });
  const backup = () =>
    run(async () => ({ ext: 'json', suggestedName: name('backup', 'json'), mimeType: 'application/json', data: await exportFullBackup() }));
  const restore = () =>
    run(async () => {
      const [file] = await getBridge().openFiles({ filters: [{ name: 'JSON', extensions: ['json'] }], multiple: false });
      if (!file || !window.confirm(t('export.restoreConfirm'))) return undefined;
      const result = await restoreFullBackup(file.data);
      if (result.ok) return t('export.restored', { count: fmt.number(result.rows) });
      throw new Error(t('export.restoreFailed', { reason: result.issues.map((i) => [i.code, i.table, i.index, i.line && `@${i.line}`].filter((x) => x !== undefined).join(' ')).join('; ') }));
    });

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
        <label className="field">
          <span>{t('export.from')}</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('export.to')}</span>
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
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
      <p role="status" className={status?.kind === 'error' ? 'error' : 'muted'}>
        {status?.text}
      </p>
    </section>
  );
}
