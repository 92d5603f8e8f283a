import { bytesSource, sequentialChunks, type PlainChunks } from '../backup/chunks';
import { checkedChunks, type CheckedChunks } from '../backup/integrity';
import { concatBytes } from '../bytes';
import { checkHeader } from './backup';
import { lineReader } from './backup-line-reader';
import { BackupReadError, checkRow, decode, headerOf, knownTable, type BackupBatch, type BackupReader, type BackupReadOptions } from './backup-read-rules';

// Reads a backup a few rows at a time, never as one string of the whole file (V8 strings end at
// ~512 MB; a 100k-account backup is ~1.35 GB), and never as one buffer either: the bytes arrive
// chunk by chunk (shared/backup/chunks.ts; from the shell, decrypted when encrypted). Backups from
// backup-writer.ts hold one row per line, so the bytes are cut at line breaks (0x0A is never part of
// a multi-byte UTF-8 character, so a character split between two chunks is simply carried over
// with the rest of its line), decoded about a megabyte at a time, and each row is given to
// JSON.parse on its own: the JSON parsing is the engine's, only the line structure (written by our
// own writer) is checked here. In the same pass the bytes are hashed and checked against the file's
// integrity line (shared/backup/integrity.ts). Any other file (older one-line backups, foreign or pretty-printed
// JSON) is parsed whole, up to WHOLE_FILE_LIMIT.

/** Files not laid out one row per line are parsed as one string up to this size (well below V8's limit). */
export const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;

export { BackupReadError, NEED_BYTES, type BackupBatch, type BackupReader, type BackupReadOptions, type TableRule } from './backup-read-rules';

const MB = 1024 * 1024;
/** The header line is short; a file without a line break this early is not laid out one row per line. */
const HEADER_SCAN = 64 * 1024;

const HEADER_END = '"tables":{';

/** Opens a reader on a backup's bytes (in memory, or arriving in chunks); rejects with BackupReadError when the header is already wrong. */
export async function openBackupReader(input: Uint8Array | PlainChunks, options: BackupReadOptions = {}): Promise<BackupReader> {
  const chunkBytes = Math.max(1, options.chunkBytes ?? MB);
  // Every byte the reader sees is hashed; a mismatch ends the read (and a restore's transaction) with `backup.altered`.
  const chunks = checkedChunks(input instanceof Uint8Array ? sequentialChunks(bytesSource(input), chunkBytes) : input);
  const pending: Uint8Array[] = [];
  let held = 0;
  let done = false;
  let firstBreak = -1;
  while (firstBreak < 0 && held < HEADER_SCAN && !done) {
    const chunk = await chunks.next();
    if (!chunk) done = true;
    else {
      const at = chunk.subarray(0, HEADER_SCAN - held).indexOf(0x0a);
      if (at >= 0) firstBreak = held + at;
      pending.push(chunk);
      held += chunk.length;
    }
  }
  const head = pending.length === 1 ? pending[0]! : concatBytes(pending);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const first = firstBreak > 0 ? decode(decoder, head.subarray(0, firstBreak), 1).trimEnd() : '';
  if (!first.endsWith(HEADER_END)) return wholeFileReader(await readRest(head, chunks, done, options), options, chunks);
  let data: unknown;
  try {
    data = JSON.parse(`${first}}}`);
  } catch {
    throw new BackupReadError({ code: 'backup.invalid_header', line: 1 });
  }
  const checked = checkHeader(data, options);
  if ('issue' in checked) throw new BackupReadError({ ...checked.issue, line: 1 });
  return lineReader({ chunks, head: head.subarray(firstBreak + 1), done, decodeBytes: chunkBytes }, checked.header, options);
}

/** All of a file not laid out one row per line, refused above the whole-file limit. */
async function readRest(head: Uint8Array, chunks: PlainChunks, done: boolean, options: BackupReadOptions): Promise<Uint8Array> {
  const limit = options.wholeFileLimit ?? WHOLE_FILE_LIMIT;
  const parts = [head];
  let size = head.length;
  for (let chunk = done ? undefined : await chunks.next(); chunk; chunk = await chunks.next()) {
    size += chunk.length;
    if (size > limit) throw new BackupReadError({ code: 'backup.too_large', params: { size: chunks.size?.() ?? size, limit } });
    parts.push(chunk);
  }
  if (size > limit) throw new BackupReadError({ code: 'backup.too_large', params: { size, limit } });
  return parts.length === 1 ? head : concatBytes(parts);
}

/** Older and foreign backups: one JSON document parsed whole (bounded by WHOLE_FILE_LIMIT), rows checked batch by batch. */
function wholeFileReader(bytes: Uint8Array, options: BackupReadOptions, chunks: CheckedChunks): BackupReader {
  const limit = options.wholeFileLimit ?? WHOLE_FILE_LIMIT;
  if (bytes.length > limit) throw new BackupReadError({ code: 'backup.too_large', params: { size: bytes.length, limit } });
  const text = decode(new TextDecoder('utf-8', { fatal: true }), bytes, 1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupReadError({ code: 'backup.not_json' });
  }
  const checked = checkHeader(data, options);
  if ('issue' in checked) throw new BackupReadError(checked.issue);
  for (const table of Object.keys(checked.header.tables)) knownTable(table, options);
  const tables = Object.entries(checked.header.tables).filter(([, rows]) => rows.length > 0);
  let t = 0;
  let offset = 0;
  let read = 0;
  const total = tables.reduce((n, [, rows]) => n + rows.length, 0);
  const take = (max: number): BackupBatch | undefined => {
    const entry = tables[t];
    if (!entry) return undefined;
    const [table, all] = entry;
    const first = offset;
    const rows = all.slice(offset, offset + max).map((row, i) => checkRow(row, table, first + i, options.tables?.[table]));
    offset += rows.length;
    read += rows.length;
    if (offset >= all.length) {
      t++;
      offset = 0;
    }
    return { table, rows, first };
  };
  return {
    header: headerOf(checked.header),
    take,
    // Everything is held already.
    more: async () => undefined,
    next: async (max) => take(max),
    progress: () => (total === 0 ? 1 : read / total),
    integrity: () => chunks.integrity(),
  };
}
