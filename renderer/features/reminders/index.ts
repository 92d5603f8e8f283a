/** Reminders: the shell's notifier, the today page's inbox and the open reminders the week plan proposes from. */
export { ReminderInbox } from './ReminderInbox';
export { ReminderNotifier } from './ReminderNotifier';
export { computeOpenReminders } from './reminder-store';
