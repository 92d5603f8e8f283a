import type { TFunction } from 'i18next';
import type { SyncProblem } from '../../../shared/sync';

/** `segments/bob/00000007-3fa4….seg` → `bob/0007-3fa4…`: short enough for a sentence, still findable. */
export function shortFile(path: string | undefined): string {
  if (!path) return '';
  const parts = path.split('/');
  const name = parts.at(-1) ?? '';
  const m = /^(\d+)-([0-9a-f]{6})/.exec(name);
  const device = parts.length >= 3 ? `${parts.at(-2)}/` : '';
  if (!m) return `${device}${name}`;
  return `${device}${String(Number(m[1])).padStart(4, '0')}-${m[2]}…`;
}

/** The problem as a sentence in the UI language (`problem.<code>` in the sync namespace). */
export function problemText(t: TFunction, p: SyncProblem): string {
  const params: Record<string, string | number> = { ...p.params, file: shortFile(p.path) };
  if (typeof p.params.aheadMs === 'number') params.hours = t('common:counted.hours', { count: Math.round(p.params.aheadMs / 3_600_000) });
  // File system codes a person can act on (full disk, locked file) in words; others stay as the code.
  if (typeof p.params.error === 'string') params.error = t(`sync:errorCode.${p.params.error}`, { defaultValue: p.params.error });
  return t(`sync:problem.${p.code}`, params);
}
