import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../shared/domain';
import { HOLIDAY_COUNTRIES } from '../../../shared/planning/holiday-calendar';
import { numberStyleOf } from '../../../shared/text/number';
import { MemberSelect } from '../../components/MemberSelect';
import { TimeField } from '../../components/TimeField';
import { useSession } from '../../core/session';
import { useLive } from '../../db/core/live';
import { loadRegionStates, saveRepWeek, useRepWeek } from '../../db/planning/rep-week';
import { listTeam } from '../../db/team/team';
import { regionFromAddress } from './region-from-address';
import { draftOf, weekOf, type WeekDraft } from './week-form';
import { AbsenceList, AddressFieldset, DaysOffList } from './WeekParts';
import './rep-week.css';

const sub = (errors: Record<string, string>, prefix: string) =>
  Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith(`${prefix}.`)).map(([k, v]) => [k.slice(prefix.length + 1), v]));

/** "My week": where the rep's days start and end, hours, visit lengths, days off, driving estimate. */
export function RepWeekPanel() {
  const { t, i18n } = useTranslation('rep-week');
  const style = numberStyleOf(i18n.language);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const selfId = useSession((s) => s.selfId);
  const team = useLive(listTeam);
  const [chosen, setChosen] = useState('');
  const rep = chosen || selfId;
  const stored = useRepWeek(rep);
  const [draft, setDraft] = useState<WeekDraft>();
  const [shown, setShown] = useState<{ rep: string; week: string }>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [states, setStates] = useState<{ country: string; names: Record<string, string> }>();
  // A stored week that changes (saved here, synced from the team lead) replaces the form; the live
  // query also runs for other members' edits, which return the same week and leave the form alone.
  const storedText = stored ? JSON.stringify(stored) : '';
  if (stored && (shown?.week !== storedText || shown.rep !== rep)) {
    setShown({ rep, week: storedText });
    setDraft(draftOf(stored, style));
    setErrors({});
  }
  const country = draft?.country ?? '';
  useEffect(() => {
    let cancelled = false;
    void loadRegionStates(country, lang).then((names) => !cancelled && setStates({ country, names }));
    return () => {
      cancelled = true;
    };
  }, [country, lang]);

  // The start address suggests the state (when a geocoder knows it) until the rep picks one by hand.
  const startKey = draft ? [draft.start.postalCode, draft.start.city, draft.start.country].join('|') : '';
  const stateChosen = draft?.stateChosen ?? true;
  useEffect(() => {
    if (!draft || stateChosen) return;
    let cancelled = false;
    void regionFromAddress(draft.start).then((region) => {
      if (!cancelled && region) setDraft((d) => (d && !d.stateChosen ? { ...d, country: region.country, state: region.state } : d));
    });
    return () => {
      cancelled = true;
    };
    // Only a change of the start address asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [startKey, stateChosen]);

  if (!draft) return null;
  const edit = (patch: Partial<WeekDraft>) => {
    setStatus('');
    setDraft({ ...draft, ...patch });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = weekOf(draft, style);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus(t('invalid'));
      return;
    }
    setErrors({});
    await saveRepWeek(rep, result.week);
    setStatus(t('saved'));
  };
  const err = (field: string) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);
  const numberField = (field: 'roadFactor' | 'speedKmh' | 'minDriveMinutes') => (
    <label className="field">
      <span>{t(`drive.${field}`)}</span>
      <input inputMode="decimal" value={draft[field]} aria-invalid={errors[field] ? true : undefined} onChange={(e) => edit({ [field]: e.target.value })} />
      {errors[field] && <span className="field-error">{err(field)}</span>}
    </label>
  );

  return (
    <section className="panel rep-week" aria-labelledby="rep-week-title">
      <h2 id="rep-week-title">{t('title')}</h2>
      <p className="hint">{t('lead')}</p>
      {team && team.length > 1 && <MemberSelect label={t('whose')} team={team} value={rep} onChange={setChosen} />}
      <form className="settings-form rep-week-form" onSubmit={(e) => void submit(e)} noValidate>
        <AddressFieldset legend={t('start')} value={draft.start} onChange={(start) => edit({ start })} errors={sub(errors, 'start')} />
        <label className="check">
          <input type="checkbox" checked={draft.endAtStart} onChange={(e) => edit({ endAtStart: e.target.checked })} />
          {t('endAtStart')}
        </label>
        {!draft.endAtStart && <AddressFieldset legend={t('end')} value={draft.end} onChange={(end) => edit({ end })} errors={sub(errors, 'end')} />}
        <fieldset>
          <legend>{t('hours.title')}</legend>
          <TimeField label={t('hours.start')} value={draft.workStart} onChange={(workStart) => edit({ workStart })} error={err('workStart')} />
          <TimeField label={t('hours.end')} value={draft.workEnd} onChange={(workEnd) => edit({ workEnd })} error={err('workEnd')} />
        </fieldset>
        <fieldset>
          <legend>{t('visit.title')}</legend>
          {CATEGORIES.map((c) => (
            <label key={c} className="field week-minutes">
              <span>{t('visit.category', { category: c })}</span>
              <input inputMode="numeric" value={draft.visitMinutes[c]} aria-invalid={errors[`visitMinutes.${c}`] ? true : undefined}
                onChange={(e) => edit({ visitMinutes: { ...draft.visitMinutes, [c]: e.target.value } })} />
              {errors[`visitMinutes.${c}`] && <span className="field-error">{err(`visitMinutes.${c}`)}</span>}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('region.title')}</legend>
          <label className="field">
            <span>{t('region.country')}</span>
            <select value={draft.country} onChange={(e) => edit({ country: e.target.value, state: '', stateChosen: true })}>
              {HOLIDAY_COUNTRIES.map((c) => <option key={c} value={c}>{t(`region.countryName.${c}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('region.state')}</span>
            <select value={draft.state} onChange={(e) => edit({ state: e.target.value, stateChosen: true })}>
              <option value="">{t('region.nationwide')}</option>
              {Object.entries(states?.country === draft.country ? states.names : {}).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.christmasEveOff} onChange={(e) => edit({ christmasEveOff: e.target.checked })} />
            {t('region.christmasEveOff')}
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.newYearsEveOff} onChange={(e) => edit({ newYearsEveOff: e.target.checked })} />
            {t('region.newYearsEveOff')}
          </label>
        </fieldset>
        <AbsenceList days={draft.absences} onChange={(absences) => edit({ absences })} />
        <fieldset>
          <legend>{t('drive.title')}</legend>
          {numberField('roadFactor')}
          {numberField('speedKmh')}
          {numberField('minDriveMinutes')}
        </fieldset>
        <div className="row-actions">
          <button type="submit" className="primary">{t('common:action.save')}</button>
          <span role="status">{status}</span>
        </div>
      </form>
      <DaysOffList draft={draft} />
    </section>
  );
}
