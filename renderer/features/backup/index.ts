/** Backups and data safety: the boot screens for the app root, the panels for settings and the restore steps for import/export. */
export { BackupPanel } from './BackupPanel';
export { BlockedNotice } from './BlockedNotice';
export { DataSafety } from './DataSafety';
export { EraseContactButton } from './EraseContactButton';
export { prepareDatabase } from './prepare';
export { RestoreDialog, RestoreLoading } from './RestoreSteps';
export { RetentionPanel } from './RetentionPanel';
export { useRestore } from './useRestore';
