import { readFile as fsReadFile, stat as fsStat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FileFilter } from '../../shared/bridge/contract';
import { FILE_LOCKED, writeFileAtomic } from '../fs/atomic-write';
import { type HandlerMap, ShellError } from './types';

/** Files above this size are refused: this one-shot read serves imports (CSV/XLSX/vCard); backups are read in ranges (chunked-files.ts). */
export const MAX_OPEN_BYTES = 200 * 1024 * 1024;

export type FileDeps<S> = {
  /** Save dialog attached to the sender's window; undefined when cancelled. */
  showSaveDialog(sender: S, options: { defaultPath: string; filters: FileFilter[] }): Promise<string | undefined>;
  /** Open dialog attached to the sender's window; empty when cancelled. */
  showOpenDialog(sender: S, options: { filters: FileFilter[]; multiple: boolean }): Promise<string[]>;
  /** Renders the sender's page to PDF bytes. */
  printToPdf(sender: S, options: { landscape: boolean }): Promise<Uint8Array>;
  /** Folder the save dialog starts in (Documents). */
  defaultFolder(): string;
  writeFile?: (path: string, data: string | Uint8Array) => Promise<void>;
  stat?: (path: string) => Promise<{ size: number; isFile(): boolean }>;
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Overrides MAX_OPEN_BYTES in tests. */
  maxOpenBytes?: number;
};

const PDF_FILTER: FileFilter[] = [{ name: 'PDF', extensions: ['pdf'] }];

/** saveFile, openFiles and printToPdf. */
export function createFileHandlers<S>(deps: FileDeps<S>): HandlerMap<S, 'saveFile' | 'openFiles' | 'printToPdf'> {
  const writeFile = deps.writeFile ?? writeFileAtomic;
  const stat = deps.stat ?? fsStat;
  const readFile = deps.readFile ?? fsReadFile;
  const maxBytes = deps.maxOpenBytes ?? MAX_OPEN_BYTES;

  const saveAs = async (sender: S, suggestedName: string, filters: FileFilter[], data: string | Uint8Array) => {
    const path = await deps.showSaveDialog(sender, { defaultPath: join(deps.defaultFolder(), suggestedName), filters });
    if (!path) return { saved: false as const };
    try {
      await writeFile(path, data);
    } catch (error) {
      if (errorCode(error) === FILE_LOCKED) throw new ShellError(FILE_LOCKED, (error as Error).message);
      throw new ShellError('ERR_WRITE_FAILED', `Could not save "${basename(path)}": ${(error as Error).message}`);
    }
    return { saved: true as const, path };
  };

  return {
    saveFile: (request, event) => saveAs(event.sender, request.suggestedName, request.filters, request.data),

    openFiles: async (request, event) => {
      const paths = await deps.showOpenDialog(event.sender, { filters: request.filters, multiple: request.multiple });
      const chosen = request.multiple ? paths : paths.slice(0, 1);
      // Check every file before reading any, so a too-large file fails fast and nothing half-loads.
      for (const path of chosen) {
        const info = await stat(path).catch((error: unknown) => {
          throw new ShellError('ERR_READ_FAILED', `Could not read "${basename(path)}": ${(error as Error).message}`);
        });
        if (!info.isFile()) throw new ShellError('ERR_NOT_A_FILE', `"${basename(path)}" is not a file.`);
        if (info.size > maxBytes) {
          throw new ShellError(
            'ERR_FILE_TOO_LARGE',
            `"${basename(path)}" is ${formatMegabytes(info.size)}; files over ${formatMegabytes(maxBytes)} cannot be opened.`,
          );
        }
      }
      const files = [];
      for (const path of chosen) {
        const bytes = await readFile(path).catch((error: unknown) => {
          throw new ShellError('ERR_READ_FAILED', `Could not read "${basename(path)}": ${(error as Error).message}`);
        });
        files.push({ name: basename(path), data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
      }
      return files;
    },

    printToPdf: async (request, event) => {
      // Render first, so the PDF shows the page as it was when the user asked, not after the dialog.
      const pdf = await deps.printToPdf(event.sender, { landscape: request.landscape });
      return saveAs(event.sender, request.suggestedName, PDF_FILTER, pdf);
    },
  };
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
