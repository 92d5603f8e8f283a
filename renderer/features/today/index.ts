/** The today page, opened by the shell. */
export { TodayPage } from './TodayPage';
