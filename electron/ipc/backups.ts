import type { LogRequest } from '../../shared/bridge/contract';
import type { BackupStore } from '../backup/store';
import { type HandlerMap, ShellError } from './types';

export type BackupDeps<S> = {
  store: BackupStore;
  /** Folder dialog attached to the sender's window; undefined when cancelled. */
  chooseFolder(sender: S): Promise<string | undefined>;
  /** The shell's log. */
  log(request: LogRequest): void;
};

/** backupStatus, writeBackup, readBackup, setSecondBackupFolder and log. */
export function createBackupHandlers<S>(
  deps: BackupDeps<S>,
): HandlerMap<S, 'backupStatus' | 'writeBackup' | 'readBackup' | 'setSecondBackupFolder' | 'log'> {
  return {
    backupStatus: () => deps.store.status(),
    writeBackup: async (request) => {
      try {
        return await deps.store.write(request);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ENOSPC') throw new ShellError('ERR_DISK_FULL', 'The disk is full; the backup was not written.');
        throw new ShellError('ERR_BACKUP_FAILED', `The backup could not be written: ${(error as Error).message}`);
      }
    },
    readBackup: async (name) => {
      try {
        return await deps.store.read(name);
      } catch (error) {
        throw new ShellError('ERR_READ_FAILED', `Could not read the backup "${name}": ${(error as Error).message}`);
      }
    },
    setSecondBackupFolder: async (action, event) => {
      if (action === 'clear') {
        await deps.store.setSecondFolder(undefined);
      } else {
        const folder = await deps.chooseFolder(event.sender);
        if (folder) await deps.store.setSecondFolder(folder);
      }
      return deps.store.status();
    },
    log: async (request) => deps.log(request),
  };
}
