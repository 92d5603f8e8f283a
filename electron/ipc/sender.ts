import { isTrustedUrl } from '../url-policy';

/** The parts of an IPC event that say who sent it (Electron's IpcMainInvokeEvent fits). */
export type SenderEvent = {
  senderFrame: { url: string; parent: unknown } | null;
};

/**
 * Only the app's own top-level page may use the bridge: not an iframe, not a page that navigated
 * elsewhere, not a frame that is already gone.
 */
export function isTrustedSender(event: SenderEvent, origins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isTrustedUrl(frame.url, origins);
}
