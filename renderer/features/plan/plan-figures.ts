import type { TFunction } from 'i18next';
import type { Id } from '../../../shared/domain';
import type { LeftOut } from '../../../shared/planning/week-plan';
import type { ScheduledDay, WeekTotals } from '../../../shared/planning/week-plan-visits';
import type { Formatters } from '../../i18n/format';

/** "182 km Strecke · 2 h 51 min Fahrzeit · 25 min Wartezeit · zurück 17:05": only what the plan knows. */
export function dayFigures(t: TFunction, fmt: Formatters, day: ScheduledDay): string {
  const d = day.day;
  return [
    d.km !== undefined ? t('dayKm', { km: fmt.km(d.km) }) : '',
    d.driveMinutes !== undefined ? t('dayDrive', { time: fmt.duration(d.driveMinutes) }) : '',
    day.waitMinutes > 0 ? t('dayWait', { time: fmt.duration(day.waitMinutes) }) : '',
    d.back ? t('dayBack', { time: d.back }) : '',
  ].filter(Boolean).join(' · ');
}

/** "Woche gesamt: 32 Besuche · 612 km Strecke · 9 h 30 min Fahrzeit". */
export function weekFigures(t: TFunction, fmt: Formatters, totals: WeekTotals): string {
  const parts = [
    t('visits', { count: totals.visits }),
    totals.km !== undefined ? t('dayKm', { km: fmt.km(totals.km) }) : '',
    totals.driveMinutes !== undefined ? t('dayDrive', { time: fmt.duration(totals.driveMinutes) }) : '',
    totals.waitMinutes > 0 ? t('dayWait', { time: fmt.duration(totals.waitMinutes) }) : '',
  ].filter(Boolean);
  return `${t('weekTotals')}: ${parts.join(' · ')}`;
}

/**
 * "Nicht eingeplant: Müller GmbH (kein Platz mehr), Weber KG (Ort unbekannt) … und 12 weitere":
 * the first few by name, most urgent first as the planner lists them, so the line stays one line.
 */
export function leftOutText(t: TFunction, leftOut: readonly LeftOut[], nameOf: (id: Id) => string | undefined, shown = 3): string {
  if (leftOut.length === 0) return '';
  const names = leftOut.slice(0, shown).map((l) => `${nameOf(l.accountId) ?? '?'} (${t(`leftOutReason.${l.reason}`)})`).join(', ');
  const more = leftOut.length - shown;
  return t('leftOut', { names: more > 0 ? `${names} ${t('leftOutMore', { count: more })}` : names });
}
