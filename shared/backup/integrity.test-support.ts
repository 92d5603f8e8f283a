// For tests that edit a backup to reach a later check (a duplicate id found only while writing):
// the edit would be refused as `backup.altered` first, so the file is made an older one without a hash.

/** The backup's text with its integrity line taken off (closed with `}}` like a backup before hashes). */
export function withoutIntegrity(text: string): string {
  const stripped = text.replace(/\n\},\n"integrity":\{[^\n]*\}\}\n$/, '\n}}\n');
  if (stripped === text) throw new Error('no integrity line to take off');
  return stripped;
}
