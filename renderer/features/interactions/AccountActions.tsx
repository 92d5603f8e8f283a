import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../core/router';
import { useLogDialog } from './log-store';
import { NpsDialog } from './NpsDialog';
import { OpenComplaintBadge } from './OpenComplaintBadge';
import './interactions.css';

/** The account page's quick actions: log (Ctrl+L), plan, an NPS answer, briefing; and the open-complaint marker. */
export function AccountActions({ accountId }: { accountId: string }) {
  const { t } = useTranslation('interactions');
  const open = useLogDialog((s) => s.open);
  const navigate = useRouter((s) => s.navigate);
  const [nps, setNps] = useState(false);
  return (
    <div className="account-actions">
      <button type="button" className="primary" onClick={() => open({ accountId })} aria-keyshortcuts="Control+L" title={t('shortcutHint')}>
        {t('action.openLog')}
      </button>
      <button type="button" onClick={() => open({ accountId, planned: true })}>{t('action.openPlan')}</button>
      <button type="button" onClick={() => setNps(true)}>{t('npsEntry.open')}</button>
      <button type="button" onClick={() => navigate({ page: 'briefing', accountId })}>{t('action.briefing')}</button>
      <OpenComplaintBadge accountId={accountId} />
      {nps && <NpsDialog accountId={accountId} onClose={() => setNps(false)} />}
    </div>
  );
}
