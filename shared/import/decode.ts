/** Encodings the importer recognises; the names are WHATWG labels `TextDecoder` accepts. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodedText = {
  /** The text, without byte-order mark. */
  text: string;
  /** Encoding used to decode it. */
  encoding: TextEncodingName;
  /** Whether the bytes started with a byte-order mark. */
  hadBom: boolean;
};

/** How many leading bytes are inspected for the NUL pattern of BOM-less UTF-16. */
const SNIFF_BYTES = 4096;

/**
 * Decodes a file as real exporters write it. Order: byte-order mark (UTF-8, UTF-16LE/BE);
 * UTF-16 without BOM, recognised by NUL bytes in every other position (ASCII-heavy text);
 * valid UTF-8; otherwise Windows-1252, which is what German Excel writes for "CSV (Trennzeichen-getrennt)".
 * `forced` skips detection when the user picked an encoding by hand.
 */
export function decodeText(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  const bom = detectBom(bytes);
  const encoding = forced ?? bom ?? sniffUtf16(bytes) ?? (isValidUtf8(bytes) ? 'utf-8' : 'windows-1252');
  const text = decodeBytes(bytes, encoding);
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding, hadBom: bom !== undefined };
}

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG table; the five unassigned bytes stay C1 controls).
 * Node 20.18.3+ and 22.13+ decode the `windows-1252` label as ISO-8859-1 (nodejs/node#60888),
 * giving C1 controls instead of € „ " – …; browsers do it right. Mapping C1 afterwards is exact
 * either way, because a correct decoder never produces the mapped C1 characters.
 */
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const LATIN1_LABELS = new Set(['windows-1252', 'cp1252', 'latin1', 'iso-8859-1', 'iso8859-1', 'us-ascii', 'ascii', 'l1']);

/** `TextDecoder` for any WHATWG label, with the Windows-1252 repair; unknown labels fall back to UTF-8. */
export function decodeBytes(bytes: Uint8Array, label: string): string {
  let decoder: TextDecoder;
  try {
    // ignoreBOM: false makes TextDecoder drop a BOM matching the encoding.
    decoder = new TextDecoder(label.toLowerCase(), { ignoreBOM: false });
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' || LATIN1_LABELS.has(label.toLowerCase())
    ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] as string)
    : text;
}

function detectBom(b: Uint8Array): TextEncodingName | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 of mostly Latin text has a NUL in every high byte: odd positions for LE, even for BE. */
function sniffUtf16(b: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(b.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // Real 8-bit text has (almost) no NULs at all, so a clear majority on one side is decisive.
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}
