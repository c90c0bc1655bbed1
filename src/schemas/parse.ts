// Validation at the boundary: every body an adapter returns has been through one of these.
import type { AccountOverview, OpportunityPage, QuoteRequest, Registration } from '../domain/types.ts';
import { DealRegError } from '../errors.ts';
import { AccountOverviewSchema, OpportunityPageSchema, QuoteRequestSchema, RegistrationSchema } from './records.ts';
import { SchemaIssue, type Schema } from './check.ts';

/** Parses `json` with `schema` or throws `invalid-response` naming the path of the first issue. */
export function parseWith<T>(schema: Schema<T>, json: unknown, what: string): T {
  try {
    return schema.run(json, '');
  } catch (error) {
    if (!(error instanceof SchemaIssue)) throw error;
    const { path, message } = error;
    throw new DealRegError('invalid-response', { path, detail: `${what}${path ? ` at ${path}` : ''}: ${message}` });
  }
}

export function parseOverview(json: unknown): AccountOverview {
  return parseWith(AccountOverviewSchema, json, 'account overview');
}

export function parseOpportunityPage(json: unknown): OpportunityPage {
  return parseWith(OpportunityPageSchema, json, 'opportunity page');
}

export function parseRegistration(json: unknown): Registration {
  return parseWith(RegistrationSchema, json, 'registration');
}

export function parseQuoteRequest(json: unknown): QuoteRequest {
  return parseWith(QuoteRequestSchema, json, 'quote request');
}
