import type { InvokeMethod, InvokeRequest, InvokeResult } from '../../shared/bridge/schemas';
import type { SenderEvent } from './sender';

/** An IPC invoke event as the handlers see it; `S` is Electron's WebContents in the app, a fake in tests. */
export type InvokeEventLike<S> = SenderEvent & { sender: S };

/** Handles one bridge method after the wrapper has checked the sender and parsed the request. */
export type Handler<K extends InvokeMethod, S> = (request: InvokeRequest<K>, event: InvokeEventLike<S>) => Promise<InvokeResult<K>>;

/** Handlers for some bridge methods (one map per domain). */
export type HandlerMap<S, K extends InvokeMethod = InvokeMethod> = { [M in K]: Handler<M, S> };

/**
 * An error whose message is meant for the user. The code prefix ("ERR_…: ") survives Electron's
 * IPC error serialisation, so the renderer can map it to its own translated text.
 */
export class ShellError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'ShellError';
  }
}
