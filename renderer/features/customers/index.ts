/** The customer list: its page for the shell, the list's filters, search and order that the export of the current view reuses, and its search for the account pickers. */
export { findAccounts, useFindAccounts } from './account-matches';
export { startCustomerIndex, useCustomerIndex } from './customer-index';
export { CustomersPage } from './CustomersPage';
export { useCurrentView, type CurrentView } from './current-view';
export { applyFilters, sortRows, useCustomerFilters } from './filters';
export { createSearch, useCustomerQuery } from './search';
export { useListState } from './useListState';
