import { concatBytes, toHex, utf8 } from '../bytes';
import { BackupReadError } from '../export/backup-read-rules';
import type { PlainChunks } from './chunks';

// The content hash of plain (unencrypted) backups. Encrypted ones need none: every chunk carries its
// GCM tag (encrypted-stream.ts). A plain backup of backup-writer.ts ends with one more line that
// holds the hash of every byte before it, so a changed byte ("Bonn" → "Donn"), a dropped line or a
// swapped chunk is refused before the preview:
//
//   …
//   ]
//   },
//   "integrity":{"algorithm":"sha256-1mib-blocks","hash":"<64 hex digits>"}}
//
// WebCrypto has no incremental SHA-256 and a backup is up to gigabytes, so the hash is taken a block
// at a time: SHA-256 of each 1 MiB block of the bytes before the integrity line (the last block
// shorter), then SHA-256 of those digests one after another. Blocks are cut from the bytes, not from
// the chunks they arrive in, so any chunk size gives the same hash. To check one by hand:
//   head -n -1 f.json | split -b 1048576 - b. && for x in b.*; do sha256sum "$x" | xxd -r -p; done | sha256sum
// Older backups have no such line (they close with `}}`): they are still read, marked unverified.

/** The hash scheme's name in the integrity line; a reader that does not know it refuses the file. */
export const INTEGRITY_ALGORITHM = 'sha256-1mib-blocks';
/** Bytes per hashed block. */
export const INTEGRITY_BLOCK_BYTES = 1024 * 1024;

/** Whether the bytes a reader saw were checked against their hash: `verified`, or `none` when the file has no integrity line. */
export type Integrity = 'verified' | 'none';

const LINE = /^"integrity":\{"algorithm":"([^"\\]*)","hash":"([0-9a-f]{64})"\}\}$/;
/** The integrity line is ~110 bytes; the tail held back for it is generous. */
const TAIL_BYTES = 1024;

/** The hash named by a well-formed integrity line (without its line break); undefined for any other line. */
export function parseIntegrityLine(line: string): { algorithm: string; hash: string } | undefined {
  const match = LINE.exec(line);
  return match ? { algorithm: match[1]!, hash: match[2]! } : undefined;
}

/** The line that closes a plain backup (with its line break). */
export function integrityLine(hash: string): string {
  return `"integrity":${JSON.stringify({ algorithm: INTEGRITY_ALGORITHM, hash })}}\n`;
}

export type ContentHasher = {
  /** Hashes the bytes (copied; the caller may transfer them afterwards) and hands them back. Calls must not overlap. */
  add(bytes: Uint8Array): Promise<Uint8Array>;
  /** The hash of all bytes added, as hex. */
  digest(): Promise<string>;
};

/** Hashes a stream of bytes in INTEGRITY_BLOCK_BYTES blocks (see above); holds one block, never the stream. */
export function createContentHasher(): ContentHasher {
  const block = new Uint8Array(INTEGRITY_BLOCK_BYTES);
  let filled = 0;
  const digests: Uint8Array[] = [];
  // WebCrypto copies the data when digest is called, so the block can be refilled at once.
  const flush = async () => {
    digests.push(new Uint8Array(await crypto.subtle.digest('SHA-256', block.subarray(0, filled))));
    filled = 0;
  };
  return {
    async add(bytes) {
      let at = 0;
      while (at < bytes.length) {
        const part = Math.min(bytes.length - at, block.length - filled);
        block.set(bytes.subarray(at, at + part), filled);
        filled += part;
        at += part;
        if (filled === block.length) await flush();
      }
      return bytes;
    },
    async digest() {
      if (filled > 0) await flush();
      return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', concatBytes(digests) as Uint8Array<ArrayBuffer>)));
    },
  };
}

/**
 * The file's last chunks: `last` (the writer's final bytes, not hashed yet) and the integrity line
 * after it, cut again into chunks of `chunkBytes` so only the very last one is shorter.
 */
export async function closeWithIntegrity(hasher: ContentHasher, last: Uint8Array, chunkBytes: number): Promise<Uint8Array[]> {
  await hasher.add(last);
  const bytes = concatBytes([last, utf8(integrityLine(await hasher.digest()))]);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunkBytes) chunks.push(bytes.slice(at, at + chunkBytes));
  return chunks;
}

/** A file's chunks passed on unchanged while they are hashed; `integrity` is known once they are used up. */
export type CheckedChunks = PlainChunks & { integrity(): Integrity | undefined };

/**
 * Passes the chunks on as they come and hashes them, holding the last bytes back until the end
 * (the integrity line is the file's last). At the end: a file with an integrity line whose hash does
 * not match throws BackupReadError `backup.altered` (from `next`, so in the same pass that reads the
 * rows, before a preview or a commit); one without is `none`.
 */
export function checkedChunks(chunks: PlainChunks): CheckedChunks {
  const hasher = createContentHasher();
  let tail = new Uint8Array(0);
  let result: Integrity | undefined;

  const finish = async () => {
    // The last line, with or without its line break.
    const end = tail.length > 0 && tail[tail.length - 1] === 0x0a ? tail.length - 1 : tail.length;
    const start = tail.subarray(0, end).lastIndexOf(0x0a) + 1;
    const found = start > 0 ? parseIntegrityLine(new TextDecoder().decode(tail.subarray(start, end))) : undefined;
    if (!found) {
      result = 'none';
      return;
    }
    if (found.algorithm !== INTEGRITY_ALGORITHM) throw new BackupReadError({ code: 'backup.altered' });
    await hasher.add(tail.subarray(0, start));
    if ((await hasher.digest()) !== found.hash) throw new BackupReadError({ code: 'backup.altered' });
    result = 'verified';
  };

  return {
    async next() {
      const chunk = await chunks.next();
      if (!chunk) {
        if (result === undefined) await finish();
        return undefined;
      }
      if (chunk.length >= TAIL_BYTES) {
        await hasher.add(tail);
        await hasher.add(chunk.subarray(0, chunk.length - TAIL_BYTES));
        tail = chunk.slice(chunk.length - TAIL_BYTES);
      } else {
        const held = concatBytes([tail, chunk]);
        const keep = Math.max(0, held.length - TAIL_BYTES);
        await hasher.add(held.subarray(0, keep));
        tail = held.slice(keep);
      }
      return chunk;
    },
    progress: () => chunks.progress(),
    ...(chunks.size ? { size: () => chunks.size!() } : {}),
    integrity: () => result,
  };
}
