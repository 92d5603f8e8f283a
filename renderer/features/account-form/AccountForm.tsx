import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_KINDS, ACCOUNT_TYPES, CATEGORIES, LIFECYCLES } from '../../../shared/domain';
import type { AccountInput } from '../../../shared/validation/account';
import type { FieldErrors } from '../../../shared/validation/result';
import { useLive } from '../../db/core/live';
import { useSave } from '../../core/write-error';
import { SaveError } from '../../components/SaveError';
import { listTeam } from '../../db/team/team';
import { listLeadSources } from '../../db/pipeline/lead-sources';
import { DuplicateWarning } from './DuplicateWarning';
import { formatters } from '../../i18n/format';
import { parseAmount, SelectField, TextField } from './fields';
import { inputOf, type AccountFormValues } from './form-values';
import { ReferralPicker } from './ReferralPicker';

type Props = {
  initial: AccountFormValues;
  /** The account being edited (left out of the duplicate check). */
  accountId?: string;
  submitLabel: string;
  onSubmit: (input: AccountInput) => Promise<FieldErrors | undefined>;
  onCancel: () => void;
};

/** Every field of an account, validated on save; errors are shown at their field. */
export function AccountForm({ initial, accountId, submitLabel, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation('account-form');
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const { failure, save } = useSave('account');
  const team = useLive(listTeam) ?? [];
  const sources = useLive(listLeadSources) ?? [];
  const set = (patch: Partial<AccountFormValues>) => setV((s) => ({ ...s, ...patch }));
  const text = (key: keyof AccountFormValues & string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={`acc-${key}`} label={t(`field.${key}`)} value={String(v[key] ?? '')} onChange={(x) => set({ [key]: x })} error={errors[key]} {...extra} />
  );
  const choice = (key: 'kind' | 'category' | 'accountType' | 'lifecycle', values: readonly string[], label: (x: string) => string) => (
    <SelectField id={`acc-${key}`} label={t(`field.${key}`)} value={v[key]} onChange={(x) => set({ [key]: x })} error={errors[key]} options={values.map((x) => [x, label(x)] as const)} />
  );

  // What the revenue field read, shown before saving ("= 120.000,00 €"); the example until it reads a number.
  const revenueEcho = (typed: string) => {
    const n = parseAmount(typed, i18n.language);
    return n === undefined || Number.isNaN(n) ? t('revenueHint') : t('common:amount.echo', { value: formatters(i18n.language).currency(n) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    // A failed write (e.g. a full disk) is shown here and the form keeps its input; it used to be an
    // unhandled rejection that left the button disabled and said nothing.
    const done = await save(() => onSubmit(inputOf(v, i18n.language)));
    setBusy(false);
    if (!done.ok) return;
    const result = done.value;
    setErrors(result ?? {});
    if (result) document.querySelector<HTMLElement>(`#acc-${Object.keys(result)[0]}`)?.focus();
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form className="account-form" onSubmit={submit} noValidate aria-label={submitLabel}>
      {errorCount > 0 && (
        <p className="error" role="alert">
          {t('fixErrors', { count: errorCount })}
        </p>
      )}
      <SaveError failure={failure} />
      <fieldset>
        <legend>{t('section.base')}</legend>
        {text('name', { autoFocus: true, className: 'wide' })}
        {choice('kind', ACCOUNT_KINDS, (x) => t(`common:accountKind.${x}`))}
        {text('customerNumber')}
      </fieldset>
      <DuplicateWarning name={v.name} postalCode={v.postalCode} customerNumber={v.customerNumber} exceptId={accountId} />
      <fieldset>
        <legend>{t('section.address')}</legend>
        {text('street', { className: 'wide' })}
        {text('postalCode', { inputMode: 'numeric' })}
        {text('city')}
        {text('country', { hint: t('countryHint') })}
      </fieldset>
      <fieldset>
        <legend>{t('section.reach')}</legend>
        {text('phone', { type: 'tel' })}
        {text('email', { type: 'email' })}
        {text('website')}
      </fieldset>
      <fieldset>
        <legend>{t('section.segment')}</legend>
        {choice('category', CATEGORIES, (x) => x)}
        {choice('accountType', ACCOUNT_TYPES, (x) => t(`common:accountType.${x}`))}
        {choice('lifecycle', LIFECYCLES, (x) => t(`common:lifecycle.${x}`))}
        {v.lifecycle === 'former' && text('churnReason', { className: 'wide' })}
        <SelectField id="acc-ownerId" label={t('field.ownerId')} value={v.ownerId} onChange={(x) => set({ ownerId: x })} error={errors.ownerId} options={team.map((m) => [m.id, m.name] as const)} />
      </fieldset>
      <fieldset>
        <legend>{t('section.sales')}</legend>
        {text('productLines', { hint: t('listHint') })}
        {text('annualRevenue', { inputMode: 'decimal', hint: revenueEcho(v.annualRevenue) })}
        <SelectField
          id="acc-leadSourceId"
          label={t('field.leadSourceId')}
          value={v.leadSourceId}
          onChange={(x) => set({ leadSourceId: x })}
          options={[['', t('common:none')] as const, ...sources.map((s) => [s.id, s.name] as const)]}
        />
        <ReferralPicker value={v.referredByAccountId} exceptId={accountId} onChange={(x) => set({ referredByAccountId: x })} />
        {text('tags', { hint: t('listHint') })}
      </fieldset>
      {text('notes', { multiline: true, className: 'wide' })}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:action.cancel')}
        </button>
      </div>
    </form>
  );
}
