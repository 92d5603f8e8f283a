import { BrowserWindow, screen } from 'electron';
import type { Logger } from './log';
import { chooseWindowBounds, loadWindowState, MIN_SIZE, saveWindowState } from './window-state';

export type MainWindowOptions = {
  /** Absolute path of dist-electron/preload.cjs. */
  preload: string;
  /** Absolute path of the window icon (dist/renderer/icon.png); Linux shows it, Windows and macOS take the installer's. */
  icon: string;
  /** JSON file in userData remembering size and position. */
  stateFile: string;
  /** Developer tools only in unpackaged builds. */
  isPackaged: boolean;
  log: Pick<Logger, 'warn'>;
};

/** Creates the one main window with the app's security settings and remembered bounds. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const { bounds, maximized } = chooseWindowBounds(loadWindowState(options.stateFile), workAreas);

  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Rapport',
    ...(process.platform === 'linux' ? { icon: options.icon } : {}),
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !options.isPackaged,
      // Chromium downloads Hunspell dictionaries from Google on Windows/Linux; the app stays offline,
      // so only macOS (native spell checker, no download) gets spell checking.
      spellcheck: process.platform === 'darwin',
    },
  });

  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      saveWindowState(options.stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      options.log.warn('Could not save the window state', error);
    }
  });
  return window;
}
