import { useId, useState } from 'react';
import { DateInput, DateSegment, I18nProvider, Label, TimeField as AriaTimeField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formatters } from '../i18n/format';
import { hhmmOf, timeOf } from './date-value';

type Props = {
  label: string;
  /** The time as stored, `HH:mm` (24 h), or '' for none. */
  value: string;
  /** The new `HH:mm`, or '' when cleared or not complete yet (as `<input type="time">` did). */
  onChange(value: string): void;
  required?: boolean;
  /** A message from the caller's own checks. */
  error?: string | undefined;
  className?: string;
};

/** 14:30 on an arbitrary day, for the "incomplete" hint in the UI language's form. */
const EXAMPLE = new Date(2026, 11, 7, 14, 30);

/**
 * A time field in the app's language (24 h "14:30" in German), whatever the OS's locale: a native
 * `<input type="time">` shows "02:30 PM" in a German UI on an English system. react-aria's TimeField:
 * hour and minute spin buttons, typed digits move on ("1430"), arrow keys step.
 */
export function TimeField({ label, value, onChange, required, error, className }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const [focused, setFocused] = useState(false);
  const messageId = useId();
  return (
    <I18nProvider locale={fmt.locale}>
      <AriaTimeField
        className={className ? `field ${className}` : 'field'}
        value={timeOf(value)}
        onChange={(next) => onChange(hhmmOf(next))}
        isRequired={required}
        isInvalid={Boolean(error) || undefined}
        validationBehavior="aria"
        shouldForceLeadingZeros
        aria-describedby={messageId}
        onFocusChange={setFocused}
      >
        {({ state }) => {
          const partial = !focused && state.value === null && state.segments.some((s) => s.isEditable && !s.isPlaceholder);
          const message = error || (partial ? t('common:dateField.incompleteTime', { example: fmt.time(EXAMPLE) }) : '');
          return (
            <>
              <Label>{label}</Label>
              <DateInput className="segmented-input">{(segment) => <DateSegment segment={segment} className="segment" />}</DateInput>
              <span id={messageId} className="field-error" aria-live="polite">{message}</span>
            </>
          );
        }}
      </AriaTimeField>
    </I18nProvider>
  );
}
