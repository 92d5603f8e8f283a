import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../shared/domain';
import type { IsoDate } from '../../../shared/time';
import { todayIso } from '../../../shared/time/today';
import { createSale, deleteSale } from '../../db/pipeline/pipeline';
import { AmountField, useAmountParser } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { formatters } from '../../i18n/format';

/** An account's recent sales and a short form to record one (date, amount, product line). */
export function SalesList({ accountId, sales }: { accountId: string; sales: readonly Sale[] }) {
  const { t, i18n } = useTranslation('pipeline');
  const fmt = formatters(i18n.language);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<IsoDate | ''>(todayIso());
  const [amount, setAmount] = useState('');
  const [productLine, setProductLine] = useState('');
  const [error, setError] = useState('');
  const parseAmount = useAmountParser();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = parseAmount(amount);
    if (!date) return setError(t('error.date'));
    if (value === undefined || !Number.isFinite(value)) return setError(t('error.amount'));
    await createSale({ accountId, date, amount: value, productLine });
    setAmount('');
    setProductLine('');
    setError('');
    setOpen(false);
  };
  const rows = [...sales].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <div className="sales-list">
      <h3>{t('sales')}</h3>
      {rows.length === 0 ? (
        <p className="empty-state">{t('noSales')}</p>
      ) : (
        <table className="data-table" aria-label={t('salesTable')}>
          <tbody>
            {rows.slice(0, 12).map((s) => (
              <tr key={s.id}>
                <th scope="row">{fmt.date(s.date)}</th>
                <td>{s.productLine}</td>
                <td>{fmt.currency(s.amount)}</td>
                <td>
                  <button type="button" className="link" onClick={() => void deleteSale(s.id)} aria-label={t('deleteOf', { title: `${fmt.date(s.date)} ${fmt.currency(s.amount)}` })}>
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open ? (
        <form className="deal-form" onSubmit={(e) => void submit(e)} aria-label={t('newSale')}>
          <DateField label={t('sale.date')} value={date} onChange={setDate} />
          <AmountField label={t('sale.amount')} value={amount} onChange={setAmount} />
          <label className="field wide">
            <span>{t('sale.productLine')}</span>
            <input value={productLine} onChange={(e) => setProductLine(e.target.value)} />
          </label>
          {error && <p className="error wide" role="alert">{error}</p>}
          <div className="actions">
            <button type="button" onClick={() => setOpen(false)}>{t('cancel')}</button>
            <button type="submit" className="primary">{t('save')}</button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>{t('newSale')}</button>
      )}
    </div>
  );
}
