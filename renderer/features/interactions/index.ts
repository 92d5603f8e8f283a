/** Logging and showing interactions: the shell's log launcher and the panels the account, briefing, today and pipeline pages show. */
export { AccountActions } from './AccountActions';
export { AccountPicker } from './AccountPicker';
export { ageInDays } from './complaint-age';
export { ComplaintsPanel } from './ComplaintsPanel';
export { HistorySearchPanel } from './HistorySearchPanel';
export { LogLauncher } from './LogLauncher';
export { useLogDialog } from './log-store';
export { MeetingStatsPanel } from './MeetingStatsPanel';
export { OpenComplaintBadge } from './OpenComplaintBadge';
export { Timeline } from './Timeline';
