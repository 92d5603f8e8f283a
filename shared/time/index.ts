/** Days, instants and ids: branded strings, their constructors, and the laptop's zone (why brands: see brand.ts). */
export { asId, asIsoDate, asOptionalIsoDate, dayOfInput, instantOf, isIsoDate, isIsoInstant, isoDate } from './brand';
export type { Id, IsoDate, IsoInstant } from './brand';
export { dayNumberOfYmd, daysInMonth, fromDayNumber, isLeapYear, MS_PER_DAY, pad2, toDayNumber, ymdOfDayNumber, ymdText } from './day-number';
export { localDay } from './local-day';
export { todayIso } from './today';
export { localTimeZone, zoneClock } from './zone-clock';
export type { ZoneClock } from './zone-clock';
