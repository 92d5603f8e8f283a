import { ActivityPlansPanel } from './ActivityPlansPanel';
import { ReminderSettingsPanel } from './ReminderSettingsPanel';
import { RhythmSettings } from './RhythmSettings';
import './rhythm.css';

/** Settings → contact rhythm, reminders and activity plans (mounted by the settings page). */
export function RhythmSettingsSection() {
  return (
    <>
      <RhythmSettings />
      <ReminderSettingsPanel />
      <ActivityPlansPanel />
    </>
  );
}
