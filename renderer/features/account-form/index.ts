/** The account and contact forms that the account page, the customer list and the team settings share. */
export { AccountForm } from './AccountForm';
export { AccountSearch } from './AccountSearch';
export { ContactForm } from './ContactForm';
export { SelectField, TextField } from './fields';
export { valuesOf } from './form-values';
export { NewAccountDialog } from './NewAccountDialog';
