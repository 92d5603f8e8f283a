import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ratio } from '../../../shared/kpi';
import { addDays, isoWeekMonday, isoWeekOf } from '../../../shared/planning/calendar';
import type { IsoDate } from '../../../shared/time';
import { todayIso } from '../../../shared/time/today';
import { useLive } from '../../db/core/live';
import { loadMeetingReport } from '../../db/history/meetings';
import { listTeam } from '../../db/team/team';
import { formatters } from '../../i18n/format';

function mondayOf(day: IsoDate): IsoDate {
  const w = isoWeekOf(day);
  return isoWeekMonday(w.isoYear, w.week);
}

/** Meetings held in a chosen week and their success, follow-ups booked, appointments in the next month. */
export function MeetingStatsPanel() {
  const { t, i18n } = useTranslation('interactions');
  const fmt = formatters(i18n.language);
  const today = todayIso();
  const [monday, setMonday] = useState(() => mondayOf(today));
  const sunday = addDays(monday, 6);
  const report = useLive(() => loadMeetingReport({ from: monday, to: sunday }, today), [monday, today]);
  const team = useLive(listTeam) ?? [];
  const name = (id: string) => team.find((m) => m.id === id)?.name ?? t('common:unknownMember');
  const share = (r: Ratio) => (r.value === null ? '—' : `${fmt.percent(r.value)} (${r.numerator}/${r.denominator})`);
  const week = isoWeekOf(monday).week;

  return (
    <section className="panel wide meeting-stats" aria-labelledby="meeting-stats-title">
      <h2 id="meeting-stats-title">{t('stats.title')}</h2>
      <div className="row-actions" role="group" aria-label={t('stats.week')}>
        <button type="button" onClick={() => setMonday(addDays(monday, -7))}>← {t('stats.previous')}</button>
        <strong aria-live="polite">{t('stats.weekLabel', { week, from: fmt.date(monday), to: fmt.date(sunday) })}</strong>
        <button type="button" onClick={() => setMonday(addDays(monday, 7))}>{t('stats.next')} →</button>
        {monday !== mondayOf(today) && (
          <button type="button" className="link" onClick={() => setMonday(mondayOf(today))}>{t('stats.thisWeek')}</button>
        )}
      </div>
      {report === undefined ? (
        <p role="status">{t('common:loading')}</p>
      ) : report.byPerson.length === 0 ? (
        <p className="empty-state">{t('stats.empty')}</p>
      ) : (
        <table className="stats-table">
          <caption className="hint">{t('stats.definition')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.person')}</th>
              <th scope="col">{t('stats.held')}</th>
              <th scope="col">{t('stats.successful')}</th>
              <th scope="col">{t('stats.followUps')}</th>
              <th scope="col">{t('stats.upcoming')}</th>
            </tr>
          </thead>
          <tbody>
            {report.byPerson.map((p) => (
              <tr key={p.userId}>
                <th scope="row">{name(p.userId)}</th>
                <td>{p.held}</td>
                <td>{share(p.successful)}</td>
                <td>{p.followUpBooked.numerator}</td>
                <td>{p.upcoming}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('stats.team')}</th>
              <td>{report.team.held}</td>
              <td>{share(report.team.successful)}</td>
              <td>{report.team.followUpBooked.numerator}</td>
              <td>{report.team.upcoming}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
