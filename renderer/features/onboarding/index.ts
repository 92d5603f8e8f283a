/** The first run, shown by the app root before there is a user. */
export { FirstRun } from './FirstRun';
