// Every adapter answer's parser, in a module of their own: the element boundary loads it on demand
// (widgets/state/guarded-adapter.ts), as soon as a guard is made, while the first request is in
// flight; the default entry does not carry the contract's schemas. An adapter that validates its
// own answers (the shipped HTTP adapter) never needs it.
export { parseOpportunityPage, parseOverview, parseQuoteRequest, parseRegistration } from './parse.ts';
export { parseDealPreviews } from './parse-previews.ts';
export { parseBookPage } from './book.ts';
