import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_REASONS, backupFileName, isBackupFileName, parseManifest, createManifest } from './manifest';
import { DEFAULT_ROTATION, isDailyBackupDue, selectBackupsToKeep, type RotationItem } from './rotation';

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 10, 23, 12));

function item(daysAgo: number, reason: RotationItem['reason'] = 'daily', hour = 3): RotationItem {
  const createdAt = new Date(Date.UTC(2026, 10, 23 - daysAgo, hour)).toISOString();
  return { name: backupFileName({ createdAt, reason, encrypted: false }), createdAt, reason };
}

describe('selectBackupsToKeep', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly out of a year and a half of daily backups', () => {
    const items = Array.from({ length: 540 }, (_, i) => item(i));
    const keep = selectBackupsToKeep(items, NOW);
    const kept = items.filter((i) => keep.has(i.name)).map((i) => i.createdAt.slice(0, 10));
    // The 7 newest days are all there.
    for (let d = 0; d < 7; d++) expect(kept).toContain(item(d).createdAt.slice(0, 10));
    // 12 months back at most; nothing from 13 months ago.
    expect(kept.some((d) => d < '2025-11-01')).toBe(false);
    expect(kept.length).toBeGreaterThanOrEqual(7 + 12 - 2);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
  });

  it('keeps the newest automatic backup of a day, not every one of them', () => {
    const items = [item(0, 'daily', 1), item(0, 'daily', 9), item(0, 'daily', 11)];
    expect([...selectBackupsToKeep(items, NOW)]).toEqual([items[2]!.name]);
  });

  it('keeps a manual backup for 30 days even when a daily one followed it the same day', () => {
    const manual = item(0, 'manual', 9);
    const oldManual = item(31, 'manual');
    const items = [item(0, 'daily', 1), manual, item(0, 'daily', 11), oldManual, ...Array.from({ length: 40 }, (_, i) => item(i + 1))];
    const keep = selectBackupsToKeep(items, NOW);
    expect(keep.has(manual.name)).toBe(true);
    expect(keep.has(items[2]!.name)).toBe(true);
    expect(keep.has(items[0]!.name)).toBe(false);
    expect(keep.has(oldManual.name)).toBe(false);
  });

  it('keeps safety backups for 30 days, then rotates them away', () => {
    const young = item(29, 'pre-import');
    const old = item(31, 'pre-migration');
    const daily = Array.from({ length: 40 }, (_, i) => item(i));
    const keep = selectBackupsToKeep([young, old, ...daily], NOW);
    expect(keep.has(young.name)).toBe(true);
    expect(keep.has(old.name)).toBe(false);
  });

  it('never deletes the only backup, however old or whatever its reason', () => {
    const lone = item(400, 'pre-restore');
    expect([...selectBackupsToKeep([lone], NOW)]).toEqual([lone.name]);
  });

  it('keeps what it cannot date', () => {
    const odd = { name: 'x', createdAt: 'gestern', reason: 'daily' as const };
    expect(selectBackupsToKeep([odd, item(0)], NOW).has('x')).toBe(true);
  });

  const arbItems = fc.uniqueArray(
    fc.record({ minutesAgo: fc.integer({ min: 0, max: 800 * 24 * 60 }), reason: fc.constantFrom(...BACKUP_REASONS) }),
    { selector: (x) => x.minutesAgo, maxLength: 120 },
  ).map((xs) =>
    xs.map(({ minutesAgo, reason }) => {
      const createdAt = new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
      return { name: backupFileName({ createdAt, reason, encrypted: false }), createdAt, reason };
    }),
  );

  it('property: keeps the newest, is bounded, is idempotent, keeps young safety backups', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        const keep = selectBackupsToKeep(items, NOW);
        const safetyYoung = items.filter((i) => i.reason.startsWith('pre-') && NOW.getTime() - Date.parse(i.createdAt) <= 30 * DAY);
        if (items.length > 0) {
          const newest = items.reduce((a, b) => (a.createdAt > b.createdAt ? a : b));
          expect(keep.has(newest.name)).toBe(true);
        }
        for (const s of safetyYoung) expect(keep.has(s.name)).toBe(true);
        const { daily, weekly, monthly } = DEFAULT_ROTATION;
        expect(keep.size).toBeLessThanOrEqual(daily + weekly + monthly + safetyYoung.length + 1);
        const again = selectBackupsToKeep(items.filter((i) => keep.has(i.name)), NOW);
        expect([...again].sort()).toEqual([...keep].sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('isDailyBackupDue', () => {
  it('is due with no backups or when the newest is a day old', () => {
    expect(isDailyBackupDue([], NOW)).toBe(true);
    expect(isDailyBackupDue([{ createdAt: new Date(NOW.getTime() - DAY + 60_000).toISOString() }], NOW)).toBe(false);
    expect(isDailyBackupDue([{ createdAt: new Date(NOW.getTime() - DAY).toISOString() }], NOW)).toBe(true);
  });
});

describe('backup names and manifests', () => {
  it('round-trips names and refuses anything with a folder or an unknown reason', () => {
    const name = backupFileName({ createdAt: '2026-11-23T09:30:00.000Z', reason: 'pre-import', encrypted: false });
    expect(name).toBe('rapport-backup-2026-11-23T09-30-00-000Z-pre-import.json');
    expect(isBackupFileName(name)).toBe(true);
    expect(isBackupFileName(backupFileName({ createdAt: '2026-11-23T09:30:00.000Z', reason: 'daily', encrypted: true }))).toBe(true);
    for (const bad of ['../rapport-backup-2026-11-23T09-30-00-000Z-daily.json', 'rapport-backup-2026-11-23T09-30-00-000Z-evil.json', 'x.json', 'rapport-backup-2026-11-23T09-30-00-000Z-daily.json/..']) {
      expect(isBackupFileName(bad)).toBe(false);
    }
  });

  it('parses a manifest and rejects torn or forged ones', () => {
    const m = createManifest({ createdAt: '2026-11-23T09:30:00.000Z', reason: 'daily', schemaVersion: 2, counts: { accounts: 3 }, encrypted: false });
    expect(parseManifest(JSON.stringify(m))).toEqual(m);
    expect(parseManifest(JSON.stringify(m).slice(0, 20))).toBeUndefined();
    expect(parseManifest(JSON.stringify({ ...m, counts: { accounts: -1 } }))).toBeUndefined();
    expect(parseManifest(JSON.stringify({ ...m, reason: 'whenever' }))).toBeUndefined();
  });
});
