import { useId, useState } from 'react';
import { DateField as AriaDateField, DateInput, DateSegment, I18nProvider, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { asIsoDate, type IsoDate } from '../../shared/time';
import { formatters } from '../i18n/format';
import { calendarDateOf, isoDateOf } from './date-value';

type Props = {
  label: string;
  /** The day as stored, `YYYY-MM-DD`, or '' for none. */
  value: string;
  /** The new day, or '' when the field was cleared or is not complete yet (as `<input type="date">` did). */
  onChange(value: IsoDate | ''): void;
  /** Earliest and latest day (`YYYY-MM-DD`); a day outside is still reported, but marked with a message. */
  min?: string;
  max?: string;
  required?: boolean;
  /** A message from the caller's own checks. */
  error?: string | undefined;
  /** Marks the field invalid because of a message shown elsewhere, with that message's element id. */
  errorId?: string | undefined;
  /** Extra class beside `field` (e.g. `wide`). */
  className?: string;
};

/** An example day in the UI language's form, for the "incomplete" hint: 07.12.2026 / 07/12/2026. */
const EXAMPLE = asIsoDate('2026-12-07');

/**
 * A day field in the app's language (dd.mm.yyyy in German), whatever Chromium's or the OS's locale:
 * a native `<input type="date">` shows "12/07/2026" in a German UI on an English system. Built on
 * react-aria's DateField: one spin button per part, typed digits move on by themselves ("07122026"
 * or "07.12.2026"), arrow keys step, each part is named ("Tag, Datum") for screen readers.
 */
export function DateField({ label, value, onChange, min, max, required, error, errorId, className }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const [focused, setFocused] = useState(false);
  const messageId = useId();
  // What the field shows may be a day the app cannot store yet (year 2, then 20, 202 while "2026" is typed):
  // the field keeps it while the caller hears '', and takes the caller's value again when that changes.
  const [draft, setDraft] = useState(() => calendarDateOf(value));
  const [reported, setReported] = useState(value);
  if (value !== reported) {
    setReported(value);
    setDraft(calendarDateOf(value));
  }
  const minValue = calendarDateOf(min);
  const maxValue = calendarDateOf(max);
  // A caller with its own message for the period (errorId) says it once; the field does not repeat it.
  const range = errorId ? '' : value && min && value < min ? t('common:dateField.tooEarly', { date: fmt.date(asIsoDate(min)) })
    : value && max && value > max ? t('common:dateField.tooLate', { date: fmt.date(asIsoDate(max)) }) : '';
  return (
    <I18nProvider locale={fmt.locale}>
      <AriaDateField
        className={className ? `field ${className}` : 'field'}
        value={draft}
        onChange={(next) => {
          const day = isoDateOf(next);
          setDraft(next);
          setReported(day);
          onChange(day);
        }}
        minValue={minValue}
        maxValue={maxValue}
        isRequired={required}
        isInvalid={Boolean(error || errorId || range) || undefined}
        validationBehavior="aria"
        shouldForceLeadingZeros
        aria-describedby={[errorId, messageId].filter(Boolean).join(' ')}
        onFocusChange={setFocused}
      >
        {({ state }) => {
          const partial = !focused && state.value === null && state.segments.some((s) => s.isEditable && !s.isPlaceholder);
          const message = error || range || (partial ? t('common:dateField.incomplete', { example: fmt.date(EXAMPLE) }) : '');
          return (
            <>
              <Label>{label}</Label>
              <DateInput className="segmented-input">{(segment) => <DateSegment segment={segment} className="segment" />}</DateInput>
              <span id={messageId} className="field-error" aria-live="polite">{message}</span>
            </>
          );
        }}
      </AriaDateField>
    </I18nProvider>
  );
}
