import { BRIDGE_GLOBAL, type Bridge } from '../../shared/bridge/contract';
import { createBrowserBridge } from './browser';

let bridge: Bridge | undefined;

/** The shell's bridge: the preload's under Electron, the web implementation in a plain browser. */
export function getBridge(): Bridge {
  if (!bridge) {
    const exposed = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
    bridge = exposed ?? createBrowserBridge();
  }
  return bridge;
}
