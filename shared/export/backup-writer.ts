import type { Backup } from './backup';

// The backup file as UTF-8 bytes written piece by piece: a header, then each table's rows in
// batches, each batch stringified and encoded on its own. `serializeBackup` builds one string of
// the whole database, which freezes the thread for seconds at 100k accounts and can pass V8's
// maximum string length (~512 MB); here no string is larger than one batch. The bytes are exactly
// those of `new TextEncoder().encode(serializeBackup(backup))` (see backup-writer.test.ts), so
// restore and older readers see no difference. Every piece is a complete JSON fragment and
// JSON.stringify escapes lone surrogates, so no character is split between two pieces.

/** Everything of a backup but its rows. */
export type BackupHeader = Omit<Backup, 'tables'>;

export type BackupWriter = {
  /** Starts the next table; its rows follow through `rows`. */
  table(name: string): void;
  /** Appends rows to the current table. */
  rows(rows: readonly unknown[]): void;
  /** Closes the backup and hands back all bytes in one array (the writer is done). */
  finish(): Uint8Array<ArrayBuffer>;
};

/** A writer for one backup; tables and rows come in the order they should appear. */
export function createBackupWriter(header: BackupHeader): BackupWriter {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  let size = 0;
  let tables = 0;
  let rowsInTable = 0;
  let inTable = false;
  let done = false;
  const push = (text: string) => {
    const bytes = encoder.encode(text);
    pieces.push(bytes);
    size += bytes.length;
  };
  const check = () => {
    if (done) throw new Error('backup writer already finished');
  };
  // Same key order as createBackup, so the header reads as JSON.stringify writes it.
  const { format, version, exportedAt, schemaVersion } = header;
  push(`${JSON.stringify({ format, version, exportedAt, schemaVersion }).slice(0, -1)},"tables":{`);

  return {
    table(name) {
      check();
      push(`${inTable ? ']' : ''}${tables++ > 0 ? ',' : ''}${JSON.stringify(name)}:[`);
      inTable = true;
      rowsInTable = 0;
    },
    rows(rows) {
      check();
      if (!inTable) throw new Error('backup writer: rows before a table');
      if (rows.length === 0) return;
      // Inside an array JSON.stringify writes `null` for what it cannot represent (undefined, functions).
      const text = rows.map((row) => JSON.stringify(row) ?? 'null').join(',');
      push(rowsInTable > 0 ? `,${text}` : text);
      rowsInTable += rows.length;
    },
    finish() {
      check();
      push(`${inTable ? ']' : ''}}}`);
      done = true;
      const out = new Uint8Array(size);
      let at = 0;
      for (const piece of pieces) {
        out.set(piece, at);
        at += piece.length;
      }
      pieces.length = 0;
      return out;
    },
  };
}

/** Bytes of a backup held in memory, `batch` rows per piece (same bytes as serializeBackup). */
export function serializeBackupBytes(backup: Backup, batch = 2000): Uint8Array<ArrayBuffer> {
  const writer = createBackupWriter(backup);
  for (const [name, rows] of Object.entries(backup.tables)) {
    writer.table(name);
    for (let i = 0; i < rows.length; i += batch) writer.rows(rows.slice(i, i + batch));
  }
  return writer.finish();
}
