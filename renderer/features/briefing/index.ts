/** The printable customer briefing, opened by the shell. */
export { BriefingPage } from './BriefingPage';
