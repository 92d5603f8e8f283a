/**
 * What the customer list's Betreuer column shows for each team member: short enough to be read
 * whole in its column at 1366 px ("J. Krämer", "J. Weißmüller"), and never the same for two
 * people. Two Jürgens cut to "Jürgen …" looked alike; the surname is what tells reps apart.
 */

/** "Jürgen Krämer" → "J. Krämer", "Anna-Lena von Berg" → "A. von Berg"; a single word stays as it is. */
export function shortPersonName(full: string): string {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return words[0] ?? '';
  // The surname starts at the last word, or earlier at a lower-case particle ("von", "de", "van der").
  let start = words.length - 1;
  while (start > 1 && /^\p{Ll}/u.test(words[start - 1] ?? '')) start -= 1;
  const given = words.slice(0, start).map((w) => `${[...w][0] ?? ''}.`);
  return [given[0], ...words.slice(start)].join(' ');
}

/** Short labels by member id; members whose short form another member shares keep their full name. */
export function ownerLabels(names: ReadonlyMap<string, string>): Map<string, string> {
  const short = new Map([...names].map(([id, name]) => [id, shortPersonName(name)] as const));
  const taken = new Map<string, number>();
  for (const s of short.values()) taken.set(s, (taken.get(s) ?? 0) + 1);
  return new Map([...names].map(([id, name]) => {
    const s = short.get(id) ?? name;
    return [id, (taken.get(s) ?? 0) > 1 || s === '' ? name : s] as const;
  }));
}
