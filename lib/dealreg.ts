// The default entry (`dealreg`, dist/dealreg.js): the elements, registered once each, with what a
// host needs around them — configureDealReg, the HTTP adapter, the error model and the public
// types. The engine is in only as far as the elements use it; the whole engine, the schemas and the
// backoff/scrub helpers are `dealreg/core`, the mock and the memory adapter `dealreg/mock`.
// Locales other than English are chunks loaded on demand (dist/locales/), next to this module.
export type * from '../src/domain/types.ts';
export type {
  Actor,
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
export { createHttpAdapter, DEFAULT_MAX_RESPONSE_BYTES, type HttpAdapterOptions } from '../src/adapters/http.ts';
export * from '../widgets/index.ts';
