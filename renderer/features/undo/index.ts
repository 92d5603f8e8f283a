/** Undo: the shell's toast and the hook the pages record undoable changes with. */
export { UndoToast } from './UndoToast';
export { useUndo } from './undo';
