// Validation at the boundary: every body an adapter returns has been through one of these.
import * as v from 'valibot';
import type { AccountOverview, OpportunityPage, QuoteRequest, Registration } from '../domain/types.ts';
import { DealRegError } from '../errors.ts';
import { AccountOverviewSchema, OpportunityPageSchema, QuoteRequestSchema, RegistrationSchema } from './records.ts';
import { ProblemSchema, type Problem } from './problem.ts';

type AnySchema = v.GenericSchema<unknown, unknown>;

/** Parses `json` with `schema` or throws `invalid-response` naming the path of the first issue. */
export function parseWith<T>(schema: v.GenericSchema<unknown, T>, json: unknown, what: string): T {
  const result = v.safeParse(schema as AnySchema, json, { abortEarly: true });
  if (result.success) return result.output as T;
  const issue = result.issues[0];
  const path = (issue && v.getDotPath(issue)) ?? '';
  const message = issue?.message ?? 'does not match the contract';
  throw new DealRegError('invalid-response', {
    path,
    detail: `${what}${path ? ` at ${path}` : ''}: ${message}`,
  });
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

export function parseProblem(json: unknown): Problem {
  return parseWith(ProblemSchema, json, 'problem');
}

/** Like parseProblem, but answers undefined instead of throwing (an error body may be anything). */
export function tryParseProblem(json: unknown): Problem | undefined {
  const result = v.safeParse(ProblemSchema, json);
  return result.success ? result.output : undefined;
}
