import { create } from 'zustand';

/** The last undoable action: what to say and how to take it back. */
export type UndoEntry = { id: number; message: string; undo: () => Promise<unknown> };

type UndoState = { entry?: UndoEntry; offer: (message: string, undo: () => Promise<unknown>) => void; dismiss: () => void };

let seq = 0;

/** One undo at a time, like a mail client's "Undo send": a newer action replaces the older offer. */
export const useUndo = create<UndoState>((set) => ({
  entry: undefined,
  offer: (message, undo) => set({ entry: { id: ++seq, message, undo } }),
  dismiss: () => set({ entry: undefined }),
}));
