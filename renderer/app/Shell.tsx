import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge';
import { AccountPage } from '../features/account';
import { BriefingPage } from '../features/briefing';
import { LogLauncher } from '../features/interactions';
import { ReminderNotifier } from '../features/reminders';
import { CustomersPage } from '../features/customers';
import { AutomationRunner } from '../features/pipeline';
import { PlanPage } from '../features/plan';
import { ReportsPage } from '../features/reports';
import { SettingsPage } from '../features/settings';
import { SyncAutomation } from '../features/sync';
import { ImportExportPage } from '../features/import-export';
import { TodayPage } from '../features/today';
import { UndoToast } from '../features/undo';
import { runMenuCommand } from '../core/commands';
import { NAV_PAGES, useRouter, type NavPage, type Route } from '../core/router';
import { useSession } from '../core/session';

const SHORTCUT_HINT: Record<NavPage, string> = {
  today: 'Ctrl+1',
  customers: 'Ctrl+2',
  plan: 'Ctrl+3',
  reports: 'Ctrl+4',
  settings: 'Ctrl+,',
};

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'today':
      return <TodayPage />;
    case 'customers':
      return <CustomersPage />;
    case 'account':
      return <AccountPage accountId={route.accountId} />;
    case 'briefing':
      return <BriefingPage accountId={route.accountId} />;
    case 'plan':
      return <PlanPage />;
    case 'reports':
      return <ReportsPage />;
    case 'importExport':
      return <ImportExportPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** The main window: navigation on the left, one page on the right. */
export function Shell({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const route = useRouter((s) => s.route);
  const setSelf = useSession((s) => s.setSelf);

  useEffect(() => setSelf(selfId), [selfId, setSelf]);

  // Pages register their handlers (useMenuCommand); core/commands says what happens when none is open.
  useEffect(() => getBridge().onMenuCommand(runMenuCommand), []);

  const current = route.page === 'account' || route.page === 'briefing' ? 'customers' : route.page === 'importExport' ? 'settings' : route.page;
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand" aria-hidden="true">
          Rapport
        </div>
        <ul>
          {NAV_PAGES.map((page) => (
            <li key={page}>
              <a
                href={`#/${page}`}
                aria-current={current === page ? 'page' : undefined}
                title={`${t(`nav.${page}`)} (${SHORTCUT_HINT[page]})`}
                aria-keyshortcuts={SHORTCUT_HINT[page].replace('Ctrl', 'Control')}
              >
                {t(`nav.${page}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="page" id="main">
        <Page route={route} />
      </main>
      <UndoToast />
      <LogLauncher />
      <ReminderNotifier />
      <AutomationRunner />
      <SyncAutomation />
    </div>
  );
}
