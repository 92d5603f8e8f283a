import { useEffect } from 'react';
import { usePendingCommand } from '../../core/commands';
import { useRouter } from '../../core/router';
import { LogDialog } from './LogDialog';
import { useLogDialog } from './log-store';

/**
 * Mounted once in the shell: Ctrl+L (or the menu's "Log interaction") opens the log dialog from
 * anywhere, prefilled with the account when an account page or briefing is open.
 */
export function LogLauncher() {
  const command = usePendingCommand((s) => s.command);
  const seq = usePendingCommand((s) => s.seq);
  const clear = usePendingCommand((s) => s.clear);
  const { request, seq: openSeq, open, close } = useLogDialog();

  useEffect(() => {
    if (command !== 'log-interaction') return;
    clear();
    const route = useRouter.getState().route;
    open('accountId' in route ? { accountId: route.accountId } : {});
  }, [command, seq, clear, open]);

  if (!request) return null;
  return <LogDialog key={openSeq} request={request} onClose={close} />;
}
