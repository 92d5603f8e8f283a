/**
 * One row = one document: `_id = "<table>:<rowId>"`, `f[field] = { h: hlc, v: value }` for every field
 * (the special `_deleted` / `_erased` ones included), `c` = the writer's clock at the write (judged for
 * far-future quarantine, like a segment header's `created`). With a data key every value is
 * `"<iv hex>.<ciphertext hex>"` (AES-256-GCM, doc id + field + stamp as associated data); an erased
 * row's values are plain null.
 */
import { canonicalJson, fromHex, fromUtf8, toHex, utf8 } from '../../bytes';
import { decryptBytes, encryptBytes, newIv } from '../../crypto';
import { type Change, compareWrites, ERASED_FIELD, type FieldState } from '../change';
import { deviceOfHlc, isHlc } from '../hlc';

/** A field as stored on the server. */
export type CouchField = { h: string; v: unknown };

/** A row document as stored on the server. */
export type RowDoc = {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  /** Field stamps and values. */
  f?: Record<string, CouchField>;
  /** The writer's clock at the write. */
  c?: string;
};

/** Our own bookkeeping document (identity and wrapped key); never a row. */
export const ROOT_DOC_ID = 'rapport:key';

export function docIdOf(table: string, rowId: string): string {
  return `${table}:${rowId}`;
}

/** Table and row of a row document, or null for design, local and our own documents. */
export function parseDocId(id: string): { table: string; rowId: string } | null {
  if (id.startsWith('_') || id === ROOT_DOC_ID) return null;
  const at = id.indexOf(':');
  return at > 0 ? { table: id.slice(0, at), rowId: id.slice(at + 1) } : null;
}

/** A document decoded: winning states per field, and the stored entries (kept when a field is unchanged). */
export type DecodedDoc = { fields: Map<string, FieldState>; raw: Record<string, CouchField> };

function aad(id: string, field: string, h: string): Uint8Array {
  return utf8(`${id}\u0000${field}\u0000${h}`);
}

async function openValue(key: CryptoKey | undefined, id: string, field: string, e: CouchField): Promise<unknown> {
  if (!key || e.v === null) return e.v;
  if (typeof e.v !== 'string') throw new Error('plain value in an encrypted database');
  const dot = e.v.indexOf('.');
  const plain = await decryptBytes(key, e.v.slice(0, dot), fromHex(e.v.slice(dot + 1)), aad(id, field, e.h));
  return JSON.parse(fromUtf8(plain)) as unknown;
}

async function sealValue(key: CryptoKey | undefined, id: string, field: string, s: FieldState): Promise<unknown> {
  if (!key || s.value === null) return s.value;
  const iv = newIv();
  return `${iv}.${toHex(await encryptBytes(key, iv, utf8(canonicalJson(s.value)), aad(id, field, s.hlc)))}`;
}

/** Decodes a row document; throws CryptoError when a value was altered or the key is wrong. Bad stamps are skipped. */
export async function decodeDoc(doc: RowDoc, key: CryptoKey | undefined): Promise<DecodedDoc> {
  const fields = new Map<string, FieldState>();
  const raw: Record<string, CouchField> = {};
  for (const [field, e] of Object.entries(doc.f ?? {})) {
    if (!e || !isHlc(e.h)) continue;
    raw[field] = e;
    // Plain values are taken as they are: no await (a microtask) per field of every pulled document.
    fields.set(field, { hlc: e.h, value: key && e.v !== null ? await openValue(key, doc._id, field, e) : e.v });
  }
  return { fields, raw };
}

/** Merges a state into a field map (per field, `compareWrites`); true when it changed the map. */
export function mergeField(fields: Map<string, FieldState>, field: string, s: FieldState): boolean {
  const cur = fields.get(field);
  if (cur && compareWrites(field, s, cur) <= 0) return false;
  fields.set(field, s);
  return true;
}

/** Encodes merged fields; entries the server already holds are reused, not encrypted again. An erased row keeps only stamps. */
export async function encodeFields(id: string, fields: Map<string, FieldState>, raw: Record<string, CouchField>, key: CryptoKey | undefined): Promise<Record<string, CouchField>> {
  const erased = fields.get(ERASED_FIELD)?.value === true;
  const out: Record<string, CouchField> = {};
  for (const [field, s] of fields) {
    const value = erased && field !== ERASED_FIELD ? null : s.value;
    const old = raw[field];
    if (old && old.h === s.hlc && (value !== null || old.v === null)) out[field] = old;
    else out[field] = { h: s.hlc, v: await sealValue(key, id, field, { hlc: s.hlc, value }) };
  }
  return out;
}

/** The fields of a decoded document (stamps checked by `decodeDoc`, or local ones) as changes for the store. */
export function docChanges(table: string, rowId: string, fields: Map<string, FieldState>): Change[] {
  const out: Change[] = [];
  for (const [field, s] of fields) out.push({ table, rowId, field, value: s.value, hlc: s.hlc, device: deviceOfHlc(s.hlc) });
  return out;
}
