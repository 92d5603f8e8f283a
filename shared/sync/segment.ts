/**
 * Segment and snapshot files. Layout: one header line (JSON), `\n`, then the body: one change per
 * line as a JSON array `[table, rowId, field, hlc, value]`. Encrypted files keep the header in clear
 * (it holds no personal data: device, seq, hashes, counts, the IV) and the body is AES-256-GCM with
 * the header line as associated data. The file name carries the SHA-256 of the whole file, so a
 * half-delivered file is recognised before anything in it is parsed.
 */
import type { Change } from './change';
import { concatBytes, fromUtf8, sha256Hex, utf8 } from '../bytes';
import { CryptoError, decryptBytes, encryptBytes, newIv } from '../crypto';
import { isHlc } from './hlc';
import { dataFilePath, type FileKind } from './layout';
import { SyncError } from './problems';

export const FORMAT_VERSION = 1;

export type FileHeader = {
  /** Magic, so a stray file is never taken for data. */
  format: 'rapport-sync';
  /** Format version. */
  v: number;
  kind: FileKind;
  /** Sync folder id from the root file: files never leak between folders. */
  folder: string;
  /** Writing device. */
  device: string;
  /** Sequence number within the device (1, 2, …). */
  seq: number;
  /** Hash of the device's previous segment (`''` for the first); for diagnostics and clone detection. */
  prev: string;
  /** Number of change lines (a second truncation check besides the hash). */
  count: number;
  /** HLC when written. */
  created: string;
  /** Snapshots: per device, the highest contiguous seq whose changes the snapshot includes. */
  covers?: Record<string, number>;
  /** Present when encrypted: the GCM IV, hex. */
  iv?: string;
};

export type DecodedFile = { header: FileHeader; changes: Change[] };

export type EncodedFile = { path: string; hash: string; bytes: Uint8Array };

/** Builds the bytes, hash and path of a file. */
export async function encodeDataFile(
  header: Omit<FileHeader, 'format' | 'v' | 'count' | 'iv'>,
  changes: Change[],
  key?: CryptoKey,
): Promise<EncodedFile> {
  const full: FileHeader = { format: 'rapport-sync', v: FORMAT_VERSION, ...header, count: changes.length };
  if (key) full.iv = newIv();
  const headerLine = utf8(JSON.stringify(full));
  const bodyText = changes.map((c) => JSON.stringify([c.table, c.rowId, c.field, c.hlc, c.value ?? null]) + '\n').join('');
  const body = key ? await encryptBytes(key, full.iv!, utf8(bodyText), headerLine) : utf8(bodyText);
  const bytes = concatBytes([headerLine, utf8('\n'), body]);
  const hash = await sha256Hex(bytes);
  return { path: dataFilePath(header.kind, header.device, header.seq, hash), hash, bytes };
}

/** True when the bytes are exactly the file the name promises. */
export async function hashMatches(bytes: Uint8Array, hash: string): Promise<boolean> {
  return (await sha256Hex(bytes)) === hash;
}

/** Reads only the header (no key needed). Throws SyncError `segment.invalid`. */
export function decodeHeader(bytes: Uint8Array): { header: FileHeader; headerLine: Uint8Array; body: Uint8Array } {
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) throw new SyncError('segment.invalid', { reason: 'noHeader' });
  const headerLine = bytes.subarray(0, nl);
  let h: FileHeader;
  try {
    h = JSON.parse(fromUtf8(headerLine)) as FileHeader;
  } catch {
    throw new SyncError('segment.invalid', { reason: 'header' });
  }
  const ok =
    h && h.format === 'rapport-sync' && typeof h.folder === 'string' && typeof h.device === 'string' &&
    Number.isInteger(h.seq) && h.seq > 0 && Number.isInteger(h.count) && typeof h.prev === 'string' && isHlc(h.created);
  if (!ok) throw new SyncError('segment.invalid', { reason: 'header' });
  if (h.v > FORMAT_VERSION) throw new SyncError('segment.invalid', { reason: 'newerFormat', version: h.v });
  return { header: h, headerLine, body: bytes.subarray(nl + 1) };
}

/** Decodes and checks a whole file. Nothing is returned unless every line is valid. */
export async function decodeDataFile(bytes: Uint8Array, key: CryptoKey | undefined): Promise<DecodedFile> {
  const { header, headerLine, body } = decodeHeader(bytes);
  let plain = body;
  if (header.iv !== undefined) {
    if (!key) throw new SyncError('crypto.passphraseRequired');
    try {
      plain = await decryptBytes(key, header.iv, body, headerLine);
    } catch (e) {
      if (e instanceof CryptoError) throw new SyncError('segment.decryptFailed');
      throw e;
    }
  } else if (key) {
    // An encrypted folder only accepts encrypted files: a plain file could be planted by anyone.
    throw new SyncError('segment.invalid', { reason: 'notEncrypted' });
  }
  let text: string;
  try {
    text = fromUtf8(plain);
  } catch {
    throw new SyncError('segment.invalid', { reason: 'encoding' });
  }
  return { header, changes: parseBody(text, header.count) };
}

/**
 * The change lines. The usual case parses the whole body as one JSON array (one call instead of one
 * per line: segments hold thousands of lines); anything unexpected falls back to the line-by-line
 * parse, which names the offending line.
 */
function parseBody(text: string, count: number): Change[] {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (lines !== count || (text.length > 0 && !text.endsWith('\n'))) throw new SyncError('segment.invalid', { reason: 'truncated' });
  if (count === 0) return [];
  let all: unknown;
  try {
    all = JSON.parse(`[${text.slice(0, -1).replaceAll('\n', ',')}]`);
  } catch {
    all = null;
  }
  const out: Change[] = [];
  if (Array.isArray(all) && all.length === count) {
    for (const a of all) {
      const c = toChange(a);
      if (!c) break;
      out.push(c);
    }
    if (out.length === count) return out;
  }
  return text.slice(0, -1).split('\n').map((line, i) => parseLine(line, i + 2));
}

/** A decoded line as a change, or null when it is not `[table, rowId, field, hlc, value]`. */
function toChange(a: unknown): Change | null {
  if (!Array.isArray(a) || a.length !== 5) return null;
  const [table, rowId, field, hlc, value] = a as unknown[];
  if (typeof table !== 'string' || typeof rowId !== 'string' || typeof field !== 'string' || !isHlc(hlc)) return null;
  // isHlc fixed the layout `<wall:15>-<counter:6>-<device>`: the device starts at offset 23.
  return { table, rowId, field, value, hlc, device: hlc.slice(23) };
}

function parseLine(line: string, lineNo: number): Change {
  let a: unknown;
  try {
    a = JSON.parse(line);
  } catch {
    throw new SyncError('segment.invalid', { reason: 'line', line: lineNo });
  }
  const c = toChange(a);
  if (!c) throw new SyncError('segment.invalid', { reason: 'line', line: lineNo });
  return c;
}
