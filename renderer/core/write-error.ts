import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { asDatabaseLost, asStorageFull, type WriteLabel } from '../db/core/write';
import { logError } from './error-log';

/**
 * What a form says when its save failed. A full disk (in any form, see db/core/write.ts) says what
 * was not saved — `what`, else the label the write carried, else "the change"; any other error shows
 * its own message, so a failed save is never silent.
 */
export function describeWriteError(error: unknown, t: TFunction, what?: WriteLabel): string {
  const full = asStorageFull(error, what);
  if (full) return t('common:write.storageFull', { what: t(`common:write.what.${what ?? full.label ?? 'change'}`) });
  const lost = asDatabaseLost(error, what);
  if (lost) return t('common:write.lost', { what: t(`common:write.what.${what ?? lost.label ?? 'change'}`) });
  const message = error instanceof Error ? error.message : String(error);
  return t('common:write.failed', { message: message || String(error) });
}

/** Why a form's save failed: the message, and whether only a reload helps (the browser closed the database). */
export type SaveFailure = { message: string; reload: boolean };

/**
 * A form's save: runs `write`, and when it fails keeps the message (the form shows it and stays
 * open with the user's input) instead of letting the rejection go unhandled. Resolves to the
 * write's result, or undefined when it failed.
 */
export function useSave(what?: WriteLabel) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<SaveFailure>();
  const save = useCallback(
    async <T,>(write: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
      setFailure(undefined);
      try {
        return { ok: true, value: await write() };
      } catch (error) {
        if (!asStorageFull(error) && !asDatabaseLost(error)) logError('Save failed', error);
        setFailure({ message: describeWriteError(error, t, what), reload: asDatabaseLost(error) !== undefined });
        return { ok: false };
      }
    },
    [t, what],
  );
  return { failure, save, clearFailure: useCallback(() => setFailure(undefined), []) };
}
