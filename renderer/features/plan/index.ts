/** The week plan: its page for the shell and the visit coverage the today page sums up. */
export { PlanPage } from './PlanPage';
export { totalCoverage, useCoverage } from './use-coverage';
