import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REMINDER_KINDS, type Reminder, type ReminderKind } from '../../../shared/planning/reminders';
import { useSession } from '../../core/session';
import { useLive } from '../../db/core/live';
import { loadReminderSubjects } from '../../db/planning/load';
import { listTeam } from '../../db/team/team';
import { useReminders } from './reminder-store';
import { ReminderItem } from './ReminderItem';
import './reminders.css';

/** Most pressing first: overdue visits, then birthdays (they have a date), then the rest. */
const GROUP_ORDER: readonly ReminderKind[] = ['overdue', 'birthday', 'due', 'follow_up', 'offer_no_follow_up', 'complaint_open'];
const SHOWN = 6;

/**
 * The "Today" inbox: reminders grouped by kind, with done and snooze. Computed after the first
 * paint (the store waits for a frame), so the Today screen never waits for it.
 */
export function ReminderInbox() {
  const { t } = useTranslation('reminders');
  const selfId = useSession((s) => s.selfId);
  const { reminders, load } = useReminders();
  const [open, setOpen] = useState<Partial<Record<ReminderKind, boolean>>>({});
  const team = useLive(listTeam);
  const senderName = team?.find((m) => m.id === selfId)?.name ?? '';

  useEffect(() => {
    if (selfId) void load(selfId);
  }, [selfId, load]);

  const groups = new Map<ReminderKind, Reminder[]>(REMINDER_KINDS.map((k) => [k, []]));
  for (const r of reminders ?? []) groups.get(r.kind)?.push(r);
  const visible = GROUP_ORDER.flatMap((k) => (groups.get(k) ?? []).slice(0, open[k] ? undefined : SHOWN));
  const subjects = useLive(
    () => loadReminderSubjects(visible.map((r) => r.accountId), visible.flatMap((r) => (r.contactId ? [r.contactId] : []))),
    [visible.map((r) => r.key).join('|')],
  );

  return (
    <section className="panel reminder-inbox" aria-labelledby="reminders-title" aria-busy={reminders === undefined}>
      <h2 id="reminders-title">{t('title', { count: reminders?.length ?? 0 })}</h2>
      {reminders === undefined && <p role="status">{t('computing')}</p>}
      {reminders?.length === 0 && <p className="empty-state">{t('empty')}</p>}
      {GROUP_ORDER.map((kind) => {
        const list = groups.get(kind) ?? [];
        if (list.length === 0) return null;
        const shown = open[kind] ? list : list.slice(0, SHOWN);
        return (
          <section key={kind} className="reminder-group" aria-labelledby={`rg-${kind}`}>
            <h3 id={`rg-${kind}`}>{t(`kind.${kind}`, { count: list.length })}</h3>
            <ul className="plain-list">
              {shown.map((r) => (
                <ReminderItem
                  key={r.key}
                  reminder={r}
                  account={subjects?.accounts.get(r.accountId)}
                  contact={r.contactId ? subjects?.contacts.get(r.contactId) : undefined}
                  senderName={senderName}
                />
              ))}
            </ul>
            {list.length > SHOWN && (
              <button type="button" className="link" aria-expanded={!!open[kind]} onClick={() => setOpen({ ...open, [kind]: !open[kind] })}>
                {open[kind] ? t('showLess') : t('showAll', { count: list.length })}
              </button>
            )}
          </section>
        );
      })}
    </section>
  );
}
