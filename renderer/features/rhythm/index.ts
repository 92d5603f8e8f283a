/**
 * Contact rhythm: the due badge, filter and order the customer list uses, the account page's
 * override and the settings section.
 *
 * customers and rhythm import each other through their indexes (the list shows and filters by due
 * state; the due filter sets the list's filters). That cycle is safe because neither side uses the
 * other at module init, only inside functions and components: keep it that way, or move the shared
 * part down (tests/arch/feature-indexes.test.ts loads every index first, on its own).
 */
export { DueBadge, dueLabel } from './DueBadge';
export { DueFilter } from './DueFilter';
// The component is DueFilter; the filter value's type gets a name of its own here.
export { DUE_FILTERS, dueSortKey, dueStateOfRow, matchesDue, useDueTable, type DueFilter as DueFilterValue } from './due-status';
export { RhythmOverride } from './RhythmOverride';
export { RhythmSettingsSection } from './RhythmSettingsSection';
export { useLiveDueTable } from './useLiveDueTable';
