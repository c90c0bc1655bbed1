// The program rules engine: pure, dated, explainable. Everything reads the program definition.
export * from './dates.ts';
export * from './rule-set.ts';
export * from './eligibility.ts';
export * from './same-opportunity.ts';
export * from './protection.ts';
export * from './lifecycle.ts';
export * from './installed-base.ts';
export * from './opportunity-state.ts';
export * from './registrability.ts';
export * from './overview-pages.ts';
export * from './book.ts';
