// The public core entry: domain types, the error model, the adapter interface, the shipped adapters,
// the boundary schemas and the program rules engine. DOM-free and framework-free.
export type * from './domain/types.ts';
export type * from './domain/deal.ts';
export type * from './domain/crm.ts';
export type * from './domain/book.ts';
export type * from './domain/program.ts';
export * from './domain/status.ts';
export * from './errors.ts';
export type { DealRegAdapter, PageOptions, ReadOptions, WriteOptions } from './adapter.ts';
export type { Problem } from './schemas/problem.ts';
export * from './adapters/index.ts';
export {
  parseOverview,
  parseOpportunityPage,
  parseRegistration,
  parseQuoteRequest,
  parseDealPreviews,
  parseBookPage,
  parseProblem,
  problemToError,
} from './schemas/index.ts';
export * from './program/index.ts';
// The host CRM's records: read and checked as the panel reads them, and sent as the panel sends them.
export { readCrmRecords, MAX_CRM_OPPORTUNITIES } from './schemas/crm-records.ts';
export type { CrmRecordProblem, CrmRecordsReading } from './schemas/crm-records.ts';
export { accountRefOf, dealSubmission, dealRegistrationRequest } from './program/crm-deal.ts';
