import { useMenuCommand } from '../../core/commands';
import { useRouter } from '../../core/router';
import { LogDialog } from './LogDialog';
import { useLogDialog } from './log-store';

/**
 * Mounted once in the shell: Ctrl+L (or the menu's "Log interaction") opens the log dialog from
 * anywhere, prefilled with the account when an account page or briefing is open.
 */
export function LogLauncher() {
  const { request, seq: openSeq, open, close } = useLogDialog();

  useMenuCommand('log-interaction', () => {
    const route = useRouter.getState().route;
    open('accountId' in route ? { accountId: route.accountId } : {});
  });

  if (!request) return null;
  return <LogDialog key={openSeq} request={request} onClose={close} />;
}
