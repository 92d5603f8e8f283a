import { create } from 'zustand';
import type { Id, IsoDate } from '../../../shared/domain';
import { DEFAULT_REMINDER_SETTINGS, sortReminders, type Reminder } from '../../../shared/planning/reminders';
import { todayIso } from '../../../shared/time/today';
import { getPlanningSettings, markReminderDone, snoozeReminder } from '../../db/planning/planning';
import { loadReminders } from '../../db/planning/reminder-query';

type ReminderStore = {
  /** Open reminders, inbox order; undefined until the first computation finished. */
  reminders: Reminder[] | undefined;
  /** Day and rep they were computed for. */
  computedFor: string;
  /** Epoch ms of the computation. */
  computedAt: number;
  /** Recomputes unless the list for this rep and day is younger than a minute (or `force`). */
  load: (selfId: Id, force?: boolean) => Promise<Reminder[]>;
  done: (key: string) => Promise<void>;
  snooze: (key: string, until: Date) => Promise<void>;
};

/** Lets the browser paint first: the inbox is computed after the Today screen is on screen. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** The reminders of one rep for today (with the stored settings); also used by the notifier. */
export async function computeOpenReminders(selfId: Id, today: IsoDate = todayIso()): Promise<Reminder[]> {
  const s = await getPlanningSettings();
  const settings = {
    ...DEFAULT_REMINDER_SETTINGS, birthdayLeadDays: s.birthdayLeadDays, offerFollowUpDays: s.offerFollowUpDays,
    complaintOpenDays: s.complaintOpenDays, now: Date.now(),
  };
  // Through the visit index (reminder-query.ts): time and memory follow the reminders, not the size of the base.
  return sortReminders(await loadReminders(today, selfId || undefined, settings));
}

let inflight: Promise<Reminder[]> | undefined;
/** Coming back to Today within this time shows the list as it is; later it is recomputed (after paint, the old list stays meanwhile). */
const FRESH_MS = 60_000;

/**
 * The inbox's reminders, kept while the app runs, so going back to Today shows them at once
 * (and recomputes them in the background when they are older than a minute). Done and snooze remove the entry here and store the state,
 * so it stays gone after a reload.
 */
export const useReminders = create<ReminderStore>((set, get) => ({
  reminders: undefined,
  computedFor: '',
  computedAt: 0,
  load: async (selfId, force = false) => {
    const key = `${selfId}|${todayIso()}`;
    const current = get().reminders;
    if (!force && current && get().computedFor === key && Date.now() - get().computedAt < FRESH_MS) return current;
    if (!force && inflight) return inflight;
    inflight = (async () => {
      await afterPaint();
      const reminders = await computeOpenReminders(selfId);
      set({ reminders, computedFor: key, computedAt: Date.now() });
      return reminders;
    })().finally(() => {
      inflight = undefined;
    });
    return inflight;
  },
  done: async (key) => {
    set((s) => ({ reminders: s.reminders?.filter((r) => r.key !== key) }));
    await markReminderDone(key);
  },
  snooze: async (key, until) => {
    set((s) => ({ reminders: s.reminders?.filter((r) => r.key !== key) }));
    await snoozeReminder(key, until);
  },
}));

/** Local midnight `days` days from now: a snoozed reminder comes back at the start of that day. */
export function startOfDayIn(days: number, now = new Date()): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + days);
  return d;
}

/** Local midnight of a picked day. */
export function startOfIsoDate(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}
