import type { TFunction } from 'i18next';
import type { BackupCryptoCode } from '../../../shared/backup/encryption';
import type { BackupIssue } from '../../../shared/export/backup';

const MB = 1024 * 1024;

/** One sentence on what is wrong with a backup and where (table, row, line), in the `backup` namespace; `name`: the file's name. */
export function describeIssue(t: TFunction<'backup'>, issue: BackupIssue, name = ''): string {
  const params = { ...issue.params, path: issue.path ?? '', name };
  if (issue.code === 'backup.too_large') Object.assign(params, { size: Math.ceil(Number(issue.params?.size) / MB), limit: Math.floor(Number(issue.params?.limit) / MB) });
  const where = [
    // Core tables by their name on screen, the rest as stored.
    issue.table !== undefined && t('where.table', { table: t(`table.${issue.table}`, { defaultValue: issue.table }) }),
    issue.index !== undefined && t('where.row', { row: issue.index + 1 }),
    issue.line !== undefined && t('where.line', { line: issue.line }),
  ].filter(Boolean);
  const what = t(`issue.${issue.code}`, params);
  return where.length ? `${what} (${where.join(', ')})` : what;
}

/** Why an encrypted backup cannot be opened (which chunk, how large), in the `backup` namespace. */
export function describeCrypto(t: TFunction<'backup'>, code: BackupCryptoCode, params: Record<string, number> = {}): string {
  const shown = code === 'backup.crypto.tooLarge' ? { size: Math.ceil(Number(params.size) / MB), limit: Math.floor(Number(params.limit) / MB) } : params;
  return t(`cryptoError.${code}`, shown);
}
