// Speaker resolution lives in quotes/speakers (patterns → cast → salience → resolve); this module keeps
// the import path the quote finder uses.
export { attributeQuotes, type Attribution } from './quotes/speakers';
