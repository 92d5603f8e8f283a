import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentRule } from '../../../shared/domain';
import { useLive } from '../../db/core/live';
import { listSegmentRules, saveSegmentRule } from '../../db/planning/planning';

type Draft = Record<string, { human: string; digital: string }>;

function toDraft(rules: SegmentRule[]): Draft {
  return Object.fromEntries(rules.map((r) => [r.id, { human: String(r.humanDays), digital: String(r.digitalDays) }]));
}

const valid = (v: string) => /^\d{1,4}$/.test(v.trim()) && Number(v) <= 3650;

/** The team lead's table of contact rhythms: 4 categories × Expand/Maintain, human and digital days. */
export function RhythmSettings() {
  const { t } = useTranslation('rhythm');
  const rules = useLive(listSegmentRules);
  const [draft, setDraft] = useState<Draft>({});
  const [saved, setSaved] = useState('');
  // Stored rules (after a save or a sync) replace the draft, during render.
  const [shown, setShown] = useState<SegmentRule[]>();
  if (rules && rules !== shown) {
    setShown(rules);
    setDraft(toDraft(rules));
  }

  const invalid = Object.values(draft).some((d) => !valid(d.human) || !valid(d.digital));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rules || invalid) return;
    for (const r of rules) {
      const d = draft[r.id];
      if (!d || (Number(d.human) === r.humanDays && Number(d.digital) === r.digitalDays)) continue;
      await saveSegmentRule(r.category, r.accountType, Number(d.human), Number(d.digital));
    }
    setSaved(t('saved'));
  };
  const set = (id: string, field: 'human' | 'digital', value: string) => {
    setSaved('');
    setDraft({ ...draft, [id]: { ...(draft[id] ?? { human: '', digital: '' }), [field]: value } });
  };

  return (
    <section className="panel rhythm-settings" aria-labelledby="rhythm-title">
      <h2 id="rhythm-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <table className="data-table rhythm-table">
          <thead>
            <tr>
              <th scope="col">{t('segment')}</th>
              <th scope="col">{t('humanDays')}</th>
              <th scope="col">{t('digitalDays')}</th>
            </tr>
          </thead>
          <tbody>
            {(rules ?? []).map((r) => {
              const name = `${r.category} · ${t(`common:accountType.${r.accountType}`)}`;
              const d = draft[r.id] ?? { human: '', digital: '' };
              return (
                <tr key={r.id}>
                  <th scope="row">{name}</th>
                  {(['human', 'digital'] as const).map((field) => (
                    <td key={field}>
                      <input type="number" min={0} max={3650} step={1} inputMode="numeric" value={d[field]} aria-invalid={!valid(d[field])}
                        aria-label={t(field === 'human' ? 'humanFor' : 'digitalFor', { segment: name })} onChange={(e) => set(r.id, field, e.target.value)} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {invalid && <p className="error" role="alert">{t('invalid')}</p>}
        <div className="row-actions">
          <button type="submit" className="primary" disabled={invalid}>{t('common:action.save')}</button>
          <span role="status">{saved}</span>
        </div>
      </form>
    </section>
  );
}
