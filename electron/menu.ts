import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, UiLanguage } from '../shared/bridge/contract';
import de from './locales/de.json';
import en from './locales/en.json';

/** Menu labels; both locale files must have exactly these keys (checked by menu.test.ts). */
export type MenuLabels = typeof en;

const LABELS: Record<UiLanguage, MenuLabels> = { de, en };

export type MenuOptions = {
  lang: UiLanguage;
  /** process.platform: macOS gets the app menu and keeps Quit/About there. */
  platform: string;
  /** Reload and developer tools only exist in unpackaged (developer) builds. */
  isPackaged: boolean;
  /** Sends a command to the renderer (IPC.menuCommand). */
  send(command: MenuCommand): void;
};

/** The system locale decides the first menu language: German for any de-*, English otherwise. */
export function menuLanguageFor(locale: string): UiLanguage {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The application menu as a template for Menu.buildFromTemplate; pure, so it is unit-tested. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[options.lang];
  const mac = options.platform === 'darwin';
  const command = (label: string, accelerator: string | undefined, cmd: MenuCommand): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => options.send(cmd),
  });

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    label: 'Rapport',
    submenu: [
      { role: 'about', label: t.about },
      { type: 'separator' },
      { role: 'services', label: t.services },
      { type: 'separator' },
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      { type: 'separator' },
      { role: 'quit', label: t.quitMac },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command(t.newAccount, 'CmdOrCtrl+N', 'new-account'),
      command(t.logInteraction, 'CmdOrCtrl+L', 'log-interaction'),
      { type: 'separator' },
      command(t.print, 'CmdOrCtrl+P', 'print'),
      command(t.exportBackup, undefined, 'export-backup'),
      ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: t.quit }]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { type: 'separator' },
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        { role: 'reload', label: t.reload },
        { role: 'forceReload', label: t.forceReload },
        { role: 'toggleDevTools', label: t.toggleDevTools },
        { type: 'separator' },
      ];

  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      command(t.goToday, 'CmdOrCtrl+1', 'go-today'),
      command(t.goCustomers, 'CmdOrCtrl+2', 'go-customers'),
      command(t.goPlan, 'CmdOrCtrl+3', 'go-plan'),
      command(t.goReports, 'CmdOrCtrl+4', 'go-reports'),
      command(t.goSettings, 'CmdOrCtrl+,', 'go-settings'),
      { type: 'separator' },
      command(t.find, 'CmdOrCtrl+F', 'find'),
      { type: 'separator' },
      ...developer,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.toggleFullScreen },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: t.minimize },
      ...(mac ? [{ role: 'zoom' as const, label: t.zoom }] : []),
      { type: 'separator' },
      { role: 'close', label: t.close },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [{ role: 'about', label: t.about }],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
