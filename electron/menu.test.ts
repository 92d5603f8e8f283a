import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../shared/bridge/contract';
import de from './locales/de.json';
import en from './locales/en.json';
import { buildMenuTemplate, menuLanguageFor, type MenuOptions } from './menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function build(overrides: Partial<MenuOptions> = {}) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const template = buildMenuTemplate({ lang: 'de', platform: 'win32', isPackaged: true, send, ...overrides });
  return { template, send, all: items(template) };
}

const byLabel = (all: MenuItemConstructorOptions[], label: string) => {
  const item = all.find((i) => i.label === label);
  if (!item) throw new Error(`no menu item "${label}"`);
  return item;
};

describe('buildMenuTemplate', () => {
  it('has the German top-level menus', () => {
    expect(build().template.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
  });

  it('has the English top-level menus', () => {
    expect(build({ lang: 'en' }).template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('sends each command with its shortcut', () => {
    const { all, send } = build();
    const expected: [string, string | undefined, MenuCommand][] = [
      ['Neuer Kunde', 'CmdOrCtrl+N', 'new-account'],
      ['Kontakt erfassen', 'CmdOrCtrl+L', 'log-interaction'],
      ['Drucken …', 'CmdOrCtrl+P', 'print'],
      ['Sicherung exportieren …', undefined, 'export-backup'],
      ['Heute', 'CmdOrCtrl+1', 'go-today'],
      ['Kunden', 'CmdOrCtrl+2', 'go-customers'],
      ['Plan', 'CmdOrCtrl+3', 'go-plan'],
      ['Berichte', 'CmdOrCtrl+4', 'go-reports'],
      ['Einstellungen …', 'CmdOrCtrl+,', 'go-settings'],
      ['Suchen …', 'CmdOrCtrl+F', 'find'],
    ];
    for (const [label, accelerator, command] of expected) {
      const item = byLabel(all, label);
      expect(item.accelerator, label).toBe(accelerator);
      send.mockClear();
      (item.click as () => void)();
      expect(send).toHaveBeenCalledWith(command);
    }
    // Every command the contract knows is reachable from the menu.
    expect(new Set(expected.map(([, , c]) => c))).toEqual(new Set(MENU_COMMANDS));
  });

  it('uses roles for Edit, Quit, zoom and About', () => {
    const { all } = build();
    const roles = all.map((i) => i.role).filter(Boolean);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'resetZoom', 'zoomIn', 'zoomOut', 'about']) {
      expect(roles, role).toContain(role);
    }
    expect(byLabel(all, 'Beenden').role).toBe('quit');
  });

  it('offers reload and developer tools only when not packaged', () => {
    const packaged = build({ isPackaged: true }).all.map((i) => i.role);
    const dev = build({ isPackaged: false }).all.map((i) => i.role);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
      expect(packaged).not.toContain(role);
      expect(dev).toContain(role);
    }
  });

  it('follows macOS conventions: app menu first, Quit not in File', () => {
    const { template } = build({ platform: 'darwin', lang: 'en' });
    expect(template[0]!.role).toBe('appMenu');
    const file = template.find((m) => m.label === 'File')!;
    expect(items(file.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).not.toContain('quit');
  });

  it('labels every non-separator item', () => {
    for (const lang of ['de', 'en'] as const) {
      for (const item of build({ lang, isPackaged: false, platform: 'darwin' }).all) {
        if (item.type !== 'separator') expect(item.label, JSON.stringify(item.role)).toBeTruthy();
      }
    }
  });
});

describe('locales', () => {
  it('de and en have the same keys and no empty labels', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(de), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });
});

describe('menuLanguageFor', () => {
  it('maps any German locale to de and everything else to en', () => {
    expect(menuLanguageFor('de')).toBe('de');
    expect(menuLanguageFor('de-DE')).toBe('de');
    expect(menuLanguageFor('de-AT')).toBe('de');
    expect(menuLanguageFor('en-US')).toBe('en');
    expect(menuLanguageFor('fr-FR')).toBe('en');
    expect(menuLanguageFor('')).toBe('en');
  });
});
