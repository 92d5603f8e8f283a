import { useEffect } from 'react';
import { firstScreenPainted } from '../../core/first-screen';
import { useLive } from '../../db/core/live';
import { getSyncPrefs, onLocalEdit, type SyncPrefs } from '../../db/sync/settings';
import { canSync, refreshSyncFolder, syncNow, useSync } from './sync-controller';

/** Quiet time after the last local edit before syncing it. */
export const EDIT_DEBOUNCE_MS = 30_000;
/** At most one focus-triggered run per minute (alt-tabbing must not hammer a network share). */
const FOCUS_MIN_GAP_MS = 60_000;

let startedOnce = false;

function schedule(p: SyncPrefs): () => void {
  const cleanups: Array<() => void> = [];
  if (p.onStart && !startedOnce) void syncNow();
  startedOnce = true;
  if (p.everyMinutes > 0) {
    const timer = setInterval(() => void syncNow(), p.everyMinutes * 60_000);
    cleanups.push(() => clearInterval(timer));
  }
  if (p.afterEdits) {
    let debounce: ReturnType<typeof setTimeout> | undefined;
    cleanups.push(
      onLocalEdit(() => {
        clearTimeout(debounce);
        debounce = setTimeout(() => void syncNow(), EDIT_DEBOUNCE_MS);
      }),
      () => clearTimeout(debounce),
    );
  }
  if (p.onFocus) {
    let last = Date.now();
    const onFocus = () => {
      if (Date.now() - last < FOCUS_MIN_GAP_MS) return;
      last = Date.now();
      void syncNow();
    };
    window.addEventListener('focus', onFocus);
    cleanups.push(() => window.removeEventListener('focus', onFocus));
  }
  return () => cleanups.forEach((c) => c());
}

/** Runs sync automatically as chosen in the settings (on start, every N minutes, after edits, on focus). Renders nothing; mounted once by the shell. */
export function SyncAutomation() {
  const prefs = useLive(getSyncPrefs);
  const ready = useSync(canSync);
  // The preferences row lives beside the engine's bookkeeping; only a real change restarts the timers.
  const key = prefs && ready ? JSON.stringify(prefs) : '';
  // Only the folder is needed here (not the pending count, see refreshSyncFolder), and only after the first
  // screen: the sync on start it unlocks reads and writes every unsynced row.
  useEffect(() => {
    let stopped = false;
    void firstScreenPainted().then(() => (stopped ? undefined : refreshSyncFolder()));
    return () => {
      stopped = true;
    };
  }, []);
  useEffect(() => (key ? schedule(JSON.parse(key) as SyncPrefs) : undefined), [key]);
  return null;
}
