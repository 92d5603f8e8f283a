import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../shared/domain';
import { isoWeekDays, isoWeekMonday } from '../../../shared/planning/calendar';
import { areaKeyOf } from '../../../shared/planning/week-plan';
import { addEntry, dropEntry, moveEntry, planEntries } from '../../../shared/planning/week-plan-edit';
import { scheduleOf, weekTotals, type ScheduledVisit } from '../../../shared/planning/week-plan-visits';
import { getBridge } from '../../bridge';
import { useMenuCommand } from '../../core/commands';
import { useSession } from '../../core/session';
import { todayIso } from '../../../shared/time/today';
import { useLive } from '../../db/core/live';
import { loadPlanDetails, loadReminderSubjects } from '../../db/planning/load';
import { listTeam } from '../../db/team/team';
import { formatters } from '../../i18n/format';
import { AddEntry } from './AddEntry';
import { CoverageTable } from './CoverageTable';
import { PlanEntryCard } from './PlanEntryCard';
import { currentWeek, proposeFor, useWeekPlan } from './plan-data';
import { exportIcs, planFileStem } from './plan-export';
import { dayFigures, leftOutText, weekFigures } from './plan-figures';
import { RouteSketch } from './RouteSketch';
import { WeekPicker } from './WeekPicker';
import { UnplacedAccounts } from '../places';
import './plan.css';

/** The weekly visit plan: propose, edit (move, add, drop), print on A4 and export as .ics. */
export function PlanPage() {
  const { t, i18n } = useTranslation('plan');
  const fmt = formatters(i18n.language);
  const weekday = useMemo(() => new Intl.DateTimeFormat(fmt.locale, { weekday: 'long' }), [fmt.locale]);
  const selfId = useSession((s) => s.selfId);
  const team = useLive(listTeam);
  const [chosenRep, setRep] = useState('');
  const rep = chosenRep || selfId;
  const [week, setWeek] = useState(() => currentWeek(todayIso()));
  const { plan, update } = useWeekPlan(rep, week.isoYear, week.isoWeek);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [focusKey, setFocusKey] = useState('');
  const ids = plan ? planEntries(plan).map((e) => e.entry.accountId) : [];
  const details = useLive(() => loadPlanDetails(ids), [ids.join('|')]);
  // Who waits for next week stays named with the stored plan, not only in the line after proposing.
  const leftOutIds = plan?.leftOut?.slice(0, 3).map((l) => l.accountId) ?? [];
  const leftOutNames = useLive(() => loadReminderSubjects(leftOutIds, []), [leftOutIds.join('|')]);

  const weekDays = isoWeekDays(week.isoYear, week.isoWeek);
  const label = (d: IsoDate) => `${weekday.format(new Date(`${d}T12:00:00`))}, ${fmt.date(d)}`;
  const shortLabel = (d: IsoDate) => weekday.format(new Date(`${d}T12:00:00`));
  const repName = team?.find((m) => m.id === rep)?.name ?? '';
  const count = ids.length;
  // The one reading of the plan that the page, its print and the .ics share (order, stop numbers, times).
  const schedule = useMemo(() => (plan ? scheduleOf(plan) : []), [plan]);
  const nameOf = (id: string) => details?.get(id)?.account.name ?? id;

  // Printing before the accounts' details arrive would put ids on paper instead of names.
  const print = () => {
    if (plan && details) void getBridge().printToPdf({ suggestedName: `${planFileStem(t, plan)}.pdf`, landscape: false });
  };
  useMenuCommand('print', print);
  // After a move the entry is rendered in another day: keep the keyboard focus on its button.
  useEffect(() => {
    if (!focusKey) return;
    const exact = document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`);
    // At the week's edge the same direction is gone: the entry's other move button takes the focus.
    (exact ?? document.querySelector<HTMLElement>(`[data-focus^="${CSS.escape(focusKey.split(':')[0] ?? '')}:"]`))?.focus();
  }, [plan, focusKey]);

  const propose = async () => {
    setBusy(true);
    setMessage('');
    try {
      const next = await proposeFor(rep, week.isoYear, week.isoWeek, todayIso());
      update(next);
      // Customers left over are mentioned only when there are any ("0 weitere Kunden …" says nothing).
      // …and named when the planner says who (plan.leftOut), the first few, so the line stays short.
      const named = next.leftOut?.length ? next.leftOut : [];
      const names = named.length ? (await loadReminderSubjects(named.slice(0, 3).map((l) => l.accountId), [])).accounts : new Map();
      const left = named.length ? ` ${leftOutText(t, named, (id) => names.get(id)?.name)}`
        : next.unplanned > 0 ? ` ${t('unplanned', { count: next.unplanned })}` : '';
      setMessage(`${t('proposed', { count: planEntries(next).length })}${left}`);
    } finally {
      setBusy(false);
    }
  };

  const dayList = plan ? plan.days.map((d) => d.date) : weekDays.slice(0, 5);
  const neighbour = (date: IsoDate, by: number) => {
    const d = dayList[dayList.indexOf(date) + by];
    return d ? { date: d, label: shortLabel(d) } : null;
  };

  return (
    <section className="week-plan" aria-labelledby="plan-title">
      <header className="page-header">
        <h1 id="plan-title">
          {t('title', { week: week.isoWeek, year: week.isoYear, from: fmt.date(weekDays[0] ?? ''), to: fmt.date(weekDays[4] ?? '') })}
        </h1>
        <p className="print-only">{t('printFor', { name: repName, date: fmt.date(todayIso()) })}</p>
        <div className="toolbar no-print">
          <label className="field">
            <span>{t('rep')}</span>
            <select value={rep} onChange={(e) => setRep(e.target.value)}>
              {(team ?? []).filter((m) => m.active || m.id === rep).map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </select>
          </label>
          <WeekPicker week={week} today={currentWeek(todayIso())} onChange={setWeek} />
          <button type="button" className="primary" onClick={() => void propose()} disabled={busy || !rep} title={plan ? t('proposeReplaces') : undefined}>
            {t('propose')}
          </button>
          <button type="button" onClick={print} disabled={!plan || count === 0 || !details} aria-keyshortcuts="Control+P">{t('print')}</button>
          <button type="button" onClick={() => plan && details && void exportIcs(t, fmt, plan, details)} disabled={!plan || count === 0 || !details}>
            {t('exportIcs')}
          </button>
        </div>
        <p className="no-print" role="status" aria-live="polite">{busy ? t('proposing') : message}</p>
        {plan && count > 0 && <p className="week-totals">{weekFigures(t, fmt, weekTotals(schedule))}</p>}
        {plan?.leftOut?.length && !busy && !message && leftOutNames ? (
          <p className="no-print">{leftOutText(t, plan.leftOut, (id) => leftOutNames.accounts.get(id)?.name)}</p>
        ) : null}
      </header>
      {plan === undefined && <p role="status">{t('common:loading')}</p>}
      {plan === null && (
        <div className="empty-state no-print">
          <p>{t('empty', { week: week.isoWeek, monday: fmt.date(isoWeekMonday(week.isoYear, week.isoWeek)) })}</p>
        </div>
      )}
      {plan && count === 0 && <p className="empty-state">{t('emptyPlan')}</p>}
      {plan && schedule.map((sd) => {
        const n = sd.visits.length;
        const figures = dayFigures(t, fmt, sd);
        return (
          <section key={sd.date} className="plan-day" aria-labelledby={`day-${sd.date}`}>
            {/* A real table only for print: Chromium repeats a <thead> (and no CSS header group) at the
                top of every page the day runs onto. On screen it is laid out as plain blocks. */}
            <table className="plan-day-table" role="presentation">
              <thead>
                <tr><td>
                  <h2 id={`day-${sd.date}`}>{label(sd.date)} <span className="muted">· {t('visits', { count: n })}</span></h2>
                </td></tr>
              </thead>
              <tbody>
                {n === 0 && <tr><td><p className="muted">{t('freeDay')}</p></td></tr>}
                {n > 0 && (figures || sd.day.from || sd.visits.some((v) => v.entry.point)) && (
                  <tr><td>
                    <div className="plan-day-route">
                      <div className="plan-day-figures">
                        {sd.day.from && <p className="plan-line">{t('dayFrom', { place: sd.day.from.label })}</p>}
                        {figures && <p className="plan-line"><strong>{figures}</strong></p>}
                        {sd.day.to && <p className="plan-line">{t('dayTo', { place: sd.day.to.label })}</p>}
                      </div>
                      <RouteSketch day={sd} dayLabel={label(sd.date)} nameOf={nameOf} />
                    </div>
                  </td></tr>
                )}
                {runsOfArea(sd.visits).map(([areaKey, visits], run) => (
                  <tr key={`${run}-${areaKey}`}><td>
                    <section className="plan-area" aria-label={t('area', { area: areaKey })}>
                      {/* Nested the same way, so an area that runs onto the next page repeats its name there too. */}
                      <table className="plan-day-table" role="presentation">
                        <thead><tr><td><h3>{t('area', { area: areaKey })}</h3></td></tr></thead>
                        <tbody><tr><td>
                          <ol className="plain-list">
                            {visits.map((visit) => (
                              <PlanEntryCard
                                key={visit.entry.accountId}
                                visit={visit}
                                details={details?.get(visit.entry.accountId)}
                                monday={weekDays[0] ?? sd.date}
                                earlier={neighbour(sd.date, -1)}
                                later={neighbour(sd.date, 1)}
                                onMove={(to, focus) => { setFocusKey(focus); update(moveEntry(plan, visit.entry.accountId, to)); }}
                                onDrop={() => update(dropEntry(plan, visit.entry.accountId))}
                              />
                            ))}
                          </ol>
                        </td></tr></tbody>
                      </table>
                    </section>
                  </td></tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      {plan && plan.days.length > 0 && (
        <AddEntry rep={rep} days={plan.days.map((d) => ({ date: d.date, label: label(d.date) }))}
          onAdd={(a, date) => update(addEntry(plan, date, areaKeyOf(a), { accountId: a.id, reason: 'due', manual: true }))} />
      )}
      {rep && <UnplacedAccounts rep={rep} />}
      {rep && <CoverageTable rep={rep} />}
    </section>
  );
}

/** The day's visits in route order, cut into runs of one area (an area's heading is shown once per run). */
function runsOfArea(visits: readonly ScheduledVisit[]): [string, ScheduledVisit[]][] {
  const runs: [string, ScheduledVisit[]][] = [];
  for (const v of visits) {
    const last = runs[runs.length - 1];
    if (last && last[0] === v.areaKey) last[1].push(v);
    else runs.push([v.areaKey, [v]]);
  }
  return runs;
}
