import { BRIDGE_GLOBAL, type Bridge } from '../../shared/bridge/contract';
import { createBrowserBridge } from './browser';
import { type HandleStore, memoryHandleStore } from './fsa-sync';

export type { HandleStore } from './fsa-sync';

let bridge: Bridge | undefined;
let handles: HandleStore = memoryHandleStore();

/**
 * The composition root hands the browser bridge the database's handle store. The bridge sits below
 * the database layer (db/ uses it for backups), so it is given the store rather than importing it.
 */
export function provideHandleStore(store: HandleStore): void {
  handles = store;
}

/** The shell's bridge: the preload's under Electron, the web implementation in a plain browser. */
export function getBridge(): Bridge {
  if (!bridge) {
    const exposed = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
    bridge = exposed ?? createBrowserBridge(handles);
  }
  return bridge;
}
