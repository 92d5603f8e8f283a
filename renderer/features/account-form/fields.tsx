import { numberStyleOf, parseDecimal } from '../../../shared/text/number';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Base = { id: string; label: string; error?: string; hint?: string; className?: string };

/** A label above its control, with the error (translated from its code) tied to it for screen readers. */
function Wrap({ id, label, error, hint, className, children }: Base & { children: ReactNode }) {
  const { t } = useTranslation('account-form');
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="error">
          {t(`errors.${error}`)}
        </span>
      ) : (
        hint && (
          <span id={`${id}-hint`} className="hint">
            {hint}
          </span>
        )
      )}
    </div>
  );
}

const described = (id: string, error?: string, hint?: string) => (error ? `${id}-error` : hint ? `${id}-hint` : undefined);

/**
 * E-mail fields are text fields that bring up the e-mail keyboard: Chromium's `type="email"` hands
 * React `joerg@xn--bckerei-weiss-bfb.de` for a typed `joerg@bäckerei-weiß.de` (punycode, and ß made ss),
 * and flags umlauts in the local part as a type mismatch; the address would be stored other than typed.
 * The check is shared/validation/email.ts, the same as the import's.
 */
const EMAIL_INPUT = { type: 'text', inputMode: 'email', autoComplete: 'email', spellCheck: false } as const;

export function TextField(props: Base & { value: string; onChange: (v: string) => void; type?: string; multiline?: boolean; autoFocus?: boolean; inputMode?: 'numeric' | 'decimal' }) {
  const { id, value, onChange, error, hint, type, multiline, autoFocus, inputMode } = props;
  const common = { id, value, 'aria-invalid': !!error, 'aria-describedby': described(id, error, hint), autoFocus };
  return (
    <Wrap {...props}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} {...(type === 'email' ? EMAIL_INPUT : { type: type ?? 'text', inputMode })} onChange={(e) => onChange(e.target.value)} />
      )}
    </Wrap>
  );
}

export function SelectField(props: Base & { value: string; onChange: (v: string) => void; options: ReadonlyArray<readonly [string, string]> }) {
  const { id, value, onChange, error, hint, options } = props;
  return (
    <Wrap {...props}>
      <select id={id} value={value} aria-invalid={!!error} aria-describedby={described(id, error, hint)} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

/** "1.234,56" (German) or "1,234.56" (English) → 1234.56; empty → undefined; anything else → NaN (shared/text/number.ts). */
export function parseAmount(raw: string, language: string): number | undefined {
  return parseDecimal(raw, numberStyleOf(language));
}
