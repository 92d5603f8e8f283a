import { AmountField, useAmountParser } from '../../components/AmountField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_SOURCE_KINDS, type LeadSource, type LeadSourceKind } from '../../../shared/domain';
import { PeriodFields } from '../../components/PeriodFields';
import { useLive } from '../../db/core/live';
import { listLeadSources } from '../../db/pipeline/lead-sources';
import { createLeadSource, deleteLeadSource, updateLeadSource, type LeadSourceInput } from '../../db/pipeline/admin';
import { formatters } from '../../i18n/format';
import { MAX_SOURCE_NAME, validateLeadSource, type LeadSourceErrors } from './lead-source-form';

const EMPTY: LeadSourceInput = { name: '', kind: 'campaign', cost: 0, periodStart: '', periodEnd: '' };

/**
 * Lead sources and campaigns with their cost and period: the basis of cost per customer and of the
 * source ranking. Its own tab under Reports, where the team lead reads those figures.
 */
export function LeadSourcesPanel() {
  const { t, i18n } = useTranslation('pipeline');
  const fmt = formatters(i18n.language);
  const sources = useLive(listLeadSources);
  const [form, setForm] = useState<LeadSourceInput>(EMPTY);
  const [costText, setCostText] = useState('0');
  const [editId, setEditId] = useState<string | undefined>();
  const [errors, setErrors] = useState<LeadSourceErrors>({});
  const [message, setMessage] = useState('');
  const parseAmount = useAmountParser();
  const reset = () => {
    setForm(EMPTY);
    setCostText('0');
    setEditId(undefined);
    setErrors({});
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // An empty or half-typed number is not 0: it is refused like any other wrong cost.
    const input = { ...form, cost: parseAmount(costText) ?? Number.NaN };
    const found = validateLeadSource(input, sources ?? [], editId);
    setErrors(found);
    if (Object.keys(found).length > 0) return setMessage(t('error.sourceForm'));
    if (editId) await updateLeadSource(editId, input);
    else await createLeadSource(input);
    reset();
    setMessage(t('sourceSaved'));
  };
  const edit = (s: LeadSource) => {
    setEditId(s.id);
    setErrors({});
    setMessage('');
    setForm({ name: s.name, kind: s.kind, cost: s.cost, periodStart: s.periodStart ?? '', periodEnd: s.periodEnd ?? '' });
    setCostText(fmt.number(s.cost, Number.isInteger(s.cost) ? 0 : 2));
  };
  const remove = async (s: LeadSource) => {
    const used = await deleteLeadSource(s.id);
    setMessage(used > 0 ? t('sourceInUse', { count: used }) : t('sourceDeleted'));
  };
  const err = (field: keyof LeadSourceErrors) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `source-${field}-error` } : {};
  const note = (field: keyof LeadSourceErrors) =>
    errors[field] ? <span id={`source-${field}-error`} className="error field-error">{t(`error.${errors[field]}`)}</span> : null;
  return (
    <section className="panel lead-sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('sourcesTitle')}</h2>
      <p className="hint">{t('sourcesLead')}</p>
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
      <form className="deal-form" noValidate onSubmit={(e) => void submit(e)} aria-label={editId ? t('editSource') : t('newSource')}>
        <h3 className="wide">{editId ? t('editSource') : t('newSource')}</h3>
        <label className="field">
          <span>{t('source.name')}</span>
          <input value={form.name} maxLength={MAX_SOURCE_NAME + 20} onChange={(e) => setForm({ ...form, name: e.target.value })} {...err('name')} />
          {note('name')}
        </label>
        <label className="field">
          <span>{t('source.kind')}</span>
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as LeadSourceKind })} {...err('kind')}>
            {LEAD_SOURCE_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
          </select>
          {note('kind')}
        </label>
        <AmountField label={t('source.cost')} value={costText} onChange={setCostText} {...(errors.cost ? { error: t(`error.${errors.cost}`) } : {})} />
        <span />
        <PeriodFields
          optional
          value={{ from: form.periodStart ?? '', to: form.periodEnd ?? '' }}
          onChange={(p) => setForm({ ...form, periodStart: p.from, periodEnd: p.to })}
          fromLabel={t('source.start')}
          toLabel={t('source.end')}
          {...(errors.period ? { errorId: 'source-period-error' } : {})}
        />
        {errors.period && <p id="source-period-error" className="error field-error wide">{t(`error.${errors.period}`)}</p>}
        <div className="actions">
          {editId && <button type="button" onClick={reset}>{t('cancel')}</button>}
          <button type="submit" className="primary">{editId ? t('save') : t('addSource')}</button>
        </div>
      </form>
      <p role="status" className="hint">{message}</p>
    </section>
  );
}
