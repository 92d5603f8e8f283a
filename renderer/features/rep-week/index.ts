/** The rep's week (start point, hours, visit lengths, days off, driving estimate), shown in the settings. */
export { RepWeekPanel } from './RepWeekPanel';
