// POST /v1/accounts/{accountRef}/deal-previews: what the vendor would say of up to a page of the
// CRM's deals before any click. A read: nothing is stored, no idempotency key. Privacy as the
// overview's: of another partner, only the opaque marker that its protection holds the same deal.
import type { DealPreview, DealSubmission } from '../../src/domain/deal.ts';
import { evaluateEligibility } from '../../src/program/eligibility.ts';
import { latestRegistrationByOpportunity } from '../../src/program/opportunity-state.ts';
import { footprintOf, isSameOpportunity } from '../../src/program/same-opportunity.ts';
import type { CoreResult } from './backend-core.ts';
import { classifyLines, placedLines } from './catalogue.ts';
import { checkPreviewBody } from './deal-checks.ts';
import type { InternalOpportunity, InternalQuote, InternalRegistration, Partner } from './model.ts';
import { isFailure, ok, problem } from './problems.ts';
import { toPublicClassifiedLine, toPublicQuote, toPublicRegistration } from './public.ts';
import { orderFacts, quotesOfRegistration, registrationsSeenBy, resolveAccount, termsOf, type MockState } from './state.ts';

/** A registration's latest quote request (by request time), or null. */
function latestQuote(s: MockState, reg: InternalRegistration): InternalQuote | null {
  let latest: InternalQuote | null = null;
  for (const quote of quotesOfRegistration(s, reg.id)) {
    if (latest === null || quote.requestedAt >= latest.requestedAt) latest = quote;
  }
  return latest;
}

export function previewDeals(s: MockState, partner: Partner, accountRef: string, body: unknown): CoreResult {
  const account = resolveAccount(s, accountRef);
  if (isFailure(account)) return account;
  if (account === null) return problem(404, 'not-found', 'no such account');
  if (!('newCustomer' in account) && account.malformed) {
    // acc-broken: what a misbehaving backend sends, as its overview does.
    return ok(200, { asOf: s.clock, previews: [{ partnerOpportunityId: 42, eligibility: 'maybe' }] });
  }
  const deals = checkPreviewBody(body);
  if (isFailure(deals)) return deals;
  const accountId = 'newCustomer' in account ? account.newCustomer : account.id;

  // One synchronous stretch: every deal is weighed against one view of the store.
  const { own, heldByOthers } = registrationsSeenBy(s, partner.id, accountId);
  const latest = latestRegistrationByOpportunity(own) as Map<string, InternalRegistration>;
  const held: InternalOpportunity[] = [];
  for (const id of heldByOthers) {
    const opp = s.store.opportunities.get(id);
    if (opp) held.push(opp);
  }
  const orders = orderFacts(s, accountId, partner.id);

  const preview = (deal: DealSubmission): DealPreview => {
    const classified = classifyLines(s.program, deal.lines);
    const placed = placedLines(classified.lines);
    const footprint = footprintOf(accountId, { lines: placed, closeDate: deal.closeDate });
    const recordId = s.indexes.dealRecordOf(partner.id, deal.partnerOpportunityId);
    // Rule 1 against other partners' active protections: the deal's own record, or the same deal.
    const protectedByAnotherPartner = held.some(
      (opp) => opp.id === recordId || isSameOpportunity(footprint, footprintOf(opp.accountId, opp), termsOf(s)),
    );
    const registration = recordId === undefined ? undefined : latest.get(recordId);
    const quote = registration ? latestQuote(s, registration) : null;
    return {
      partnerOpportunityId: deal.partnerOpportunityId,
      lines: classified.lines.map(toPublicClassifiedLine),
      unknownSkus: classified.unknownSkus,
      eligibility: evaluateEligibility({ program: s.program, at: s.clock, opportunity: { lines: placed }, orders }),
      protectedByAnotherPartner,
      registration: registration ? toPublicRegistration(registration) : null,
      quote: quote ? toPublicQuote(quote) : null,
    };
  };
  return ok(200, { asOf: s.clock, previews: deals.map(preview) });
}
