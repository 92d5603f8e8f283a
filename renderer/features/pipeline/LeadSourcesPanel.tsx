import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_SOURCE_KINDS, type LeadSource, type LeadSourceKind } from '../../../shared/domain';
import { useLive } from '../../db/live';
import { listLeadSources } from '../../db/lead-sources';
import { createLeadSource, deleteLeadSource, updateLeadSource, type LeadSourceInput } from '../../db/pipeline-admin';
import { formatters } from '../../i18n/format';

const EMPTY: LeadSourceInput = { name: '', kind: 'campaign', cost: 0, periodStart: '', periodEnd: '' };

/** Lead sources and campaigns with their cost and period: the basis of cost per customer. */
export function LeadSourcesPanel() {
  const { t, i18n } = useTranslation('pipeline');
  const fmt = formatters(i18n.language);
  const sources = useLive(listLeadSources);
  const [form, setForm] = useState<LeadSourceInput>(EMPTY);
  const [editId, setEditId] = useState<string | undefined>();
  const [message, setMessage] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.name.trim() === '') return setMessage(t('error.sourceName'));
    if (editId) await updateLeadSource(editId, form);
    else await createLeadSource(form);
    setForm(EMPTY);
    setEditId(undefined);
    setMessage(t('sourceSaved'));
  };
  const edit = (s: LeadSource) => {
    setEditId(s.id);
    setForm({ name: s.name, kind: s.kind, cost: s.cost, periodStart: s.periodStart ?? '', periodEnd: s.periodEnd ?? '' });
  };
  const remove = async (s: LeadSource) => {
    const used = await deleteLeadSource(s.id);
    setMessage(used > 0 ? t('sourceInUse', { count: used }) : t('sourceDeleted'));
  };
  return (
    <section className="panel" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('sourcesTitle')}</h2>
      {sources && sources.length === 0 && <p className="empty-state">{t('noSources')}</p>}
      {sources && sources.length > 0 && (
        <table className="data-table" aria-label={t('sourcesTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('source.name')}</th>
              <th scope="col">{t('source.cost')}</th>
              <th scope="col">{t('source.period')}</th>
              <th scope="col"><span className="sr-only">{t('actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name} <span className="muted">({t(`kind.${s.kind}`)})</span></th>
                <td>{fmt.currency(s.cost)}</td>
                <td>{[s.periodStart, s.periodEnd].map((d) => (d ? fmt.date(d) : '…')).join(' – ')}</td>
                <td>
                  <button type="button" className="link" onClick={() => edit(s)} aria-label={t('editOf', { title: s.name })}>{t('edit')}</button>{' '}
                  <button type="button" className="link" onClick={() => void remove(s)} aria-label={t('deleteOf', { title: s.name })}>{t('delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="deal-form" onSubmit={(e) => void submit(e)} aria-label={editId ? t('editSource') : t('newSource')}>
        <label className="field">
          <span>{t('source.name')}</span>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('source.kind')}</span>
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as LeadSourceKind })}>
            {LEAD_SOURCE_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('source.cost')}</span>
          <input type="number" min={0} step={100} value={form.cost} onChange={(e) => setForm({ ...form, cost: Number(e.target.value) })} />
        </label>
        <span />
        <label className="field">
          <span>{t('source.start')}</span>
          <input type="date" value={form.periodStart ?? ''} onChange={(e) => setForm({ ...form, periodStart: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('source.end')}</span>
          <input type="date" value={form.periodEnd ?? ''} onChange={(e) => setForm({ ...form, periodEnd: e.target.value })} />
        </label>
        <div className="actions">
          {editId && <button type="button" onClick={() => { setEditId(undefined); setForm(EMPTY); }}>{t('cancel')}</button>}
          <button type="submit" className="primary">{editId ? t('save') : t('addSource')}</button>
        </div>
      </form>
      <p role="status" className="hint">{message}</p>
    </section>
  );
}
