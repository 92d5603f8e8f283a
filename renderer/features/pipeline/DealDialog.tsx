import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEAL_STAGES, type Deal, type DealStage } from '../../../shared/domain';
import { effectiveProbability } from '../../../shared/pipeline/deal';
import { useSession } from '../../core/session';
import { useLive } from '../../db/core/live';
import { createDeal, updateDeal, type DealInput } from '../../db/pipeline/pipeline';
import { listTeam } from '../../db/team/team';
import { AccountPicker } from '../interactions';
import { AmountField, useAmountParser } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { MemberSelect } from '../../components/MemberSelect';
import { SaveError } from '../../components/SaveError';
import { useSave } from '../../core/write-error';
import { formatters } from '../../i18n/format';

/** Default probability per stage, so a quick entry gives a sensible weighted value. */
const STAGE_PROBABILITY: Record<DealStage, number> = { lead: 10, qualified: 25, offer_sent: 50, negotiation: 70, won: 100, lost: 0 };

type Props = { deal?: Deal; accountId?: string; onClose: () => void };

/** New or edit deal: title, value, probability, stage, expected close, owner, lost reason. */
export function DealDialog({ deal, accountId, onClose }: Props) {
  const { t, i18n } = useTranslation('pipeline');
  const selfId = useSession((s) => s.selfId);
  const team = useLive(listTeam) ?? [];
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<DealInput>(() =>
    deal
      ? { accountId: deal.accountId, title: deal.title, value: deal.value, probability: effectiveProbability(deal), stage: deal.stage, ownerId: deal.ownerId, lostReason: deal.lostReason, expectedClose: deal.expectedClose }
      : { accountId: accountId ?? '', title: '', value: 0, probability: STAGE_PROBABILITY.lead, stage: 'lead', ownerId: selfId, lostReason: '' },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { failure, save } = useSave('deal');
  const parseAmount = useAmountParser();
  const fmtNumber = formatters(i18n.language).number;
  // The value as typed ("12.000"); an existing deal's value is shown the way the user would type it.
  const [valueText, setValueText] = useState(() => (deal ? fmtNumber(deal.value, Number.isInteger(deal.value) ? 0 : 2) : ''));
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const set = (patch: Partial<DealInput>) => setValues((v) => ({ ...v, ...patch }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!values.accountId) next.accountId = t('error.account');
    if (values.title.trim() === '') next.title = t('error.title');
    const value = valueText.trim() === '' ? 0 : parseAmount(valueText);
    if (value === undefined || !(value >= 0)) next.value = t('error.value');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const input = { ...values, value: value ?? 0, ownerId: values.ownerId || selfId };
    // Closes only once saved: a failed save shows why and keeps what was typed.
    const done = await save(() => (deal ? updateDeal(deal.id, input) : createDeal(input)));
    if (done.ok) onClose();
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="deal-dialog-title" onCancel={onClose}>
      <h2 id="deal-dialog-title">{deal ? t('editDeal') : t('newDeal')}</h2>
      <form className="deal-form" onSubmit={(e) => void submit(e)} noValidate>
        {!accountId && !deal && (
          <div className="wide">
            <AccountPicker value={values.accountId} onChange={(id) => set({ accountId: id })} {...(errors.accountId ? { error: errors.accountId } : {})} />
          </div>
        )}
        <label className="field wide">
          <span>{t('field.title')}</span>
          <input value={values.title} onChange={(e) => set({ title: e.target.value })} aria-invalid={errors.title ? true : undefined} required autoFocus />
          {errors.title && <span className="error">{errors.title}</span>}
        </label>
        <AmountField label={t('field.value')} value={valueText} onChange={setValueText} {...(errors.value ? { error: errors.value } : {})} />
        <label className="field">
          <span>{t('field.probability')}</span>
          {/* Won and lost are settled (100 % / 0 %): the field shows it and takes no other estimate. */}
          <input type="number" min={0} max={100} step={5} value={effectiveProbability(values)} readOnly={values.stage === 'won' || values.stage === 'lost'} onChange={(e) => set({ probability: Number(e.target.value) })} />
        </label>
        <label className="field">
          <span>{t('field.stage')}</span>
          <select value={values.stage} onChange={(e) => { const stage = e.target.value as DealStage; set({ stage, probability: STAGE_PROBABILITY[stage] }); }}>
            {DEAL_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`common:dealStage.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <DateField label={t('field.expectedClose')} value={values.expectedClose ?? ''} onChange={(day) => set({ expectedClose: day || undefined })} />
        <MemberSelect label={t('field.owner')} team={team} value={values.ownerId || selfId} onChange={(ownerId) => set({ ownerId })} />
        {values.stage === 'lost' && (
          <label className="field">
            <span>{t('field.lostReason')}</span>
            <input value={values.lostReason} onChange={(e) => set({ lostReason: e.target.value })} />
          </label>
        )}
        <div className="wide">
          <SaveError failure={failure} />
        </div>
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary">
            {t('save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
