import { getBridge } from '../bridge';
import { asStorageFull } from '../db/core/write';

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return String(error);
}

/** Writes an error to the shell's log (Electron: the log file; browser: the console). Never throws. */
export function logError(context: string, error: unknown): void {
  void getBridge()
    .log({ level: 'error', message: `${context}: ${describe(error)}`.slice(0, 8000) })
    .catch(() => undefined);
}

let installed = false;

/**
 * Unhandled errors and rejections go to the log; a full disk anywhere (also outside a write, e.g. a
 * draft or the browser's own storage) raises the storage-full alert once. Nothing is sent anywhere else.
 */
export function installErrorLogging(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('error', (event) => logError('Uncaught error', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => {
    // Raises the alert unless the write path already did for this very failure.
    asStorageFull(event.reason);
    logError('Unhandled rejection', event.reason);
  });
}
