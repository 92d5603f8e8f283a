import type { Category, IsoDate } from '../domain';
import type { GeoAddress } from '../geo/types';

/** Country and state whose public holidays apply, e.g. DE/BY, AT/9, CH/ZH (codes as date-holidays uses them). */
export type HolidayRegion = {
  /** "DE", "AT" or "CH". */
  country: string;
  /** State / Bundesland / canton code; empty for nationwide holidays only. */
  state: string;
};

/** A rep's start or end point as typed (home or office); placed by the geocoder when the week is planned. */
export type RepAddress = GeoAddress & {
  /** Street and number, for the printed plan. */
  street: string;
  /** Short name the plan shows, e.g. "Büro" or "Zuhause". */
  label: string;
};

/** How one rep works a week: the planner's limits and the driving estimate. */
export type RepWeek = {
  /** Where each day starts (home or office); undefined until the rep sets it. */
  start?: RepAddress;
  /** Where each day ends; undefined means back to the start. */
  end?: RepAddress;
  /** First possible departure, local `HH:mm`. */
  workStart: string;
  /** Latest return to the end point, local `HH:mm`. */
  workEnd: string;
  /** Minutes per visit by category (A gets longer visits than D). */
  visitMinutes: Record<Category, number>;
  /** Days the rep is away (leave, training): nothing is planned on them. */
  absences: IsoDate[];
  /** Whose public holidays apply. */
  holidayRegion: HolidayRegion;
  /** 24 December is a day off. */
  christmasEveOff: boolean;
  /** 31 December is a day off. */
  newYearsEveOff: boolean;
  /** Road km per straight-line km. */
  roadFactor: number;
  /** Average driving speed in km/h. */
  speedKmh: number;
  /** Least minutes between two different addresses, even in the same town. */
  minDriveMinutes: number;
};

/** A working week a new rep can start from: 08:00–17:00, visits of 60/45/45/30 minutes, DE without a state. */
export function defaultRepWeek(): RepWeek {
  return {
    workStart: '08:00', workEnd: '17:00',
    visitMinutes: { A: 60, B: 45, C: 45, D: 30 },
    absences: [], holidayRegion: { country: 'DE', state: '' },
    christmasEveOff: true, newYearsEveOff: true,
    roadFactor: 1.3, speedKmh: 60, minDriveMinutes: 10,
  };
}
