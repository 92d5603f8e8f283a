/** Deals and leads: the panels the reports page and the account page show. */
export { AutomationRunner } from './AutomationRunner';
export { DealDialog } from './DealDialog';
export { LeadSourcesPanel } from './LeadSourcesPanel';
export { PipelineTab } from './PipelineTab';
export { SalesList } from './SalesList';
export { staleOffers } from './stale';
export { isScored, LeadScoreBadge, useLeadScores, type LeadScores } from './lead-score';
