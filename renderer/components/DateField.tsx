import { useId, useRef, useState } from 'react';
import {
  Button, Calendar, CalendarCell, CalendarGrid, DateInput, DatePicker, DateSegment, Dialog, Group, Heading,
  I18nProvider, Label, Popover,
} from 'react-aria-components';
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
 * or "07.12.2026"), arrow keys step, each part is named ("Tag, Datum") for screen readers. The button
 * beside it opens react-aria's calendar for those who would rather click.
 */
export function DateField({ label, value, onChange, min, max, required, error, errorId, className }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const [partial, setPartial] = useState(false);
  const messageId = useId();
  const fieldRef = useRef<HTMLDivElement>(null);
  const [portal, setPortal] = useState<Element>();
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
      <DatePicker
        ref={fieldRef}
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
        onFocusChange={(focused) => setPartial(!focused && isHalfTyped(fieldRef.current))}
        onOpenChange={(open) => setPortal(open ? (fieldRef.current?.closest('dialog') ?? undefined) : undefined)}
      >
        <Label>{label}</Label>
        <Group className="segmented-input">
          <DateInput className="segments">{(segment) => <DateSegment segment={segment} className="segment" />}</DateInput>
          <Button className="calendar-button" aria-label={t('common:dateField.pickDate')}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
              <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
            </svg>
          </Button>
        </Group>
        <span id={messageId} className="field-error" aria-live="polite">
          {error || range || (partial ? t('common:dateField.incomplete', { example: fmt.date(EXAMPLE) }) : '')}
        </span>
        {/* Inside a modal <dialog> the calendar must open in that dialog: the top layer covers the body. */}
        <Popover className="calendar-popover" placement="bottom start" {...(portal ? { UNSTABLE_portalContainer: portal } : {})}>
          <Dialog className="calendar-dialog" aria-label={label}>
            <Calendar>
              <header>
                <Button slot="previous">‹</Button>
                <Heading />
                <Button slot="next">›</Button>
              </header>
              <CalendarGrid>{(date) => <CalendarCell date={date} />}</CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}

/** Some parts typed, others not: the field cannot report a day, and says so once it is left. */
function isHalfTyped(field: HTMLElement | null): boolean {
  const parts = [...(field?.querySelectorAll('[role="spinbutton"]') ?? [])];
  const typed = parts.filter((p) => !p.hasAttribute('data-placeholder')).length;
  return typed > 0 && typed < parts.length;
}
