import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../shared/domain';
import type { DayOff } from '../../../shared/planning/holidays';
import { todayIso } from '../../../shared/time/today';
import { DateField } from '../../components/DateField';
import { loadDaysOff } from '../../db/planning/rep-week';
import { formatters } from '../../i18n/format';
import type { AddressDraft, WeekDraft } from './week-form';

const PARTS = ['label', 'street', 'postalCode', 'city', 'country'] as const;

/** Start or end point: label, street, postcode, town, country. */
export function AddressFieldset({ legend, value, onChange, errors }: { legend: string; value: AddressDraft; onChange: (a: AddressDraft) => void; errors: Record<string, string> }) {
  const { t } = useTranslation('rep-week');
  return (
    <fieldset className="week-address">
      <legend>{legend}</legend>
      {PARTS.map((p) => (
        <label key={p} className={`field week-${p}`}>
          <span>{t(`address.${p}`)}</span>
          <input
            value={value[p]}
            autoComplete="off"
            placeholder={p === 'country' ? 'DE' : p === 'label' ? t('address.labelExample') : undefined}
            aria-invalid={errors[p] ? true : undefined}
            onChange={(e) => onChange({ ...value, [p]: e.target.value })}
          />
          {errors[p] && <span className="field-error">{t(`errors.${errors[p]}`)}</span>}
        </label>
      ))}
    </fieldset>
  );
}

/** Absence days: a list with remove buttons, a day field and "add". */
export function AbsenceList({ days, onChange }: { days: IsoDate[]; onChange: (d: IsoDate[]) => void }) {
  const { t, i18n } = useTranslation('rep-week');
  const fmt = formatters(i18n.language);
  const [day, setDay] = useState<IsoDate | ''>('');
  const add = () => {
    if (!day) return;
    onChange([...new Set([...days, day])].sort());
    setDay('');
  };
  return (
    <fieldset className="week-absences">
      <legend>{t('absences.title')}</legend>
      {days.length === 0 ? <p className="hint">{t('absences.none')}</p> : (
        <ul className="plain-list" aria-label={t('absences.title')}>
          {days.map((d) => (
            <li key={d}>
              {fmt.date(d)}{' '}
              <button type="button" className="link" aria-label={t('absences.removeDay', { date: fmt.date(d) })} onClick={() => onChange(days.filter((x) => x !== d))}>
                {t('absences.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row-actions">
        <DateField label={t('absences.day')} value={day} onChange={setDay} />
        <button type="button" disabled={!day} onClick={add}>{t('absences.add')}</button>
      </div>
    </fieldset>
  );
}

/** The coming 60 days off of the week as typed, with their names, so the rep sees Fronleichnam is known. */
export function DaysOffList({ draft }: { draft: WeekDraft }) {
  const { t, i18n } = useTranslation('rep-week');
  const fmt = formatters(i18n.language);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const [shown, setShown] = useState<{ key: string; days: DayOff[] }>();
  const today = todayIso();
  const { country, state, christmasEveOff, newYearsEveOff, absences } = draft;
  const key = [country, state, christmasEveOff, newYearsEveOff, absences.join(','), lang, today].join('|');
  useEffect(() => {
    let cancelled = false;
    const until = new Date(`${today}T12:00:00`);
    until.setDate(until.getDate() + 59);
    const input = { holidayRegion: { country, state }, christmasEveOff, newYearsEveOff, absences };
    void loadDaysOff(input, today, todayIso(until), lang).then((days) => !cancelled && setShown({ key, days }));
    return () => {
      cancelled = true;
    };
  }, [key, country, state, christmasEveOff, newYearsEveOff, absences, today, lang]);
  const days = shown?.key === key ? shown.days : undefined;
  return (
    <section className="week-days-off" aria-labelledby="week-days-off-title" aria-busy={days === undefined}>
      <h3 id="week-days-off-title">{t('daysOff.title')}</h3>
      {days?.length === 0 && <p className="hint">{t('daysOff.none')}</p>}
      <ul className="plain-list" aria-label={t('daysOff.title')}>
        {(days ?? []).map((d) => (
          <li key={d.date}>
            <span className="week-day-off-date">{fmt.date(d.date)}</span> {d.name}
          </li>
        ))}
      </ul>
    </section>
  );
}
