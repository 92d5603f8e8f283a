import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { segmentKey, type Account } from '../../../shared/domain';
import { useLive } from '../../db/core/live';
import { loadRhythmTable, saveRhythmOverride } from '../../db/planning/planning';
import { DueBadge } from './DueBadge';

const parse = (v: string): number | undefined | null => (v.trim() === '' ? undefined : /^\d{1,4}$/.test(v.trim()) ? Number(v) : null);

/** The account's own contact rhythm: empty fields follow the segment's rule. */
export function RhythmOverride({ account }: { account: Account }) {
  const { t } = useTranslation('rhythm');
  const table = useLive(loadRhythmTable);
  const seg = table?.[segmentKey(account.category, account.accountType)];
  const [human, setHuman] = useState(account.rhythm?.humanDays?.toString() ?? '');
  const [digital, setDigital] = useState(account.rhythm?.digitalDays?.toString() ?? '');
  const [saved, setSaved] = useState('');
  const h = parse(human);
  const d = parse(digital);
  const invalid = h === null || d === null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (invalid) return;
    await saveRhythmOverride(account.id, h, d);
    setSaved(t('saved'));
  };
  return (
    <section className="panel rhythm-override" aria-labelledby="rhythm-override-title">
      <h2 id="rhythm-override-title">{t('override.title')} <DueBadge account={account} /></h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('override.human')}</span>
          <input type="number" min={0} value={human} placeholder={seg ? t('override.default', { days: seg.humanDays }) : ''}
            aria-invalid={h === null} onChange={(e) => { setSaved(''); setHuman(e.target.value); }} />
        </label>
        <label className="field">
          <span>{t('override.digital')}</span>
          <input type="number" min={0} value={digital} placeholder={seg ? t('override.default', { days: seg.digitalDays }) : ''}
            aria-invalid={d === null} onChange={(e) => { setSaved(''); setDigital(e.target.value); }} />
        </label>
        <button type="submit" disabled={invalid}>{t('common:action.save')}</button>
        <span role="status">{saved}</span>
      </form>
      <p className="muted">{t('override.hint', { segment: `${account.category} · ${t(`common:accountType.${account.accountType}`)}` })}</p>
    </section>
  );
}
