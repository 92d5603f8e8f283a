import type { TFunction } from 'i18next';
import type { ImportIssue } from '../../../shared/import/types';

/** Translation of an error code from shared/import with its params; unknown codes still say which code. */
export function issueText(t: TFunction, code: string, params: Record<string, string | number> = {}): string {
  const key = `import.error.${code}`;
  return t(key, { ...params, defaultValue: '' }) || t('import.error.unknown', { code });
}

/** "Zeile 6: „info(at)hofmann.de“ ist keine gültige E-Mail-Adresse." */
export function issueLine(t: TFunction, issue: ImportIssue): string {
  return t('import.rowPrefix', { row: issue.row, message: issueText(t, issue.code, issue.params) });
}
