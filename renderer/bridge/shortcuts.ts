import type { MenuCommand } from '../../shared/bridge/contract';

/**
 * The keyboard shortcuts of the application menu, for the browser where there is no menu.
 * Under Electron the menu's accelerators take these keys before the page sees them.
 */
const SHORTCUTS: Record<string, MenuCommand> = {
  n: 'new-account',
  l: 'log-interaction',
  f: 'find',
  p: 'print',
  '1': 'go-today',
  '2': 'go-customers',
  '3': 'go-plan',
  '4': 'go-reports',
  ',': 'go-settings',
};

export function menuCommandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): MenuCommand | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return undefined;
  return SHORTCUTS[event.key.toLowerCase()];
}
