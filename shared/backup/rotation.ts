import { SAFETY_REASONS, type BackupReason } from './manifest';

/** How many backups the rotation keeps. */
export type RotationPolicy = {
  /** Newest backup of each of the last N days that have one. */
  daily: number;
  /** Newest backup of each of the last N ISO weeks that have one. */
  weekly: number;
  /** Newest backup of each of the last N months that have one. */
  monthly: number;
  /** Days a manual or pre-migration/pre-import/pre-restore backup is kept regardless of the above. */
  safetyDays: number;
};

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12, safetyDays: 30 };

export type RotationItem = { name: string; createdAt: string; reason: BackupReason };

const DAY = 86_400_000;

const dayKey = (t: number) => new Date(t).toISOString().slice(0, 10);
const monthKey = (t: number) => new Date(t).toISOString().slice(0, 7);
/** ISO week key (UTC): the Thursday of the week decides the year. */
function weekKey(t: number): string {
  const d = new Date(t);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - weekday + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Grandfather–father–son rotation: of the regular backups, the newest of each of the last `daily`
 * days, `weekly` weeks and `monthly` months that have a backup; plus every safety or manual backup
 * younger than `safetyDays` (a backup the user asked for must not vanish because the automatic daily
 * one ran later that day); plus always the newest backup of all (so a rotation never leaves nothing).
 * Buckets are UTC days. Returns the names to keep; everything else may be deleted.
 */
export function selectBackupsToKeep(items: readonly RotationItem[], now: Date, policy: RotationPolicy = DEFAULT_ROTATION): Set<string> {
  const dated = items
    .map((item) => ({ item, t: Date.parse(item.createdAt) }))
    .filter((x) => !Number.isNaN(x.t))
    .sort((a, b) => b.t - a.t || (a.item.name < b.item.name ? 1 : -1));
  const keep = new Set<string>();
  if (dated[0]) keep.add(dated[0].item.name);
  // Unparseable dates are kept: never delete what we do not understand.
  for (const item of items) if (Number.isNaN(Date.parse(item.createdAt))) keep.add(item.name);

  const kept = (reason: BackupReason) => SAFETY_REASONS.has(reason) || reason === 'manual';
  const regular = dated.filter((x) => !kept(x.item.reason));
  const bucket = (key: (t: number) => string, count: number) => {
    const seen = new Set<string>();
    for (const { item, t } of regular) {
      const k = key(t);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(item.name);
    }
  };
  bucket(dayKey, policy.daily);
  bucket(weekKey, policy.weekly);
  bucket(monthKey, policy.monthly);

  const cutoff = now.getTime() - policy.safetyDays * DAY;
  for (const { item, t } of dated) if (kept(item.reason) && t >= cutoff) keep.add(item.name);
  return keep;
}

/** Whether a daily backup is due: none yet, or the newest regular or safety backup is older than a day. */
export function isDailyBackupDue(items: readonly Pick<RotationItem, 'createdAt'>[], now: Date): boolean {
  const newest = Math.max(...items.map((i) => Date.parse(i.createdAt)).filter((t) => !Number.isNaN(t)), -Infinity);
  return now.getTime() - newest >= DAY;
}
