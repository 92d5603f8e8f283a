/** The settings page, opened by the shell. */
export { SettingsPage } from './SettingsPage';
