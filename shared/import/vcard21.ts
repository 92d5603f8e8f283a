/**
 * vCard 2.1 → 3.0 pre-processing, because ical.js reads 3.0/4.0 only. It does four things and nothing
 * else: joins quoted-printable soft line breaks; decodes QUOTED-PRINTABLE values with their CHARSET via
 * TextDecoder; turns bare parameters (`TEL;WORK;VOICE`) into `TYPE=WORK,VOICE`; escapes values the
 * 3.0 way. Embedded binaries (PHOTO, LOGO, SOUND, KEY) are dropped. Parsing proper stays with ical.js.
 */

import { decodeBytes } from './decode';

const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const STRUCTURED = new Set(['N', 'ADR', 'ORG']);
const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Rewrites the lines of one 2.1 card (BEGIN…END) as 3.0 text with CRLF line ends. */
export function upgradeVcard21(physical: readonly string[]): string {
  const out: string[] = [];
  for (const line of logicalLines(physical)) {
    const converted = convertLine(line);
    if (converted !== undefined) out.push(converted);
  }
  return out.join('\r\n') + '\r\n';
}

/** Unfolds continuation lines (leading blank) and QP soft breaks (trailing `=`); drops blank lines. */
function logicalLines(physical: readonly string[]): string[] {
  const lines: string[] = [];
  let qpOpen = false;
  for (const raw of physical) {
    const last = lines.length - 1;
    if (qpOpen && last >= 0) {
      lines[last] = (lines[last] as string).slice(0, -1) + raw;
    } else if (/^[ \t]/.test(raw) && last >= 0) {
      lines[last] += raw.slice(1);
    } else if (raw.trim() !== '') {
      lines.push(raw);
    }
    const current = lines[lines.length - 1] ?? '';
    qpOpen = /QUOTED-PRINTABLE/i.test(current.slice(0, current.indexOf(':'))) && current.endsWith('=');
  }
  return lines;
}

function convertLine(line: string): string | undefined {
  const colon = line.indexOf(':');
  if (colon < 0) return undefined;
  const [nameWithGroup = '', ...params] = line.slice(0, colon).split(';');
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot >= 0 ? nameWithGroup.slice(0, dot + 1) : '';
  const name = nameWithGroup.slice(dot + 1).toUpperCase();
  if (BINARY.has(name)) return undefined;
  if (name === 'VERSION') return 'VERSION:3.0';
  if (name === 'BEGIN' || name === 'END') return `${name}:${line.slice(colon + 1).trim()}`;

  const types: string[] = [];
  let encoding = '';
  let charset = 'utf-8';
  for (const p of params) {
    const eq = p.indexOf('=');
    const key = (eq < 0 ? p : p.slice(0, eq)).trim().toUpperCase();
    const value = eq < 0 ? '' : p.slice(eq + 1).trim();
    if (eq < 0 && ENCODINGS.has(key)) encoding = key;
    else if (eq < 0) types.push(key);
    else if (key === 'ENCODING') encoding = value.toUpperCase();
    else if (key === 'CHARSET') charset = value;
    else if (key === 'TYPE') types.push(...value.split(',').map((t) => t.trim().toUpperCase()));
  }
  if (encoding === 'BASE64' || encoding === 'B') return undefined;
  let value = line.slice(colon + 1);
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, charset);
  const typeParam = types.length > 0 ? `;TYPE=${types.join(',')}` : '';
  return `${group}${name}${typeParam}:${escape30(value, STRUCTURED.has(name))}`;
}

/** Decodes `=XX` escapes into bytes, then the bytes with the declared charset (unknown → UTF-8). */
export function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (value[i] === '=' && i === value.length - 1) {
      // soft line break at the very end
    } else {
      // Raw characters (ASCII, or 8-bit text the file decoder already turned into characters).
      bytes.push(...new TextEncoder().encode(value[i] as string));
    }
  }
  return decodeBytes(new Uint8Array(bytes), charset);
}

/**
 * 2.1 text has literal commas and backslashes; 3.0 escapes them. In structured values (N, ADR, ORG)
 * `;` separates components and `\;` is a literal semicolon, so those two stay as they are.
 */
function escape30(value: string, structured: boolean): string {
  const v = structured ? value.replace(/\\(?!;)/g, '\\\\') : value.replace(/\\/g, '\\\\').replace(/;/g, '\\;');
  return v.replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}
