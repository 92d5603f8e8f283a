import { create } from 'zustand';
import type { MenuCommand } from '../../shared/bridge/contract';

/**
 * Menu commands that a page handles itself (new account, find, log interaction) are parked
 * here with a counter, so the page reacts even when the same command repeats.
 */
export const usePendingCommand = create<{ command?: MenuCommand; seq: number; post: (c: MenuCommand) => void; clear: () => void }>(
  (set) => ({
    command: undefined,
    seq: 0,
    post: (command) => set((s) => ({ command, seq: s.seq + 1 })),
    clear: () => set({ command: undefined }),
  }),
);
