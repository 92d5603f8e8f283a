import type { TFunction } from 'i18next';
import type { Id } from '../../../shared/domain';
import { weekPlanToIcs } from '../../../shared/export/ics';
import { localTimeZone } from '../../../shared/planning/calendar';
import type { WeekPlan } from '../../../shared/planning/week-plan';
import { weekPlanVisits } from '../../../shared/planning/week-plan-visits';
import { getBridge } from '../../bridge';
import type { PlanAccountDetails } from '../../db/planning/load';
import type { Formatters } from '../../i18n/format';

/** File name stem of the week, e.g. `wochenplan-2026-KW48`. */
export function planFileStem(t: TFunction, plan: WeekPlan): string {
  return t('fileName', { year: plan.isoYear, week: String(plan.isoWeek).padStart(2, '0') });
}

/**
 * The week as an .ics file in the laptop's time zone, saved through the bridge. Times and order
 * come from weekPlanVisits (scheduleOf), the same reading the page and its print show.
 */
export async function exportIcs(t: TFunction, fmt: Formatters, plan: WeekPlan, details: ReadonlyMap<Id, PlanAccountDetails>): Promise<void> {
  const accounts = new Map([...details].map(([id, d]) => [id, d.account]));
  const visits = weekPlanVisits(plan, accounts, {
    describe: ({ entry, stop, start }, day) => {
      const d = details.get(entry.accountId);
      const lines = [
        `${t('stopOf', { stop, total: day.visits.length })}${start === undefined ? ` · ${t('untimed')}` : ''}`,
        t(`reason.${entry.manual ? 'manual' : entry.reason}`, { count: entry.daysOverdue ?? 0 }),
      ];
      if (entry.driveKm !== undefined && entry.driveMinutes !== undefined) {
        lines.push(t('driveTo', { km: fmt.km(entry.driveKm), time: fmt.duration(entry.driveMinutes) }));
      }
      if (entry.waitMinutes) lines.push(t('wait', { time: fmt.duration(entry.waitMinutes) }));
      if (d?.account.phone) lines.push(`${t('phone')}: ${d.account.phone}`);
      const people = d?.contacts.map((c) => `${c.firstName} ${c.lastName}`.trim()).filter(Boolean) ?? [];
      if (people.length) lines.push(`${t('contacts')}: ${people.join(', ')}`);
      if (d?.nextStep?.nextStep) lines.push(`${t('nextStep')}: ${d.nextStep.nextStep}`);
      return lines.join('\n');
    },
  });
  const ics = weekPlanToIcs(visits, { tzid: localTimeZone(), now: Date.now(), calendarName: t('calendarName', { week: plan.isoWeek, year: plan.isoYear }) });
  await getBridge().saveFile({
    suggestedName: `${planFileStem(t, plan)}.ics`, mimeType: 'text/calendar;charset=utf-8', data: ics,
    filters: [{ name: 'iCalendar', extensions: ['ics'] }],
  });
}
