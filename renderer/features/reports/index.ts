/** The reports page, opened by the shell. */
export { ReportsPage } from './ReportsPage';
