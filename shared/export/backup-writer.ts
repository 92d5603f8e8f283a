import { BACKUP_DERIVED_FIELDS, type Backup } from './backup';

// The backup file as UTF-8 bytes written piece by piece: a header, then each table's rows in
// batches, each batch stringified and encoded on its own, so no string is larger than one batch
// (one string of the whole database freezes the thread for seconds at 100k accounts and can pass
// V8's maximum string length, ~512 MB). The file is one JSON document, laid out one row per line
// so restore can read it line by line (backup-reader.ts) without ever holding it as one string:
//
//   {"format":"rapport-backup",…,"schemaVersion":5,"tables":{
//   "accounts":[
//   {"id":"a1",…},
//   {"id":"a2",…}
//   ],
//   "contacts":[
//   ]
//   }}
//
// JSON.stringify escapes every newline inside strings, so a line break is always structure, and
// 0x0A never occurs inside a multi-byte UTF-8 sequence, so bytes split at line breaks decode alone.
// Derived fields (BACKUP_DERIVED_FIELDS) are left out; restore derives them again.

/** Everything of a backup but its rows. */
export type BackupHeader = Omit<Backup, 'tables'>;

export type BackupWriter = {
  /** Starts the next table; its rows follow through `rows`. */
  table(name: string): void;
  /** Appends rows to the current table. */
  rows(rows: readonly unknown[]): void;
  /** Hands back the bytes written since the last drain and forgets them (a large backup leaves piece by piece). */
  drain(): Uint8Array[];
  /**
   * Closes the backup and hands back the bytes not drained yet (all of them when never drained) in one
   * array (the writer is done). `integrity`: the document is left open for the integrity line that
   * follows (shared/backup/integrity.ts: `},` instead of `}}`).
   */
  finish(integrity?: boolean): Uint8Array<ArrayBuffer>;
};

const derived = new Set(BACKUP_DERIVED_FIELDS);

/** The row without derived fields; copied only when it has one (most rows of most tables do not). */
export function withoutDerived(row: unknown): unknown {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
  let copy: Record<string, unknown> | undefined;
  for (const field of derived) {
    if (!Object.hasOwn(row, field)) continue;
    copy ??= { ...(row as Record<string, unknown>) };
    delete copy[field];
  }
  return copy ?? row;
}

/** The first line of a line-per-row backup: the header, opening the tables object. */
export function backupHeaderLine({ format, version, exportedAt, schemaVersion }: BackupHeader): string {
  // Same key order as createBackup, so the header reads as JSON.stringify writes it.
  return `${JSON.stringify({ format, version, exportedAt, schemaVersion }).slice(0, -1)},"tables":{`;
}

/** A writer for one backup; tables and rows come in the order they should appear. */
export function createBackupWriter(header: BackupHeader): BackupWriter {
  const encoder = new TextEncoder();
  let size = 0;
  let tables = 0;
  let rowsInTable = 0;
  let inTable = false;
  let done = false;
  let pieces: Uint8Array[] = [];
  const push = (text: string) => {
    const bytes = encoder.encode(text);
    pieces.push(bytes);
    size += bytes.length;
  };
  const check = () => {
    if (done) throw new Error('backup writer already finished');
  };
  push(backupHeaderLine(header));

  return {
    table(name) {
      check();
      push(`${inTable ? '\n]' : ''}${tables++ > 0 ? ',' : ''}\n${JSON.stringify(name)}:[`);
      inTable = true;
      rowsInTable = 0;
    },
    rows(rows) {
      check();
      if (!inTable) throw new Error('backup writer: rows before a table');
      if (rows.length === 0) return;
      // Inside an array JSON.stringify writes `null` for what it cannot represent (undefined, functions).
      const text = rows.map((row) => JSON.stringify(withoutDerived(row)) ?? 'null').join(',\n');
      push(rowsInTable > 0 ? `,\n${text}` : `\n${text}`);
      rowsInTable += rows.length;
    },
    drain() {
      check();
      const out = pieces;
      pieces = [];
      size = 0;
      return out;
    },
    finish(integrity = false) {
      check();
      push(`${inTable ? '\n]' : ''}\n}${integrity ? ',' : '}'}\n`);
      done = true;
      const out = new Uint8Array(size);
      let at = 0;
      for (const piece of pieces) {
        out.set(piece, at);
        at += piece.length;
      }
      pieces = [];
      return out;
    },
  };
}

/** Bytes of a backup held in memory, `batch` rows per piece (the same document as serializeBackup, laid out one row per line, derived fields left out). */
export function serializeBackupBytes(backup: Backup, batch = 2000): Uint8Array<ArrayBuffer> {
  const writer = createBackupWriter(backup);
  for (const [name, rows] of Object.entries(backup.tables)) {
    writer.table(name);
    for (let i = 0; i < rows.length; i += batch) writer.rows(rows.slice(i, i + batch));
  }
  return writer.finish();
}
