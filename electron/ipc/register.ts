import { z } from 'zod';
import { IPC } from '../../shared/bridge/contract';
import { bridgeRequestSchemas, type InvokeMethod } from '../../shared/bridge/schemas';
import type { Logger } from '../log';
import { isTrustedSender } from './sender';
import type { HandlerMap, InvokeEventLike } from './types';

/** The slice of ipcMain the wrapper needs; a fake in tests. */
export type IpcMainLike<E> = {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
};

export type RegisterOptions = {
  /** Origins allowed to call (see trustedOrigins). */
  origins: readonly string[];
  log?: Pick<Logger, 'warn' | 'error'>;
};

/**
 * Registers every bridge method on its channel. Before a handler runs, the wrapper checks that the
 * sender is the app's own top-level page and parses the single argument with the method's zod
 * schema; a handler therefore only ever sees valid requests from trusted pages.
 */
export function registerIpcHandlers<S, E extends InvokeEventLike<S>>(
  ipc: IpcMainLike<E>,
  handlers: HandlerMap<S>,
  options: RegisterOptions,
): void {
  for (const method of Object.keys(bridgeRequestSchemas) as InvokeMethod[]) {
    ipc.handle(IPC[method], createInvokeListener(method, handlers, options));
  }
}

/** The listener for one method; exported for tests. */
export function createInvokeListener<S, E extends InvokeEventLike<S>>(
  method: InvokeMethod,
  handlers: HandlerMap<S>,
  options: RegisterOptions,
): (event: E, ...args: unknown[]) => Promise<unknown> {
  const schema: z.ZodType = bridgeRequestSchemas[method];
  const handler = handlers[method] as (request: unknown, event: E) => Promise<unknown>;
  return async (event, ...args) => {
    if (!isTrustedSender(event, options.origins)) {
      options.log?.warn(`IPC ${method} refused: untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
      throw new Error(`ERR_UNTRUSTED_SENDER: ${method} may only be called by the app itself.`);
    }
    const parsed = args.length <= 1 ? schema.safeParse(args[0]) : undefined;
    if (!parsed?.success) {
      const detail = parsed ? z.prettifyError(parsed.error) : 'too many arguments';
      options.log?.warn(`IPC ${method} refused: invalid request`, detail);
      throw new Error(`ERR_INVALID_REQUEST: ${method}: ${detail}`);
    }
    try {
      return await handler(parsed.data, event);
    } catch (error) {
      options.log?.error(`IPC ${method} failed`, error);
      // Only the message crosses IPC; never hand the renderer a stack with local paths.
      throw new Error(error instanceof Error ? error.message : String(error), { cause: error });
    }
  };
}
