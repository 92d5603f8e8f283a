/** The team settings panel. */
export { TeamPanel } from './TeamPanel';
