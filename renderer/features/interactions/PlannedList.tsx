import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../shared/domain';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { cancelAppointment, moveAppointment } from '../../db/history/interaction-writes';
import { formatters } from '../../i18n/format';
import { localDate, localTime } from './form';
import { useLogDialog } from './log-store';

function MoveForm({ item, onDone }: { item: Interaction; onDone: () => void }) {
  const { t } = useTranslation('interactions');
  const at = new Date(item.at);
  const [date, setDate] = useState(localDate(at));
  const [time, setTime] = useState(localTime(at));
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const next = new Date(`${date}T${time || '00:00'}`);
        if (Number.isNaN(next.getTime())) return;
        await moveAppointment(item.id, next.toISOString());
        onDone();
      }}
    >
      <DateField label={t('field.newDate')} value={date} onChange={setDate} required />
      <TimeField label={t('field.newTime')} value={time} onChange={setTime} />
      <button type="submit" className="primary">{t('action.saveMove')}</button>
      <button type="button" onClick={onDone}>{t('common:action.cancel')}</button>
    </form>
  );
}

/** Planned appointments of an account with "done", "move" and "cancel". */
export function PlannedList({ items, people }: { items: Interaction[]; people: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation('interactions');
  const fmt = formatters(i18n.language);
  const open = useLogDialog((s) => s.open);
  const [moving, setMoving] = useState<string>();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="planned-title" className="planned">
      <h3 id="planned-title">{t('planned', { count: items.length })}</h3>
      <ul className="plain-list">
        {items.map((p) => (
          <li key={p.id}>
            <time className="when" dateTime={p.at}>{fmt.dateTime(p.at)}</time>{' '}
            <strong>{t(`common:interactionType.${p.type}`)}</strong> {p.subject}{' '}
            <span className="muted">{people.get(p.userId) ?? ''}</span>
            {p.movedFrom && p.movedFrom.length > 0 && (
              <span className="muted"> · {t('movedFrom', { dates: p.movedFrom.map((d) => fmt.dateTime(d)).join(', ') })}</span>
            )}
            <div className="row-actions">
              <button type="button" onClick={() => open({ completeId: p.id, accountId: p.accountId })}>
                {t('action.markDone')}
              </button>
              <button type="button" onClick={() => setMoving(moving === p.id ? undefined : p.id)} aria-expanded={moving === p.id}>
                {t('action.move')}
              </button>
              <button type="button" onClick={() => void cancelAppointment(p.id)}>{t('action.cancelAppointment')}</button>
            </div>
            {moving === p.id && <MoveForm item={p} onDone={() => setMoving(undefined)} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
