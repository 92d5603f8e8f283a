/** Where accounts are on the map: the list of those that cannot be placed, the town picker, the account page's line. */
export { UnplacedAccounts } from './UnplacedAccounts';
export { AccountPlace } from './AccountPlace';
export { PlacesCredit } from './PlacesCredit';
