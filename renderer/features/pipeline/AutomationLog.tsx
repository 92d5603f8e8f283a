import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/core/live';
import { readAutomationLog } from '../../db/pipeline/automation';
import { formatters } from '../../i18n/format';

/** How many log lines show; the stored log keeps more. */
const SHOWN = 20;

/** What the rules did and when: the last run, then one line per task a rule created, newest first. */
export function AutomationLog() {
  const { t, i18n } = useTranslation('pipeline');
  const log = useLive(readAutomationLog);
  const fmt = formatters(i18n.language);
  if (log === undefined) return null;
  const { entries, lastRun } = log;
  return (
    <section aria-labelledby="automation-log-title" className="automation-log">
      <h3 id="automation-log-title">{t('log.title')}</h3>
      <p className="hint">
        {lastRun === undefined
          ? t('log.never')
          : t('log.lastRun', { at: fmt.dateTime(new Date(lastRun.at)), trigger: t(`log.trigger.${lastRun.trigger}`), count: lastRun.created })}
      </p>
      {entries.length === 0 ? (
        <p className="hint">{t('log.empty')}</p>
      ) : (
        <ul aria-label={t('log.title')}>
          {entries.slice(0, SHOWN).map((e) => (
            <li key={`${e.interactionId}:${e.at}`} title={e.subject}>
              {t('log.line', { at: fmt.dateTime(new Date(e.at)), rule: t(`ruleShort.${e.kind}`), account: e.accountName || t('log.unknownAccount') })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
