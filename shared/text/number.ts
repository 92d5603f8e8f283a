/**
 * The one number and money parser: every amount a person types (sales, deal values, source costs,
 * rule thresholds, revenue) and every number column an import reads goes through `parseDecimal`.
 * German writes "1.500" for fifteen hundred and "1.234,56" with a decimal comma; English writes
 * "1,500.50". `Number("1.500")` is 1.5, which once stored a typed 1.500 € sale as 1,50 €.
 */

/** `comma`: 1.234,56 (German); `dot`: 1,234.56 (English). */
export type NumberStyle = 'comma' | 'dot';

/** The style people of a UI language type numbers in. */
export function numberStyleOf(language: string): NumberStyle {
  return language.toLowerCase().startsWith('en') ? 'dot' : 'comma';
}

const COMMA_STYLE = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$|^[-+]?\d+,\d+$/;
const DOT_STYLE = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$|^[-+]?\d+\.\d+$/;
/** `1.234` or `1,234`: a thousands group or a decimal with three places — it cannot tell. */
const THREE_AFTER = /^[-+]?\d{1,3}[.,]\d{3}$/;
const PATTERNS: Record<NumberStyle, RegExp> = {
  comma: /^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/,
  dot: /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/,
};

/** Currency signs and every kind of space (thin, no-break, the Swiss apostrophe) are not part of a number. */
function stripDecoration(raw: string): string {
  return raw.replace(/€|EUR/gi, '').replace(/[\s\u00a0\u202f\u2009']/g, '');
}

/**
 * A number typed or imported in `style`; `undefined` for empty input, `NaN` when the text is no
 * number in that style ("1.5" in German: a dot only groups thousands there, so it is refused, not
 * guessed). Thousands groups must have three digits; currency signs and spaces are ignored.
 */
export function parseDecimal(raw: string, style: NumberStyle): number | undefined {
  const v = stripDecoration(raw);
  if (v === '') return undefined;
  if (!PATTERNS[style].test(v)) return Number.NaN;
  const [group, decimal] = style === 'comma' ? ['.', ','] : [',', '.'];
  const n = Number(v.split(group).join('').replace(decimal, '.'));
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * Decides a column's number style from its values: the first value that only one style explains wins;
 * `fallback` (the UI locale) decides when every value is ambiguous like `1.234`.
 */
export function detectNumberStyle(values: readonly string[], fallback: NumberStyle): NumberStyle {
  for (const raw of values) {
    const v = stripDecoration(raw);
    if (v === '' || THREE_AFTER.test(v)) continue;
    if (COMMA_STYLE.test(v)) return 'comma';
    if (DOT_STYLE.test(v)) return 'dot';
  }
  return fallback;
}
