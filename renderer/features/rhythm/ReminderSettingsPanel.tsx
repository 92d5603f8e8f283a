import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/core/live';
import { getPlanningSettings, savePlanningSettings, type PlanningSettings } from '../../db/planning/planning';

const FIELDS = [
  ['birthdayLeadDays', 0, 60],
  ['offerFollowUpDays', 1, 120],
  ['complaintOpenDays', 1, 120],
  ['maxVisitsPerDay', 1, 15],
] as const;

/** Lead time of birthdays, when offers and complaints are flagged, the notification hour, visits per day. */
export function ReminderSettingsPanel() {
  const { t } = useTranslation('rhythm');
  const stored = useLive(getPlanningSettings);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  const [shown, setShown] = useState<PlanningSettings>();
  if (stored && stored !== shown) {
    setShown(stored);
    setDraft(Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v === null ? '' : String(v)])));
  }

  const ok = FIELDS.every(([k, min, max]) => /^\d+$/.test(draft[k] ?? '') && Number(draft[k]) >= min && Number(draft[k]) <= max);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ok) return;
    const patch: Partial<PlanningSettings> = { notifyHour: draft.notifyHour === '' ? null : Number(draft.notifyHour) };
    for (const [k] of FIELDS) patch[k] = Number(draft[k]);
    await savePlanningSettings(patch);
    setSaved(t('saved'));
  };

  return (
    <section className="panel" aria-labelledby="reminder-settings-title">
      <h2 id="reminder-settings-title">{t('reminders.title')}</h2>
      <form className="settings-form" onSubmit={(e) => void submit(e)}>
        {FIELDS.map(([k, min, max]) => (
          <label key={k} className="field">
            <span>{t(`reminders.${k}`)}</span>
            <input type="number" min={min} max={max} value={draft[k] ?? ''} onChange={(e) => { setSaved(''); setDraft({ ...draft, [k]: e.target.value }); }} />
          </label>
        ))}
        <label className="field">
          <span>{t('reminders.notifyHour')}</span>
          <select value={draft.notifyHour ?? ''} onChange={(e) => { setSaved(''); setDraft({ ...draft, notifyHour: e.target.value }); }}>
            <option value="">{t('reminders.onlyAtStart')}</option>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={String(h)}>{t('reminders.hour', { hour: String(h).padStart(2, '0') })}</option>
            ))}
          </select>
        </label>
        {!ok && <p className="error" role="alert">{t('reminders.invalid')}</p>}
        <div className="row-actions">
          <button type="submit" className="primary" disabled={!ok}>{t('common:action.save')}</button>
          <span role="status">{saved}</span>
        </div>
      </form>
    </section>
  );
}
