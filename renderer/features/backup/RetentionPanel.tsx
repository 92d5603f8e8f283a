import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RETENTION_YEARS, eraseAccountPersonalData, listRetentionCandidates } from '../../db/accounts/gdpr';
import { useLive } from '../../db/core/live';
import { getSetting, setSetting } from '../../db/team/settings';
import { formatters } from '../../i18n/format';

/** GDPR retention: the period in years, and former customers past it with "erase personal data". */
export function RetentionPanel() {
  const { t, i18n } = useTranslation('backup');
  const f = formatters(i18n.language);
  const years = useLive(() => getSetting<number>('retentionYears', DEFAULT_RETENTION_YEARS));
  const candidates = useLive(() => listRetentionCandidates());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const placeholder = t('erase.placeholder');

  const erase = async (ids: string[], question: string) => {
    if (!window.confirm(question)) return;
    setBusy(true);
    try {
      for (const id of ids) await eraseAccountPersonalData(id, placeholder);
      setDone(t('retention.done'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel wide" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p className="hint">{t('retention.intro')}</p>
      <label className="field retention-years">
        <span>{t('retention.years')}</span>
        <input
          type="number"
          min={1}
          max={50}
          value={years ?? DEFAULT_RETENTION_YEARS}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (n >= 1 && n <= 50) void setSetting('retentionYears', n);
          }}
        />
      </label>
      {candidates && candidates.length === 0 && <p className="empty-state">{t('retention.none')}</p>}
      {candidates && candidates.length > 0 && (
        <>
          <h3>{t('retention.candidates', { count: years ?? DEFAULT_RETENTION_YEARS })}</h3>
          <ul className="plain-list">
            {candidates.map(({ account, lastActivity, contacts }) => (
              <li key={account.id}>
                <strong>{account.name}</strong>{' '}
                <span className="muted">{t('retention.lastActivity', { date: lastActivity ? f.date(lastActivity) : '—', count: contacts })}</span>{' '}
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('retention.eraseNamed', { name: account.name })}
                  onClick={() => erase([account.id], t('retention.confirmOne', { name: account.name }))}
                >
                  {t('retention.erase')}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            disabled={busy}
            onClick={() => erase(candidates.map((c) => c.account.id), t('retention.confirmAll', { count: candidates.length }))}
          >
            {t('retention.eraseAll', { count: candidates.length })}
          </button>
        </>
      )}
      <div role="status" aria-live="polite">
        {done}
      </div>
    </section>
  );
}
