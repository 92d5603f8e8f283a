import { concatBytes } from '../bytes';
import type { CheckedChunks } from '../backup/integrity';
import { parseIntegrityLine } from '../backup/integrity';
import type { Backup } from './backup';
import { BackupReadError, checkRow, decode, headerOf, knownTable, NEED_BYTES, type BackupBatch, type BackupReader, type BackupReadOptions } from './backup-read-rules';

// The reader of line-per-row backups (backup-writer.ts), fed chunk by chunk; see backup-reader.ts.

const TABLE_OPEN = /^("(?:[^"\\]|\\.)*"):\[$/;

export type Feed = {
  chunks: CheckedChunks;
  /** Bytes after the header line already read. */
  head: Uint8Array;
  /** Whether `chunks` has no more. */
  done: boolean;
  /** Bytes decoded at a time. */
  decodeBytes: number;
};

export function lineReader(feed: Feed, header: Backup, options: BackupReadOptions): BackupReader {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  /** Bytes read and not yet cut into lines start at `pos`; what is left when a chunk ends (a partial line) is carried into the next. */
  let bytes = feed.head;
  let pos = 0;
  let sourceDone = feed.done;
  let lines: string[] = [];
  let at = 0;
  /** 1-based number of the line last handed out. */
  let lineNo = 1;
  /** Whether the file's last line has no line break (a cut-off file, unless it is the closing `}}`). */
  let unterminated = false;

  /** Cuts the next lines from the bytes held; false when a line is incomplete and more bytes are needed. */
  const cutLines = (): boolean => {
    if (pos >= bytes.length) return false;
    const end = Math.min(pos + feed.decodeBytes, bytes.length);
    let cut = pos + bytes.subarray(pos, end).lastIndexOf(0x0a);
    if (cut < pos) cut = bytes.indexOf(0x0a, end);
    if (cut < 0) {
      if (!sourceDone) return false;
      cut = bytes.length;
      unterminated = true;
    }
    lines = decode(decoder, bytes.subarray(pos, cut), lineNo + 1, unterminated).split('\n');
    at = 0;
    pos = cut + 1;
    return true;
  };
  /** The next chunk after the carried-over partial line. */
  const readMore = async (): Promise<void> => {
    const chunk = await feed.chunks.next();
    if (!chunk) {
      sourceDone = true;
      return;
    }
    bytes = pos < bytes.length ? concatBytes([bytes.subarray(pos), chunk]) : chunk;
    pos = 0;
  };
  /** The next line, `undefined` at the end of the file, `null` when bytes must be read first. */
  const nextLine = (): string | undefined | null => {
    while (at >= lines.length) {
      if (cutLines()) continue;
      if (sourceDone && pos >= bytes.length) return undefined;
      return null;
    }
    lineNo++;
    return lines[at++]!.trimEnd();
  };
  const atLastLine = () => unterminated && at >= lines.length && pos >= bytes.length && sourceDone;

  let table: string | undefined;
  let index = 0;
  let tablesSeen = 0;
  /** The previous table's `],` or row's `,` promises another one. */
  let more = false;
  /** After the tables closed with `},`: the integrity line comes next (shared/backup/integrity.ts). */
  let closing = false;
  let ended = false;
  // Whatever is wrong with the file's last line, when it has no line break, is a cut-off file.
  const layout = () => new BackupReadError({ code: atLastLine() ? 'backup.truncated' : 'backup.invalid_layout', ...(table !== undefined ? { table, index } : {}), line: lineNo });

  const take = (max: number): BackupBatch | undefined | typeof NEED_BYTES => {
    const rows: Array<Record<string, unknown>> = [];
    let first = index;
    for (;;) {
      if (table !== undefined && rows.length >= max) return { table, rows, first };
      const line = nextLine();
      // The rows so far go now (a smaller batch); the next chunk is read before the next call.
      if (line === null) return table !== undefined && rows.length > 0 ? { table, rows, first } : NEED_BYTES;
      if (line === undefined) {
        if (ended) return undefined;
        throw new BackupReadError({ code: 'backup.truncated', ...(table !== undefined ? { table, index } : {}), line: lineNo });
      }
      if (ended) {
        if (line !== '') throw layout();
      } else if (closing) {
        // Its hash is checked by the chunks (they see the bytes); here only its place and form.
        if (!parseIntegrityLine(line)) throw layout();
        ended = true;
      } else if (table === undefined) {
        const open = TABLE_OPEN.exec(line);
        if (line === '}}' && !more) ended = true;
        else if (line === '},' && !more) closing = true;
        else if (open && more === tablesSeen > 0) {
          table = JSON.parse(open[1]!) as string;
          knownTable(table, options, lineNo);
          index = 0;
          more = false;
          tablesSeen++;
        } else throw layout();
      } else if (line === ']' || line === '],') {
        if (more && index > 0) throw layout();
        const done = table;
        table = undefined;
        more = line === '],';
        if (rows.length > 0) return { table: done, rows, first };
      } else {
        if (index > 0 && !more) throw layout();
        more = line.endsWith(',');
        let row: unknown;
        try {
          row = JSON.parse(more ? line.slice(0, -1) : line);
        } catch {
          throw new BackupReadError({ code: atLastLine() ? 'backup.truncated' : 'backup.not_json', table, index, line: lineNo });
        }
        if (rows.length === 0) first = index;
        rows.push(checkRow(row, table, index, options.tables?.[table], lineNo));
        index++;
      }
    }
  };
  const next = async (max: number): Promise<BackupBatch | undefined> => {
    for (;;) {
      const batch = take(max);
      if (batch !== NEED_BYTES) return batch;
      await readMore();
    }
  };
  return { header: headerOf(header), take, more: readMore, next, progress: () => (ended ? 1 : feed.chunks.progress()), integrity: () => feed.chunks.integrity() };
}
