import { join } from 'node:path';
import { app, BrowserWindow, Menu, protocol, shell } from 'electron';
import { IPC, type UiLanguage } from '../shared/bridge/contract';
import { createAppProtocolHandler } from './app-protocol';
import { wireIpc } from './ipc/wire';
import { createLogger } from './log';
import { buildMenuTemplate, menuLanguageFor } from './menu';
import { APP_ORIGIN, APP_SCHEME } from './protocol-path';
import { installSecurity } from './security';
import { parseDevUrl, trustedOrigins } from './url-policy';
import { createMainWindow } from './window';

// Pin the data folder before anything reads it (the single-instance lock lives there too), so a
// renamed product or package never strands a user's IndexedDB.
app.setPath('userData', join(app.getPath('appData'), 'Rapport'));

const log = createLogger({ dir: join(app.getPath('userData'), 'logs') });
process.on('uncaughtException', (error) => log.error('Uncaught exception', error));
process.on('unhandledRejection', (reason) => log.error('Unhandled rejection', reason));

// A dev server is only honoured in unpackaged builds and only on this machine.
const devUrl = app.isPackaged ? undefined : parseDevUrl(process.env.RAPPORT_DEV_URL);
const origins = trustedOrigins(devUrl);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | undefined;
let language: UiLanguage = 'en';

function applyMenu(): void {
  const template = buildMenuTemplate({
    lang: language,
    platform: process.platform,
    isPackaged: app.isPackaged,
    send: (command) => mainWindow?.webContents.send(IPC.menuCommand, command),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function openMainWindow(): void {
  const appPath = app.getAppPath();
  mainWindow = createMainWindow({
    preload: join(appPath, 'dist-electron', 'preload.cjs'),
    icon: join(appPath, 'dist', 'renderer', 'icon.png'),
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    isPackaged: app.isPackaged,
    log,
  });
  mainWindow.on('closed', () => (mainWindow = undefined));
  mainWindow.webContents.on('render-process-gone', (_event, details) => log.error('Renderer gone', details));
  void mainWindow.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`).catch((error: unknown) => log.error('Could not load the app', error));
}

function focusMainWindow(): void {
  if (!mainWindow) return openMainWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  // Another Rapport is running; it gets the 'second-instance' event and comes to the front.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  installSecurity(app, { origins, openExternal: (url) => shell.openExternal(url), log });
  app.on('child-process-gone', (_event, details) => log.error('Child process gone', details));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    log.info(`Rapport ${app.getVersion()} starting on ${process.platform}`, { devUrl: devUrl ?? null });
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: join(app.getAppPath(), 'dist', 'renderer'), sourceMaps: !app.isPackaged }));
    language = menuLanguageFor(app.getLocale());
    applyMenu();
    wireIpc({
      origins,
      log,
      setLanguage: (lang) => {
        language = lang;
        applyMenu();
      },
    });
    openMainWindow();
    app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && openMainWindow());
  });
}
