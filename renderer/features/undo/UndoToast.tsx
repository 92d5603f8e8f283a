import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUndo } from './undo';

const SHOW_MS = 15_000;

function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Shows the last undoable action; the Undo button or Ctrl+Z (outside text fields) takes it back. */
export function UndoToast() {
  const { t } = useTranslation('undo');
  const { entry, dismiss } = useUndo();

  useEffect(() => {
    if (!entry) return;
    const timer = setTimeout(dismiss, SHOW_MS);
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !typingInField(e.target)) {
        e.preventDefault();
        dismiss();
        void entry.undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [entry, dismiss]);

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {entry && (
        <div className="toast">
          <span>{entry.message}</span>
          <button
            type="button"
            aria-keyshortcuts="Control+Z"
            onClick={() => {
              dismiss();
              void entry.undo();
            }}
          >
            {t('undo')}
          </button>
          <button type="button" className="link" onClick={dismiss} aria-label={t('dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
