/**
 * Folds a content line of iCalendar (RFC 5545) or vCard (RFC 6350) into chunks of at most
 * 75 octets of UTF-8, never splitting a character; continuation lines start with one space,
 * which counts towards their 75. A cut inside a character ("Müller" split between the two bytes
 * of "ü") is what breaks Outlook's import.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
