/** Import and export: the page for the shell and the GDPR export button of a contact. */
export { GdprButton } from './GdprButton';
export { ImportExportPage } from './ImportExportPage';
