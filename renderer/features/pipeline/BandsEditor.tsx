import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkLeadScoreBands, type LeadScoreBands } from '../../../shared/scoring';
import { saveLeadScoreBands } from '../../db/pipeline/admin';

/** The limits between hot, warm and cold leads, in points; saved beside the scoring rules. */
export function BandsEditor({ bands }: { bands: LeadScoreBands }) {
  const { t } = useTranslation('pipeline');
  const [hot, setHot] = useState(String(bands.hot));
  const [warm, setWarm] = useState(String(bands.warm));
  const [saved, setSaved] = useState(false);
  // An empty field is no limit: Number('') would read as 0.
  const next = { hot: hot.trim() === '' ? Number.NaN : Number(hot), warm: warm.trim() === '' ? Number.NaN : Number(warm) };
  const check = checkLeadScoreBands(next);
  const [tried, setTried] = useState(false);
  return (
    <form
      className="rules-editor"
      aria-label={t('bandsEditor')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (check !== 'ok') return;
        void saveLeadScoreBands(next).then(() => setSaved(true));
      }}
    >
      <label className="field inline">
        <span>{t('bandHotFrom')}</span>
        <input type="number" step={1} value={hot} aria-invalid={tried && check !== 'ok' ? true : undefined} onChange={(e) => { setSaved(false); setHot(e.target.value); }} />
      </label>
      <label className="field inline">
        <span>{t('bandWarmFrom')}</span>
        <input type="number" step={1} value={warm} aria-invalid={tried && check !== 'ok' ? true : undefined} onChange={(e) => { setSaved(false); setWarm(e.target.value); }} />
      </label>
      <p className="hint">{t('bandColdBelow')}</p>
      {tried && check !== 'ok' && <p role="alert" className="error">{t(`bandsError.${check}`)}</p>}
      <button type="submit" className="primary">{t('saveBands')}</button>
      {saved && <span role="status" className="hint">{t('bandsSaved')}</span>}
    </form>
  );
}
