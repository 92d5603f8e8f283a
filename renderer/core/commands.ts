import { useEffect, useEffectEvent } from 'react';
import type { MenuCommand } from '../../shared/bridge/contract';
import { useRouter, type NavPage, type Route } from './router';

/** What a menu command does once it has a handler. */
export type CommandHandler = () => void;

/**
 * What a command does while no mounted page has registered a handler for it. `runOnRegister` keeps
 * the command until its handler registers (the page that was just opened mounts), then runs it once.
 */
export type CommandFallback = (runOnRegister: () => void) => void;

export type CommandRegistry = {
  /** Adds a handler; the newest registered handler of a command wins. Returns the unregister function. */
  register(command: MenuCommand, handler: CommandHandler): () => void;
  /** Runs the command: its newest handler, or else its fallback. */
  run(command: MenuCommand): void;
};

/**
 * Menu commands (application menu, and the same shortcuts in the browser) go to the handler a
 * mounted page registered, else to the fallback. Being a Record, the table of fallbacks makes the
 * compiler check that every command of the contract is handled somewhere.
 */
export function createCommandRegistry(fallbacks: Record<MenuCommand, CommandFallback>): CommandRegistry {
  // A stack per command, so a page mounting over another (or StrictMode's second mount) never loses the older handler.
  const handlers = new Map<MenuCommand, { handler: CommandHandler }[]>();
  // At most one command waits for its page: a newer command replaces it, so a stale one never fires later.
  let waiting: MenuCommand | undefined;

  return {
    register(command, handler) {
      const entry = { handler };
      const stack = handlers.get(command) ?? [];
      stack.push(entry);
      handlers.set(command, stack);
      if (waiting === command) {
        waiting = undefined;
        handler();
      }
      return () => {
        const at = stack.indexOf(entry);
        if (at >= 0) stack.splice(at, 1);
      };
    },
    run(command) {
      waiting = undefined;
      const top = handlers.get(command)?.at(-1);
      if (top) return top.handler();
      fallbacks[command](() => {
        waiting = command;
      });
    },
  };
}

const go =
  (page: NavPage): CommandFallback =>
  () =>
    useRouter.getState().navigate({ page });

/** Opens the page that handles the command; the command runs as soon as the page registers its handler. */
const openThenRun =
  (route: Route): CommandFallback =>
  (runOnRegister) => {
    runOnRegister();
    useRouter.getState().navigate(route);
  };

/** What each command does when no open page took it. */
export const MENU_FALLBACKS: Record<MenuCommand, CommandFallback> = {
  'new-account': openThenRun({ page: 'customers' }),
  find: openThenRun({ page: 'customers' }),
  // The log launcher lives in the shell for the whole session; a command before it mounted waits for it.
  'log-interaction': (runOnRegister) => runOnRegister(),
  'go-today': go('today'),
  'go-customers': go('customers'),
  'go-plan': go('plan'),
  'go-reports': go('reports'),
  'go-settings': go('settings'),
  // Only the week plan and the briefing have a printed form; on other pages Print does nothing
  // (and is not kept: opening the plan later must not print it).
  print: () => {},
  'export-backup': openThenRun({ page: 'importExport' }),
};

/** The app's one registry; the shell feeds it the bridge's menu commands. */
export const menuCommands = createCommandRegistry(MENU_FALLBACKS);

/** Runs a menu command (the shell's listener on the bridge). */
export function runMenuCommand(command: MenuCommand): void {
  menuCommands.run(command);
}

/**
 * Handles a menu command while the calling component is mounted. The handler always sees the
 * component's latest state (an effect event), so it needs no dependency list.
 */
export function useMenuCommand(command: MenuCommand, handler: CommandHandler, registry: CommandRegistry = menuCommands): void {
  const onCommand = useEffectEvent(handler);
  useEffect(() => registry.register(command, () => onCommand()), [command, registry]);
}
