import { useEffect, useState } from 'react';
import { onDbFault } from '../../db/core/faults';

/**
 * While the database waits for an older window to let go (an upgrade is blocked), says so instead of
 * a silent spinner. Shown before the translations load, so it carries both languages.
 */
export function BlockedNotice() {
  const [blocked, setBlocked] = useState(false);
  useEffect(() => onDbFault((f) => f.kind === 'blocked' && setBlocked(true)), []);
  if (!blocked) return null;
  return (
    <p className="fatal" role="alert">
      Rapport wartet, bis ein anderes, älteres Rapport-Fenster geschlossen ist. Bitte schließen Sie andere Rapport-Fenster oder
      -Tabs. · Rapport is waiting for another, older Rapport window to close. Please close other Rapport windows or tabs.
    </p>
  );
}
