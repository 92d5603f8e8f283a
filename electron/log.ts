import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export type Logger = {
  /** The file currently written to. */
  readonly path: string;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
};

export type LoggerOptions = {
  /** Folder for the log files (created if missing). */
  dir: string;
  /** Base file name (default "rapport.log"); rotated copies get ".1" … ".4". */
  fileName?: string;
  /** Size at which the file is rotated (default 1 MB). */
  maxBytes?: number;
  /** Files kept in total, the current one included (default 5). */
  maxFiles?: number;
  /** Clock, for tests. */
  now?: () => Date;
};

/**
 * A small rotating file log. Writes are synchronous on purpose: the lines that matter most are the
 * ones written just before a crash, and the volume is tiny.
 */
export function createLogger(options: LoggerOptions): Logger {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const maxFiles = Math.max(1, options.maxFiles ?? 5);
  const now = options.now ?? (() => new Date());
  const path = join(options.dir, options.fileName ?? 'rapport.log');
  mkdirSync(options.dir, { recursive: true });
  let size = fileSize(path);

  const rotate = () => {
    rmSync(`${path}.${maxFiles - 1}`, { force: true });
    for (let i = maxFiles - 2; i >= 1; i--) {
      renameIfExists(`${path}.${i}`, `${path}.${i + 1}`);
    }
    if (maxFiles > 1) renameIfExists(path, `${path}.1`);
    else rmSync(path, { force: true });
    size = 0;
  };

  const write = (level: LogLevel, message: string, detail?: unknown) => {
    const line = `${now().toISOString()} ${level.toUpperCase()} ${message}${formatDetail(detail)}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(path, line);
      size += bytes;
    } catch {
      // A full or read-only disk must never take the app down because of its log.
    }
  };

  return {
    path,
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}

function formatDetail(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.stack ?? `${detail.name}: ${detail.message}`}`;
  if (typeof detail === 'string') return ` ${detail}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function renameIfExists(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
