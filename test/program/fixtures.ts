// Builders for the program's tests: the sample program, variants of it, and registrations.
import type { OrderFacts, QuoteRequest, Registration } from '../../src/domain/types.ts';
import type { ProgramDefinition, RuleSet } from '../../src/domain/program.ts';
import { SAMPLE_PROGRAM } from '../../mocks/core/sample-program.ts';
import type { EligibilityInput } from '../../src/program/eligibility.ts';

export const PROGRAM = SAMPLE_PROGRAM;
export const TERMS = SAMPLE_PROGRAM.protection;
export const LAUNCH = SAMPLE_PROGRAM.ruleSets[0]!;
export const EXTENSION = SAMPLE_PROGRAM.ruleSets[1]!;

/** The sample program with only its launch rule set. */
export const LAUNCH_ONLY: ProgramDefinition = { ...SAMPLE_PROGRAM, ruleSets: [LAUNCH] };

/** The sample program with every rule set's windows replaced. */
export function withWindows(windows: Partial<Pick<RuleSet, 'dormancyMonths' | 'installedBaseMonths'>>): ProgramDefinition {
  return { ...SAMPLE_PROGRAM, ruleSets: SAMPLE_PROGRAM.ruleSets.map((rs) => ({ ...rs, ...windows })) };
}

export const CLASSIC = 'rack-servers';
export const SYNERGY = 'composable';

export function deal(...families: string[]): EligibilityInput['opportunity'] {
  return { lines: families.map((family) => ({ family })) };
}

export function orders(lastInfraOrderAt: string | null, lastInfraOrderByYouAt: string | null = null): OrderFacts {
  return { lastInfraOrderAt, lastInfraOrderByYouAt };
}

export function input(at: string, families: string[], facts: OrderFacts, program: ProgramDefinition = PROGRAM): EligibilityInput {
  return { program, at, opportunity: deal(...families), orders: facts };
}

export function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    id: 'reg-1',
    accountId: 'acc-1',
    opportunityId: 'opp-1',
    status: 'submitted',
    submittedAt: '2017-02-14T09:00:00Z',
    reasons: [],
    history: [{ from: null, to: 'submitted', at: '2017-02-14T09:00:00Z', by: 'partner' }],
    extensionsUsed: 0,
    presalesActivities: ['workshop'],
    ...overrides,
  };
}

export function approved(protectedUntil: string, extensionsUsed = 0): Registration {
  return registration({ status: 'approved', approvedAt: '2017-02-14T09:00:00Z', protectedUntil, extensionsUsed });
}

export function quote(overrides: Partial<QuoteRequest> = {}): QuoteRequest {
  return { id: 'q-1', registrationId: 'reg-1', status: 'submitted', requestedAt: '2017-02-14T10:00:00Z', ...overrides };
}
