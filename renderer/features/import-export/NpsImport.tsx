import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedFile } from '../../../shared/bridge/contract';
import { parseCsvBytes } from '../../../shared/import/csv';
import { missingNpsColumns, npsColumns, planNpsImport, type NpsAnswer, type NpsRowOutcome } from '../../../shared/import/nps';
import { todayIso } from '../../../shared/time/today';
import { getBridge } from '../../bridge';
import { useSession } from '../../core/session';
import { applyNpsAnswers, loadNpsLookup } from '../../db/transfer/nps-import';
import { formatters } from '../../i18n/format';
import { issueLine } from './messages';

type Planned = { name: string; outcomes: NpsRowOutcome[]; answers: NpsAnswer[] };

/** Reads a survey file (CSV as Excel writes it) and plans it; the missing columns when it cannot. */
async function plan(file: OpenedFile): Promise<Planned | { name: string; missing: string[] }> {
  const csv = parseCsvBytes(file.data);
  const missing = missingNpsColumns(npsColumns(csv.headers));
  if (missing.length > 0) return { name: file.name, missing };
  return { name: file.name, ...planNpsImport(csv, csv.errors, await loadNpsLookup(todayIso())) };
}

/**
 * Import/Export → NPS answers from a survey: choose a CSV, see one line per row (new, skipped, or
 * why not), then store the answers. They land where the NPS KPI reads them (see shared/import/nps.ts).
 */
export function NpsImport() {
  const { t, i18n } = useTranslation('import-export');
  const selfId = useSession((s) => s.selfId);
  const fmt = formatters(i18n.language);
  const [state, setState] = useState<Planned | { name: string; missing: string[] } | undefined>();
  const [message, setMessage] = useState('');
  const choose = async () => {
    setMessage('');
    try {
      const [file] = await getBridge().openFiles({ filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }], multiple: false });
      if (file) setState(await plan(file));
    } catch (e) {
      setMessage(t('nps.failed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };
  const apply = async (answers: NpsAnswer[]) => {
    const count = await applyNpsAnswers(answers, {
      userId: selfId,
      nowMs: Date.now(),
      subject: (score) => t('nps.subject', { score }),
      // Local noon of the answer's day: the day stays the same in every zone the team works in.
      at: (day) => new Date(`${day}T12:00:00`).toISOString(),
    });
    setMessage(t('nps.done', { count }));
    setState(undefined);
  };
  const line = (o: NpsRowOutcome): string => {
    if (o.kind === 'error') return o.issues.map((issue) => issueLine(t, issue)).join(' ');
    if (o.kind === 'new') return t('nps.rowNew', { row: o.row, contact: o.contact, account: o.account, score: o.score, day: fmt.date(o.day) });
    return o.reason === 'duplicate_in_file' ? t('nps.rowDuplicate', { row: o.row, ofRow: o.ofRow }) : t('nps.rowKnown', { row: o.row, contact: o.contact });
  };
  const count = (kind: NpsRowOutcome['kind']) => (state && 'outcomes' in state ? state.outcomes.filter((o) => o.kind === kind).length : 0);
  return (
    <section className="panel nps-import" aria-labelledby="nps-import-title">
      <h2 id="nps-import-title">{t('nps.title')}</h2>
      <p className="hint">{t('nps.hint')}</p>
      <button type="button" onClick={() => void choose()}>{t('nps.choose')}</button>
      {state && <p>{t('nps.file', { name: state.name })}</p>}
      {state && 'missing' in state && (
        <p role="alert">{t('nps.missing', { columns: state.missing.map((c) => t(`nps.column.${c}`)).join(', ') })}</p>
      )}
      {state && 'outcomes' in state && (
        <>
          <p role="status">{t('nps.summary', { count: state.outcomes.length, new: count('new'), skipped: count('skipped'), errors: count('error') })}</p>
          <ul aria-label={t('nps.outcomes')}>
            {state.outcomes.map((o) => (
              <li key={o.row} className={o.kind === 'error' ? 'error' : undefined}>{line(o)}</li>
            ))}
          </ul>
          {state.answers.length > 0 && (
            <button type="button" className="primary" onClick={() => void apply(state.answers)}>{t('nps.apply', { count: state.answers.length })}</button>
          )}
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
