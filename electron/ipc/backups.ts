import type { LogRequest } from '../../shared/bridge/contract';
import type { BackupStore } from '../backup/store';
import { DISK_FULL_CODES } from '../backup/upload';
import { type HandlerMap, ShellError } from './types';

export type BackupDeps<S> = {
  store: BackupStore;
  /** Folder dialog attached to the sender's window; undefined when cancelled. */
  chooseFolder(sender: S): Promise<string | undefined>;
  /** The shell's log. */
  log(request: LogRequest): void;
};

type Method = 'backupStatus' | 'beginBackup' | 'appendBackup' | 'finishBackup' | 'abortBackup' | 'readBackup' | 'setSecondBackupFolder' | 'log';

/** A failed write as the user reads it: a full disk says so and names the backup; the rest keeps the store's message. */
function writeFailed(error: unknown): ShellError {
  const { code, file } = error as { code?: string; file?: string };
  if (code !== undefined && DISK_FULL_CODES.has(code)) {
    const which = file ? ` "${file}"` : '';
    return new ShellError('ERR_DISK_FULL', `The disk is full; the backup${which} was not written. Free some space and back up again.`);
  }
  return new ShellError('ERR_BACKUP_FAILED', `The backup could not be written: ${(error as Error).message}`);
}

/** The chunked backup write (begin/append/finish/abort), readBackup, setSecondBackupFolder and log. */
export function createBackupHandlers<S>(deps: BackupDeps<S>): HandlerMap<S, Method> {
  const writing = async <R>(work: Promise<R>): Promise<R> => {
    try {
      return await work;
    } catch (error) {
      throw writeFailed(error);
    }
  };
  return {
    backupStatus: () => deps.store.status(),
    beginBackup: (request) => writing(deps.store.begin(request)),
    appendBackup: (request) => writing(deps.store.append(request)),
    finishBackup: (request) => writing(deps.store.finish(request)),
    abortBackup: (id) => deps.store.abort(id),
    readBackup: async (request) => {
      try {
        return await deps.store.read(request);
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') throw new ShellError('ERR_BACKUP_MISSING', (error as Error).message);
        throw new ShellError('ERR_READ_FAILED', `Could not read the backup "${request.name}": ${(error as Error).message}`);
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
