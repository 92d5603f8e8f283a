import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { firstScreenPainted } from '../../core/first-screen';
import { useSession } from '../../core/session';
import { todayIso } from '../../../shared/time/today';
import { getPlanningSettings } from '../../db/planning/planning';
import { addNotified, getNotified, loadReminderSubjects } from '../../db/planning/load';
import { formatters } from '../../i18n/format';
import { announce, dailyNotificationDue, freshForNotification } from './notify-timing';
import { reminderText } from './ReminderItem';
import { useReminders } from './reminder-store';

const START_DELAY_MS = 4000;
const CHECK_EVERY_MS = 60_000;
const TOP = 3;

/**
 * OS notifications for reminders: once shortly after the app's first screen and once a day at the
 * configured hour. Each reminder key is notified at most once (the keys are remembered in the
 * database), so restarting the app never nags about the same thing twice. Renders nothing.
 */
export function ReminderNotifier() {
  const { t, i18n } = useTranslation('reminders');
  const selfId = useSession((s) => s.selfId);

  useEffect(() => {
    if (!selfId) return;
    let stopped = false;
    const fmt = formatters(i18n.language);
    const run = async (daily: boolean) => {
      const today = todayIso();
      const reminders = await useReminders.getState().load(selfId, daily);
      const fresh = freshForNotification(reminders, (await getNotified()).keys);
      if (stopped) return;
      const shown = await announce(fresh, async () => {
        const top = fresh.slice(0, TOP);
        const subjects = await loadReminderSubjects(top.map((r) => r.accountId), top.flatMap((r) => (r.contactId ? [r.contactId] : [])));
        const lines = top.map((r) => `${subjects.accounts.get(r.accountId)?.name ?? ''}: ${reminderText(t, r, fmt.date, r.contactId ? subjects.contacts.get(r.contactId) : undefined, fmt.currency)}`);
        if (fresh.length > TOP) lines.push(t('notify.more', { count: fresh.length - TOP }));
        return getBridge().notify({ title: t('notify.title', { count: fresh.length }), body: lines.join('\n'), tag: 'rapport-reminders' });
      });
      // The day's attempt is remembered either way (no retry every minute); the keys only when shown.
      await addNotified(shown, daily ? today : undefined);
    };
    const check = async () => {
      const s = await getPlanningSettings();
      const n = await getNotified();
      if (!dailyNotificationDue(new Date().getHours(), s.notifyHour, n.lastDaily || undefined, todayIso())) return;
      await run(true);
    };
    // Counted from the first screen: at 100k accounts the reminder reads would hold up its reads.
    let start: ReturnType<typeof setTimeout> | undefined;
    void firstScreenPainted().then(() => {
      if (!stopped) start = setTimeout(() => void run(false).catch(() => undefined), START_DELAY_MS);
    });
    const timer = setInterval(() => void check().catch(() => undefined), CHECK_EVERY_MS);
    return () => {
      stopped = true;
      clearTimeout(start);
      clearInterval(timer);
    };
  }, [selfId, t, i18n.language]);

  return null;
}
