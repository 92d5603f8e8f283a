import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, SALUTATIONS, type Contact } from '../../../shared/domain';
import type { ContactInput } from '../../../shared/validation/contact';
import type { FieldErrors } from '../../../shared/validation/result';
import { asIsoDate } from '../../../shared/time';
import { todayIso } from '../../../shared/time/today';
import { findContactsByEmail } from '../../db/accounts/duplicates';
import { useSave } from '../../core/write-error';
import { SaveError } from '../../components/SaveError';
import { SelectField, TextField } from './fields';

type Values = Record<'salutation' | 'title' | 'firstName' | 'lastName' | 'position' | 'phone' | 'mobile' | 'email' | 'preferredChannel' | 'notes' | 'bDay' | 'bMonth' | 'bYear' | 'consent' | 'consentDate' | 'consentSource', string>;

function valuesOf(c?: Contact): Values {
  return {
    salutation: c?.salutation ?? 'none', title: c?.title ?? '', firstName: c?.firstName ?? '', lastName: c?.lastName ?? '', position: c?.position ?? '',
    phone: c?.phone ?? '', mobile: c?.mobile ?? '', email: c?.email ?? '', preferredChannel: c?.preferredChannel ?? 'none', notes: c?.notes ?? '',
    bDay: c?.birthday ? String(c.birthday.day) : '', bMonth: c?.birthday ? String(c.birthday.month) : '', bYear: c?.birthday?.year ? String(c.birthday.year) : '',
    consent: c?.consent ? (c.consent.granted ? 'yes' : 'no') : '', consentDate: c?.consent?.date ?? todayIso(), consentSource: c?.consent?.source ?? '',
  };
}

const num = (s: string) => (s.trim() === '' ? undefined : /^\d+$/.test(s.trim()) ? Number(s) : NaN);

function inputOf(v: Values): ContactInput {
  const { bDay, bMonth, bYear, consent, consentDate, consentSource, ...rest } = v;
  const anyBirthday = bDay || bMonth || bYear;
  const year = num(bYear);
  return {
    ...rest,
    salutation: v.salutation as ContactInput['salutation'],
    preferredChannel: v.preferredChannel as ContactInput['preferredChannel'],
    birthday: anyBirthday ? { day: num(bDay) ?? NaN, month: num(bMonth) ?? NaN, ...(year !== undefined ? { year } : {}) } : undefined,
    // Raw form text: validateContact checks the day before anything is stored.
    consent: consent ? { granted: consent === 'yes', date: asIsoDate(consentDate), source: consentSource } : undefined,
  };
}

type Props = { contact?: Contact; onSubmit: (input: ContactInput) => Promise<FieldErrors | undefined>; onCancel: () => void };

/** A contact person: name, role, how to reach them, birthday (year optional) and marketing consent. */
export function ContactForm({ contact, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('account-form');
  const [v, setV] = useState(() => valuesOf(contact));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sameEmail, setSameEmail] = useState(0);
  const { failure, save } = useSave('contact');
  const set = (patch: Partial<Values>) => setV((s) => ({ ...s, ...patch }));
  const err = (key: string) => errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];
  const text = (key: keyof Values, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={`ct-${key}`} label={t(`contact.${key}`)} value={v[key]} onChange={(x) => set({ [key]: x })} error={err(key)} {...extra} />
  );
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      findContactsByEmail(v.email, contact?.id)
        .then((rows) => !cancelled && setSameEmail(rows.length))
        .catch(() => undefined);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [v.email, contact?.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await save(() => onSubmit(inputOf(v)));
    if (done.ok) setErrors(done.value ?? {});
  };
  const birthdayError = errors['birthday'] ?? errors['birthday.day'] ?? errors['birthday.month'];
  return (
    <form className="account-form contact-form" onSubmit={submit} noValidate aria-label={t(contact ? 'contact.editTitle' : 'contact.newTitle')}>
      {Object.keys(errors).length > 0 && (
        <p className="error" role="alert">
          {t('fixErrors', { count: Object.keys(errors).length })}
        </p>
      )}
      <SaveError failure={failure} />
      <fieldset>
        <legend>{t('contact.person')}</legend>
        <SelectField id="ct-salutation" label={t('contact.salutation')} value={v.salutation} onChange={(x) => set({ salutation: x })} options={SALUTATIONS.map((s) => [s, t(`common:salutation.${s}`)] as const)} />
        {text('title', { hint: t('contact.titleHint') })}
        {text('firstName', { autoFocus: true })}
        {text('lastName')}
        {text('position')}
      </fieldset>
      <fieldset>
        <legend>{t('contact.reach')}</legend>
        {text('phone', { type: 'tel' })}
        {text('mobile', { type: 'tel' })}
        {text('email', { type: 'email' })}
        <SelectField id="ct-preferredChannel" label={t('contact.preferredChannel')} value={v.preferredChannel} onChange={(x) => set({ preferredChannel: x })} options={CHANNELS.map((c) => [c, t(`common:channel.${c}`)] as const)} />
      </fieldset>
      {sameEmail > 0 && (
        <p className="duplicate-warning" role="status">
          {t('contact.sameEmail', { count: sameEmail })}
        </p>
      )}
      <fieldset aria-describedby="ct-birthday-hint">
        <legend>{t('contact.birthday')}</legend>
        {text('bDay', { inputMode: 'numeric', error: birthdayError })}
        {text('bMonth', { inputMode: 'numeric' })}
        {text('bYear', { inputMode: 'numeric', error: err('birthday.year') })}
        <span id="ct-birthday-hint" className="hint">{t('contact.birthdayHint')}</span>
      </fieldset>
      <fieldset>
        <legend>{t('contact.consentTitle')}</legend>
        <SelectField id="ct-consent" label={t('contact.consent')} value={v.consent} onChange={(x) => set({ consent: x })} options={[['', t('contact.consentUnknown')], ['yes', t('contact.consentYes')], ['no', t('contact.consentNo')]] as const} />
        {v.consent && text('consentDate', { type: 'date', error: err('consent.date') })}
        {v.consent && text('consentSource', { error: err('consent.source'), hint: t('contact.consentSourceHint') })}
      </fieldset>
      {text('notes', { multiline: true, className: 'wide' })}
      <div className="actions">
        <button type="submit" className="primary">{t('common:action.save')}</button>
        <button type="button" onClick={onCancel}>{t('common:action.cancel')}</button>
      </div>
    </form>
  );
}
