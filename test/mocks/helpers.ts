// Test helpers for the mock backend suites.
import type { CoreResult } from '../../mocks/core/backend-core.ts';
import type { AccountOverview, Opportunity, OpportunityPage, QuoteRequest, Registration } from '../../src/domain/types.ts';
import type { MockBackend, Partner } from '../../mocks/index.ts';

export const ALPHA = 'demo-alpha';
export const BETA = 'demo-beta';

let counter = 0;
/** A fresh idempotency key: one user intent. */
export function newKey(label = 'k'): string {
  counter += 1;
  return `${label}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** n extra partners with their own tokens ('demo-p01' → 'p01', "Partenaire 01"). */
export function extraPartners(n: number): Partner[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `p${String(i + 1).padStart(2, '0')}`;
    return { id, name: `Partenaire ${id}`, token: `demo-${id}` };
  });
}

export function body<T>(result: CoreResult): T {
  if (!result.ok)
    throw new Error(`expected success, got ${result.status} ${result.problem.code}: ${result.problem.detail ?? ''}`);
  return result.body as T;
}

export const overviewOf = (r: CoreResult) => body<AccountOverview>(r);
export const pageOf = (r: CoreResult) => body<OpportunityPage>(r);

/** Every opportunity of the account as `token`'s partner sees it: the overview's, then each page's (100 at a time). */
export async function allOpportunities(backend: MockBackend, token: string, accountId: string): Promise<Opportunity[]> {
  const overview = overviewOf(await backend.getAccountOverview(token, accountId));
  const all = [...overview.opportunities];
  for (let cursor = overview.nextCursor; cursor !== null;) {
    const page = pageOf(await backend.getOpportunities(token, accountId, cursor, 100));
    all.push(...page.opportunities);
    cursor = page.nextCursor;
  }
  return all;
}
export const registrationOf = (r: CoreResult) => body<Registration>(r);
export const quoteOf = (r: CoreResult) => body<QuoteRequest>(r);

export function problemCode(result: CoreResult): string | null {
  return result.ok ? null : result.problem.code;
}
