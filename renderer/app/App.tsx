import { useLive } from '../db/core/live';
import { getSetting } from '../db/team/settings';
import { FirstRun } from '../features/onboarding';
import { Shell } from './Shell';

/** First run until the seat has its own team member; the app shell after. */
export function App() {
  const selfId = useLive(() => getSetting<string | null>('selfMemberId', null));
  if (selfId === undefined) return <div className="boot" role="status" aria-busy="true" />;
  if (selfId === null) return <FirstRun />;
  return <Shell selfId={selfId} />;
}
