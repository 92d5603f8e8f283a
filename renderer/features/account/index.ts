/** The account feature's public face: the account page, opened by the shell. */
export { AccountPage } from './AccountPage';
