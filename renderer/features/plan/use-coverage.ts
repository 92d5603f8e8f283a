import { useEffect, useState } from 'react';
import type { Id } from '../../../shared/domain';
import { localTimeZone } from '../../../shared/planning/calendar';
import type { Coverage } from '../../../shared/planning/rhythm';
import { todayIso } from '../../../shared/time/today';
import { loadCoverage } from '../../db/planning/reminder-query';

/** All segments together: accounts within rhythm ÷ accounts with a human rhythm; null when there are none. */
export function totalCoverage(rows: readonly Coverage[]): { accounts: number; withinRhythm: number; share: number | null } {
  const accounts = rows.reduce((s, r) => s + r.accounts, 0);
  const withinRhythm = rows.reduce((s, r) => s + r.withinRhythm, 0);
  return { accounts, withinRhythm, share: accounts === 0 ? null : withinRhythm / accounts };
}

/**
 * Visit coverage per segment of one rep's accounts (`rep` undefined: the whole team), computed after
 * the screen has painted (counted in the visit index: shared/planning/visit-index.ts); undefined while loading.
 */
export function useCoverage(rep: Id | undefined, enabled = true): Coverage[] | undefined {
  const key = rep ?? '*';
  const [rows, setRows] = useState<{ key: string; rows: Coverage[] }>();
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      // Counted in the index: only the accounts near their due day are read, whatever the size of the base.
      void loadCoverage(rep, todayIso(), localTimeZone()).then((coverage) => {
        if (!cancelled) setRows({ key, rows: coverage });
      });
    }, 50);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [rep, key, enabled]);
  return rows?.key === key ? rows.rows : undefined;
}
