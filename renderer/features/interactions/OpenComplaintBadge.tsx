import { useTranslation } from 'react-i18next';
import { listComplaintsOf } from '../../db/history/interactions';
import { useLive } from '../../db/core/live';

/**
 * "Open complaint" marker for an account, wherever the account appears (account page, briefing,
 * search results, log dialog). Lists can use `listAccountIdsWithOpenComplaint` for many rows at once.
 */
export function OpenComplaintBadge({ accountId }: { accountId: string }) {
  const { t } = useTranslation('interactions');
  const count = useLive(async () => (await listComplaintsOf(accountId)).filter((c) => c.complaint?.status !== 'resolved').length, [accountId]);
  if (!count) return null;
  return (
    <span className="badge complaint-open" role="status">
      {t('openComplaintBadge', { count })}
    </span>
  );
}
