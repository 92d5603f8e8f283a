/** Sync: the shell's background automation and the settings panel. */
export { SyncAutomation } from './SyncAutomation';
export { SyncPanel } from './SyncPanel';
