/** Folder sync: public API for the renderer (Dexie store, UI status) and the Electron folder. */
export { HlcClock, compareHlc, decodeHlc, encodeHlc, DEVICE_ID_PATTERN, MAX_RECEIVE_DRIFT_MS, successorHlc } from './hlc';
export type { HlcParts } from './hlc';
export {
  DELETED_FIELD,
  ERASED_FIELD,
  compareWrites,
  fieldKey,
  isErasure,
  materializeRow,
  newestStamp,
  rowKey,
  stampDefaults,
  stampDelete,
  stampEdits,
  stampErase,
} from './change';
export type { Change, FieldState, MaterializedRow } from './change';
export type { SyncStore } from './store';
export type { Folder, FolderEntry } from './folder';
export { FolderUnavailableError } from './folder';
export { SyncEngine, randomDeviceId } from './engine';
export type { DeviceStatus, SyncEngineOptions, SyncStatus } from './engine';
export type { Quarantined } from './engine-context';
export type { SyncProblem, SyncProblemCode, SyncProblemLevel } from './problems';
export { DEFAULT_PBKDF2_ITERATIONS } from '../crypto';
export { unlockFolderKey } from './engine-root';
export type { SyncKeyring } from './engine-root';
export { SyncError } from './problems';
export { MemoryStore } from './memory-store';
export { rowHash } from './merge-batch';
