import type { NotifyRequest } from '../../shared/bridge/contract';
import type { HandlerMap } from './types';

/** The part of Electron's Notification the handler uses. */
export type NotificationLike = { show(): void; close(): void };

export type NotifyDeps = {
  /** Notification.isSupported(). */
  isSupported(): boolean;
  /** new Notification(...). */
  create(request: NotifyRequest): NotificationLike;
};

// Electron notifications vanish (and lose their click handlers) once garbage-collected; keep the latest.
const KEEP_UNTAGGED = 20;

/** notify: shows an OS notification; one with the same tag replaces the previous one. */
export function createNotifyHandlers<S>(deps: NotifyDeps): HandlerMap<S, 'notify'> {
  const tagged = new Map<string, NotificationLike>();
  const recent: NotificationLike[] = [];
  return {
    notify: async (request) => {
      if (!deps.isSupported()) return false;
      const notification = deps.create(request);
      if (request.tag) {
        tagged.get(request.tag)?.close();
        tagged.set(request.tag, notification);
      } else {
        recent.push(notification);
        if (recent.length > KEEP_UNTAGGED) recent.shift();
      }
      notification.show();
      return true;
    },
  };
}
