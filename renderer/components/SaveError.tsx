import { useTranslation } from 'react-i18next';

/**
 * Where a form shows that its save failed (see core/write-error.ts); nothing when it did not. When
 * the browser closed the database, the reload button sits here too: an open modal dialog makes the
 * app-wide alert behind it unreachable.
 */
export function SaveError({ failure }: { failure: { message: string; reload?: boolean } | string | undefined }) {
  const { t } = useTranslation();
  if (!failure) return null;
  const { message, reload } = typeof failure === 'string' ? { message: failure, reload: false } : failure;
  return (
    <div className="error save-error" role="alert">
      <p>{message}</p>
      {reload && (
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('common:write.reload')}
        </button>
      )}
    </div>
  );
}
