import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { numberStyleOf, parseDecimal } from '../../shared/text/number';
import { formatters } from '../i18n/format';

/** Reads a typed amount the way people of the UI language write it ("1.500", "1.234,56" / "1,500.50"). */
export function useAmountParser(): (text: string) => number | undefined {
  const { i18n } = useTranslation();
  const style = numberStyleOf(i18n.language);
  return (text) => parseDecimal(text, style);
}

type Props = {
  label: string;
  /** The text as typed; the caller parses it with useAmountParser when it saves. */
  value: string;
  onChange(text: string): void;
  /** Euros (the echo shows "1.500,00 €") or a plain number ("1.500"). */
  kind?: 'currency' | 'number';
  /** A message from the caller's own checks (too large, negative …). */
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/**
 * A text field for an amount that shows back what it understood ("= 1.500,00 €") before anything is
 * saved, so "1.500" can never silently become 1,50 €. A native number input cannot do this: it reads
 * "1.500" by the browser's locale, not the app's, and drops what it cannot read without a word.
 */
export function AmountField({ label, value, onChange, kind = 'currency', error, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const parsed = parseDecimal(value, numberStyleOf(i18n.language));
  const inputId = useId();
  const echoId = `${inputId}-echo`;
  const invalid = parsed !== undefined && Number.isNaN(parsed);
  const example = kind === 'currency' ? fmt.number(1234.56, 2) : fmt.number(1500);
  const echo = parsed === undefined ? '' : invalid ? t('common:amount.invalid', { value, example }) : t('common:amount.echo', { value: kind === 'currency' ? fmt.currency(parsed) : fmt.number(parsed, Number.isInteger(parsed) ? 0 : 2) });
  return (
    // The echo stays outside the <label>, so it describes the field instead of becoming part of its name.
    <div className="field">
      <label htmlFor={inputId} className="label">
        {label}
      </label>
      <input
        {...rest}
        id={inputId}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || error ? true : undefined}
        aria-describedby={echoId}
      />
      <span id={echoId} className={invalid || error ? 'field-error' : 'field-echo'} aria-live="polite">
        {error || echo}
      </span>
    </div>
  );
}
