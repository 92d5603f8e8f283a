// A second, independent parser: Python's `icalendar` (what many server-side tools use). The test
// spawns python3, so it lives apart from ics.test.ts, which spawns nothing.
// eslint-disable-next-line no-restricted-imports -- test only: runs an external parser on our output
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { weekPlanToIcs } from './ics';

// Debian's python3-icalendar lives in the system python, which may not be the first python3 on PATH.
const python = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0,
);
const hasPy = python !== undefined;

const SCRIPT = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = []
for e in cal.walk('VEVENT'):
    s = e.decoded('DTSTART')
    out.append({'summary': str(e.get('SUMMARY')), 'start': s.isoformat(), 'utcoffset': s.utcoffset().total_seconds()})
print(json.dumps(out))
`;

describe('weekPlanToIcs in python icalendar', () => {
  // Skipped only when python3 or its icalendar package is missing on this machine (apt-get install python3-icalendar).
  it.skipIf(!hasPy)('parses with the right local times and offsets across the October DST change', () => {
    const ics = weekPlanToIcs([
      { uid: 'a@r', start: '2026-10-23T09:00', end: '2026-10-23T10:00', summary: 'Müller, Söhne; Co' },
      { uid: 'b@r', start: '2026-10-26T09:00', end: '2026-10-26T10:00', summary: 'Weber' },
    ], { tzid: 'Europe/Berlin', now: Date.UTC(2026, 10, 23) });
    const run = spawnSync(python ?? 'python3', ['-c', SCRIPT], { input: ics, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      { summary: 'Müller, Söhne; Co', start: '2026-10-23T09:00:00+02:00', utcoffset: 7200 },
      { summary: 'Weber', start: '2026-10-26T09:00:00+01:00', utcoffset: 3600 },
    ]);
  });
});
