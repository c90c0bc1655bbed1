// The in-memory mock backend: DOM-free and MSW-free, shared by the browser worker, the Node server and tests.
export { createMockBackend, type MockBackend, type MockBackendOptions } from './backend.ts';
export type { BackendCore, CoreResult, Problem, QueryParams } from './backend-core.ts';
export { createMemoryAdapter, type MemoryAdapterOptions } from './memory-adapter.ts';
export type {
  InternalAccount,
  InternalAsset,
  InternalOpportunity,
  InternalQuote,
  InternalRegistration,
  Partner,
  Store,
} from './model.ts';
export {
  BOOK_CUSTOMERS,
  BOOK_PLAN,
  buildDemoStore,
  DEFAULT_SEED,
  DEMO_ACCOUNT_IDS,
  DEMO_PARTNERS,
  generateLargeAccount,
  LARGE_ASSETS,
  LARGE_OPPORTUNITIES,
  type DemoAccountId,
  type LargeAccountData,
  type ScenarioOptions,
} from './scenarios.ts';
export { mulberry32, type Random } from './prng.ts';
export { SAMPLE_DEMO_CLOCK, SAMPLE_PROGRAM } from './sample-program.ts';
export { demoCrmRecords, isBookCustomer, type BookCustomerId, type DemoCrmOptions } from './demo-crm.ts';
export { DEMO_CUSTOMERS, type CustomerIdentifiers } from './customers.ts';
export { catalogueOf, classifyLines, NAMED_PRODUCTS, type Catalogue, type CatalogueEntry } from './catalogue.ts';
export { toPublicAccount, toPublicAsset, toPublicOpportunity, toPublicQuote, toPublicRegistration } from './public.ts';
