// Test helpers for the mock backend suites.
import type { CoreResult } from '../../src/backend-core.ts';
import type { AccountOverview, QuoteRequest, Registration } from '../../src/domain/types.ts';
import type { Partner } from '../../mocks/index.ts';

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
  if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.problem.code}: ${result.problem.detail ?? ''}`);
  return result.body as T;
}

export const overviewOf = (r: CoreResult) => body<AccountOverview>(r);
export const registrationOf = (r: CoreResult) => body<Registration>(r);
export const quoteOf = (r: CoreResult) => body<QuoteRequest>(r);

export function problemCode(result: CoreResult): string | null {
  return result.ok ? null : result.problem.code;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
