// What both builds of the default entry export (dist/dealreg.js and the classic dist/dealreg.closed.js):
// the elements, configureDealReg, the error model and the public types. Each build adds its own
// createHttpAdapter: loaded on demand in the module, inlined in the classic script.
export type * from '../src/domain/types.ts';
// The host CRM's records (`panel.records`), the deals the vendor is sent, and what it answers about them.
export type * from '../src/domain/crm.ts';
export type * from '../src/domain/deal.ts';
export type { CrmRecordProblem } from '../src/schemas/crm-records.ts';
export type * from '../src/domain/book.ts';
export type {
  Actor,
  BookSort,
  BookView,
  OpportunityState,
  PresalesActivity,
  ProductGeneration,
  QualifyingBasis,
  QuoteDeclineReason,
  QuoteStatus,
  RegistrationStatus,
  RejectionReason,
} from '../src/domain/status.ts';
export * from '../src/errors.ts';
export type { DealRegAdapter, PageOptions, ReadOptions, WriteOptions } from '../src/adapter.ts';
export * from '../widgets/index.ts';
