/**
 * Formula injection guard (OWASP "CSV injection"). Spreadsheets run a cell as a formula when it starts
 * with `=`, `+`, `-` or `@`, and some also after a leading tab or CR. Exported CSV text cells that start
 * with one of these get a leading apostrophe, which Excel and LibreOffice show as plain text.
 *
 * Convention (so a round trip gives `+49 170 1234567` back unchanged): on CSV import, a leading
 * apostrophe is removed when — and only when — the next character is one of the triggers. No
 * spreadsheet writes such an apostrophe into a CSV by itself (Excel keeps its own `'` out of the file),
 * so the only source of that pattern is this guard. XLSX needs no prefix: cells are typed as text.
 */
export const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Prefix for neutralised cells. */
export const FORMULA_GUARD = "'";

/** True when a spreadsheet might evaluate this text as a formula. */
export function isFormulaLike(value: string): boolean {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0] as string);
}

/** Makes a text cell inert for spreadsheets by prefixing an apostrophe. */
export function neutraliseFormula(value: string): string {
  return isFormulaLike(value) ? FORMULA_GUARD + value : value;
}

/** Undoes `neutraliseFormula`: strips the apostrophe only before a trigger character. */
export function restoreNeutralised(value: string): string {
  return value.startsWith(FORMULA_GUARD) && isFormulaLike(value.slice(1)) ? value.slice(1) : value;
}
