import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../shared/domain';
import { useRouter } from '../../app/router';
import { useSession } from '../../app/session';
import { getDb } from '../../db/db';
import { listPlanned } from '../../db/interactions';
import { useLive } from '../../db/live';
import { formatters } from '../../i18n/format';

/** Monday 00:00 local time of the current week and of the week after. */
function weekBounds(now = new Date()): [Date, Date] {
  const monday = new Date(now);
  monday.setHours(0, 0, 0, 0);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  const next = new Date(monday);
  next.setDate(next.getDate() + 7);
  return [monday, next];
}

/** This week's planned appointments of the rep, day by day. */
export function PlanPage() {
  const { t, i18n } = useTranslation('plan');
  const fmt = formatters(i18n.language);
  const selfId = useSession((s) => s.selfId);
  const navigate = useRouter((s) => s.navigate);
  const [from, to] = weekBounds();
  const planned = useLive(() => listPlanned(from.toISOString(), to.toISOString(), selfId), [selfId, from.getTime()]);
  const names = useLive(async () => {
    const rows = await getDb().accounts.bulkGet((planned ?? []).map((p) => p.accountId));
    return new Map(rows.filter((a) => a !== undefined).map((a) => [a.id, a]));
  }, [planned]);

  const byDay = new Map<string, Interaction[]>();
  for (const p of planned ?? []) {
    const day = fmt.date(p.at);
    byDay.set(day, [...(byDay.get(day) ?? []), p]);
  }
  return (
    <section aria-labelledby="plan-title">
      <header className="page-header">
        <h1 id="plan-title">{t('title', { from: fmt.date(from), to: fmt.date(new Date(to.getTime() - 1)) })}</h1>
      </header>
      {planned && planned.length === 0 && <p className="empty-state">{t('empty')}</p>}
      {[...byDay.entries()].map(([day, items]) => (
        <section key={day} className="panel" aria-label={day}>
          <h2>{day}</h2>
          <ul className="plain-list">
            {items.map((p) => {
              const a = names?.get(p.accountId);
              return (
                <li key={p.id}>
                  <span className="when">{fmt.time(p.at)}</span>{' '}
                  <button type="button" className="link" onClick={() => navigate({ page: 'account', accountId: p.accountId })}>
                    {a?.name ?? ''}
                  </button>{' '}
                  <span className="muted">
                    {a ? `${a.postalCode} ${a.city}` : ''} · {p.subject || t(`common:interactionType.${p.type}`)}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
