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

/**
 * A failed save or open as the user reads it: a full disk and a vanished file in their words, naming
 * the file (the shell's message names it too, after its "ERR_…:" code); anything else with its detail.
 */
export function fileErrorText(t: TFunction, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Electron puts "Error invoking remote method …: Error: " in front of the shell's message.
  const [, code, name] = /\b(ERR_DISK_FULL|ERR_FILE_GONE): [^"]*"([^"]+)"/.exec(message) ?? [];
  if (code === 'ERR_DISK_FULL') return t('export.diskFull', { name });
  if (code === 'ERR_FILE_GONE') return t('export.fileGone', { name });
  return t('export.failed', { detail: message });
}
