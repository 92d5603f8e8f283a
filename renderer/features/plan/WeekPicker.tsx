import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatters } from '../../i18n/format';
import { sameWeek, shiftWeek, weekRangeText, type WeekRef } from './week-nav';

/** Keys on the week value, as a spin button: arrows step one week, Page Up/Down four, Home = this week. */
const STEPS: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -4, PageUp: 4 };

type Props = { week: WeekRef; today: WeekRef; onChange: (week: WeekRef) => void };

/**
 * The ISO-week picker: previous/next buttons around "KW 48 · 23.–29.11.2026" and a jump to this
 * week. Replaces `<input type="week">`, which shows the browser's own (English) texts in the
 * German UI. The value is a spin button, so screen readers announce the new week on every step.
 */
export function WeekPicker({ week, today, onChange }: Props) {
  const { t, i18n } = useTranslation('plan');
  const captionId = useId();
  const hintId = useId();
  const text = t('weekLabel', { week: week.isoWeek, range: weekRangeText(week, formatters(i18n.language).locale) });
  const isToday = sameWeek(week, today);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = STEPS[e.key];
    if (step === undefined && e.key !== 'Home') return;
    e.preventDefault();
    onChange(step === undefined ? today : shiftWeek(week, step));
  };
  return (
    <div className="field week-picker" role="group" aria-labelledby={captionId}>
      <span id={captionId}>{t('week')}</span>
      <div className="week-picker-row">
        <button type="button" onClick={() => onChange(shiftWeek(week, -1))} aria-label={t('prevWeek')} title={t('prevWeek')}>‹</button>
        <span
          className={isToday ? 'week-picker-value current' : 'week-picker-value'}
          role="spinbutton" tabIndex={0} aria-labelledby={captionId} aria-describedby={hintId}
          aria-valuenow={week.isoWeek} aria-valuetext={text} aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home"
          onKeyDown={onKeyDown}
        >
          {text}
        </span>
        <button type="button" onClick={() => onChange(shiftWeek(week, 1))} aria-label={t('nextWeek')} title={t('nextWeek')}>›</button>
        <button type="button" onClick={() => onChange(today)}>{t('thisWeek')}</button>
      </div>
      <span id={hintId} className="sr-only">{t('weekKeys')}</span>
    </div>
  );
}
