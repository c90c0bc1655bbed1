// The writes of the REST contract: register an opportunity, request the restricted quote, extend a
// protection. Every rule is decided by the engine in src/program; these functions gather its facts
// from the store and write what it decided. Each runs synchronously from its first check to its
// insert (the gate awaits the latency before calling it), so no other request interleaves.
import type { Registration } from '../../src/domain/types.ts';
import type { PresalesActivity } from '../../src/domain/status.ts';
import { DealRegError } from '../../src/errors.ts';
import { addDays, toIsoDate } from '../../src/program/dates.ts';
import { evaluateEligibility } from '../../src/program/eligibility.ts';
import {
  approveRegistration,
  extendProtection,
  quoteRefusal,
  rejectRegistration,
  submittedRegistration,
} from '../../src/program/lifecycle.ts';
import { isProtectionActive, protectionState } from '../../src/program/protection.ts';
import { blocksNewRegistration, rejectionReasons } from '../../src/program/registrability.ts';
import type { CoreResult } from './backend-core.ts';
import type { InternalOpportunity, InternalQuote, InternalRegistration, Partner } from './model.ts';
import { isFailure, ok, problem, type Failure } from './problems.ts';
import { toPublicQuote, toPublicRegistration } from './public.ts';
import { checkRegistrationBody } from './request-checks.ts';
import {
  listedTo,
  mintId,
  orderFacts,
  quotesOfRegistration,
  registrationsAt,
  resolveAccount,
  sameDealOpportunities,
  settleQuote,
  settleRegistration,
  termsOf,
  type MockState,
} from './state.ts';

/** Other partners' registrations that hold (or may soon hold) this deal: active protections and pending submissions. */
function competingRegistrations(
  s: MockState,
  opp: InternalOpportunity,
  partnerId: string,
  includeSubmitted: boolean,
): InternalRegistration[] {
  const found: InternalRegistration[] = [];
  for (const oppId of sameDealOpportunities(s, opp)) {
    for (const reg of registrationsAt(s, s.indexes.mayBeLiveRegistrationsOf(oppId))) {
      if (reg.partnerId === partnerId) continue;
      const holds = isProtectionActive(protectionState(reg, s.clock, termsOf(s)));
      if (holds || (includeSubmitted && reg.status === 'submitted')) found.push(reg);
    }
  }
  return found;
}

/**
 * Rejected registrations one partner may collect on one opportunity in one day (the backend's
 * clock, UTC). A rejection is stored and shown like any answer, so without a cap one partner could
 * grow the store without bound by resubmitting a deal it cannot have (3,000 attempts on a deal
 * another partner holds all used to be stored). The attempt that would be the next rejection that
 * day is refused 429 and nothing is stored; an attempt the rules approve is never refused, so a
 * partner who corrects its request is not locked out.
 */
export const MAX_REJECTED_PER_DAY = 5;

/** 429 when this partner's rejections of this deal today have reached the cap; null otherwise. */
function rejectionCap(s: MockState, opp: InternalOpportunity, partner: Partner): Failure | null {
  const today = toIsoDate(s.clock);
  let count = 0;
  for (const reg of registrationsAt(s, s.indexes.rejectedOf(opp.id, partner.id))) {
    if (toIsoDate(reg.submittedAt) === today) count += 1;
  }
  if (count < MAX_REJECTED_PER_DAY) return null;
  const tomorrow = Date.parse(`${addDays(today, 1)}T00:00:00.000Z`);
  return {
    ...problem(
      429,
      'too-many-attempts',
      `${MAX_REJECTED_PER_DAY} registrations of this opportunity were rejected today; try again tomorrow`,
    ),
    retryAfterSeconds: Math.max(1, Math.ceil((tomorrow - Date.parse(s.clock)) / 1000)),
  };
}

/** What one registration attempt weighs, whichever body named the deal. */
export interface Attempt {
  /** The vendor's account the registration is at. */
  accountId: string;
  /** The opportunity registered: rule 1 weighs it against the account's others. */
  opp: InternalOpportunity;
  /** The lines eligibility reads (a CRM deal's, as the vendor classified them). */
  lines: ReadonlyArray<{ family: string }>;
  presalesActivities: PresalesActivity[];
  note?: string;
  /** A CRM deal's: its id in the CRM, its snapshot and the SKUs the catalogue lacks. */
  deal?: Pick<Registration, 'partnerOpportunityId' | 'deal' | 'unknownSkus'>;
  /** Writes what the registration needs before it is stored (a new customer, the vendor's record of the deal). */
  prepare?: () => void;
}

/**
 * Approved or rejected now, by the rules in force on the clock's date; 409 while the partner's own
 * registration of the deal blocks a new one, 429 past the day's rejections. Nothing is written
 * before every check has passed, and nothing else runs in between.
 */
export function decide(s: MockState, partner: Partner, attempt: Attempt): CoreResult {
  const { opp } = attempt;
  for (const reg of registrationsAt(s, s.indexes.mayBeLiveRegistrationsOf(opp.id))) {
    if (reg.partnerId === partner.id && blocksNewRegistration(reg, s.clock, termsOf(s))) {
      return problem(409, 'already-registered', 'your registration of this opportunity is pending, protected, won or lost');
    }
  }

  const { clock, program } = s;
  let reg: Registration = submittedRegistration({
    id: mintId(s, 'reg'),
    accountId: attempt.accountId,
    opportunityId: opp.id,
    submittedAt: clock,
    presalesActivities: attempt.presalesActivities,
  });
  if (attempt.note !== undefined) reg.note = attempt.note;

  // Rule 4: the rule set in force on the submission date decides.
  const orders = orderFacts(s, attempt.accountId, partner.id);
  const eligibility = evaluateEligibility({ program, at: clock, opportunity: { lines: attempt.lines }, orders });
  if (eligibility.ruleSetId !== null) reg.ruleSetId = eligibility.ruleSetId;

  const reasons = rejectionReasons({
    competing: competingRegistrations(s, opp, partner.id, true).length > 0, // rules 1 and 2
    eligibility,
    closeDate: opp.closeDate,
    at: s.clock,
    presalesActivities: attempt.presalesActivities,
  });
  const capped = reasons.length > 0 ? rejectionCap(s, opp, partner) : null;
  if (capped) return capped; // before the insert: nothing of this attempt is stored
  attempt.prepare?.();
  const ctx = { at: clock, by: 'vendor' as const };
  reg = reasons.length > 0 ? rejectRegistration(reg, reasons, ctx) : approveRegistration(reg, ctx, termsOf(s));
  const stored: InternalRegistration = { ...reg, ...attempt.deal, partnerId: partner.id };
  s.indexes.putRegistration(stored); // same synchronous turn as the checks above
  return ok(201, toPublicRegistration(stored));
}

/** POST /v1/registrations naming an opportunity the vendor lists to this partner. */
export function register(s: MockState, partner: Partner, body: unknown): CoreResult {
  const request = checkRegistrationBody(body);
  if (isFailure(request)) return request;
  const account = resolveAccount(s, request.accountId);
  if (isFailure(account)) return account;
  if (account === null || 'newCustomer' in account) return problem(400, 'invalid-request', 'unknown accountId');
  const opp = s.store.opportunities.get(request.opportunityId);
  // Another partner's CRM deal answers exactly like an opportunity that does not exist.
  if (!opp || opp.accountId !== account.id || !listedTo(opp, partner.id)) {
    return problem(400, 'invalid-request', 'unknown opportunityId for this account');
  }
  const attempt: Attempt = {
    accountId: account.id,
    opp,
    lines: opp.lines,
    presalesActivities: request.presalesActivities,
  };
  if (request.note !== undefined) attempt.note = request.note;
  return decide(s, partner, attempt);
}

/**
 * The caller's registration, or 404. Another partner's answers exactly like a missing one (same
 * status, code and text): its existence is not ours to tell.
 */
function ownRegistration(s: MockState, partner: Partner, registrationId: string): InternalRegistration | Failure {
  const reg = s.store.registrations.get(registrationId);
  if (!reg || reg.partnerId !== partner.id) return problem(404, 'not-found', 'no such registration');
  return settleRegistration(s, reg);
}

/** POST /v1/registrations/{id}/quote-requests: the vendor's pricing decision follows (settleQuote). */
export function requestQuote(s: MockState, partner: Partner, registrationId: string): CoreResult {
  const reg = ownRegistration(s, partner, registrationId);
  if (isFailure(reg)) return reg;
  const refusal = quoteRefusal(reg, quotesOfRegistration(s, reg.id), s.clock, termsOf(s));
  if (refusal === 'protection-not-active') return problem(409, refusal, 'a restricted quote needs an active protection');
  if (refusal === 'quote-already-open') return problem(409, refusal, 'a quote request is already open for this registration');
  const requestedAt = s.clock;
  const created: InternalQuote = {
    id: mintId(s, 'quo'),
    registrationId: reg.id,
    partnerId: partner.id,
    status: 'submitted',
    requestedAt,
    history: [{ from: null, to: 'submitted', at: requestedAt, by: 'partner' }],
    decisionDueAtMs: s.realTime() + s.quoteDecisionDelayMs,
  };
  s.indexes.putQuote(created);
  return ok(201, toPublicQuote(settleQuote(s, created)));
}

/** POST /v1/registrations/{id}/extension: the engine says whether and until when. */
export function extend(s: MockState, partner: Partner, registrationId: string): CoreResult {
  const reg = ownRegistration(s, partner, registrationId);
  if (isFailure(reg)) return reg;
  let extended: Registration;
  try {
    extended = extendProtection(reg, s.clock, termsOf(s));
  } catch (error) {
    if (error instanceof DealRegError && error.code === 'extension-not-allowed') {
      return problem(409, 'extension-not-allowed', error.detail);
    }
    throw error;
  }
  const stored: InternalRegistration = { ...extended, partnerId: reg.partnerId };
  s.indexes.putRegistration(stored);
  return ok(200, toPublicRegistration(stored));
}
