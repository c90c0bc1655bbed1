// POST /v1/registrations with a CRM deal (the body carries `deal`, not `opportunityId`): the vendor
// finds the customer by its identifier, classifies the deal's lines in its catalogue, keeps the deal as
// its own opportunity record, private to the partner, and decides as for any opportunity (commands.ts).
import type { DealSnapshot } from '../../src/domain/deal.ts';
import type { CoreResult } from './backend-core.ts';
import { classifyLines, placedLines } from './catalogue.ts';
import { decide, register, type Attempt } from './commands.ts';
import { identifiersOfKey } from './customers.ts';
import { checkDealRegistrationBody, isDealRegistration, type DealRegistrationBody } from './deal-checks.ts';
import type { InternalOpportunity, Partner } from './model.ts';
import { isFailure, problem } from './problems.ts';
import { mintId, putOpportunity, resolveAccount, type MockState } from './state.ts';

/** POST /v1/registrations, either body. */
export function registerAny(s: MockState, partner: Partner, body: unknown): CoreResult {
  return isDealRegistration(body) ? registerDeal(s, partner, body) : register(s, partner, body);
}

/**
 * The vendor's record of this partner's CRM deal: one per (partner, CRM id). A deal registered
 * before keeps its record, brought up to date with what the CRM sends now (after a rejection, the
 * deal may have changed); one the scenarios linked to a vendor opportunity stays that opportunity.
 */
function dealRecord(
  s: MockState,
  partner: Partner,
  accountId: string,
  request: DealRegistrationBody,
  placed: InternalOpportunity['lines'],
): InternalOpportunity | 'elsewhere' {
  const { deal } = request;
  const existingId = s.indexes.dealRecordOf(partner.id, deal.partnerOpportunityId);
  const existing = existingId === undefined ? undefined : s.store.opportunities.get(existingId);
  if (existing && existing.accountId !== accountId) return 'elsewhere';
  if (existing && existing.partnerId === undefined) return existing;
  return {
    id: existing?.id ?? mintId(s, 'opp'),
    accountId,
    partnerId: partner.id,
    partnerOpportunityId: deal.partnerOpportunityId,
    name: deal.name,
    amount: { value: deal.amount.value, currency: deal.amount.currency },
    closeDate: deal.closeDate,
    lines: placed,
  };
}

export function registerDeal(s: MockState, partner: Partner, body: unknown): CoreResult {
  const request = checkDealRegistrationBody(body);
  if (isFailure(request)) return request;
  const account = resolveAccount(s, request.accountId);
  if (isFailure(account)) return account;
  if (account === null) return problem(400, 'invalid-request', 'unknown accountId');
  // A customer the vendor has no record of yet is keyed by its identifier: the next overview by it finds this.
  const accountId = 'newCustomer' in account ? account.newCustomer : account.id;

  const { deal } = request;
  const classified = classifyLines(s.program, deal.lines);
  const placed = placedLines(classified.lines);
  const opp = dealRecord(s, partner, accountId, request, placed);
  if (opp === 'elsewhere') {
    return problem(400, 'invalid-request', 'deal.partnerOpportunityId is registered at another account');
  }
  const snapshot: DealSnapshot = {
    name: deal.name,
    amount: { value: deal.amount.value, currency: deal.amount.currency },
    closeDate: deal.closeDate,
    lines: classified.lines,
  };
  const attempt: Attempt = {
    accountId,
    opp,
    lines: placed,
    presalesActivities: request.presalesActivities,
    deal: { partnerOpportunityId: deal.partnerOpportunityId, deal: snapshot, unknownSkus: classified.unknownSkus },
    prepare: () => {
      if ('newCustomer' in account) {
        const named = request.customer ?? { name: '', country: '' };
        s.indexes.putAccount({
          id: accountId,
          name: '',
          country: '',
          city: '',
          ...identifiersOfKey(accountId),
          namedBy: new Map([[partner.id, { name: named.name, country: named.country }]]),
        });
      } else if (account.namedBy && !account.namedBy.has(partner.id) && request.customer) {
        account.namedBy.set(partner.id, { ...request.customer });
      }
      if (s.store.opportunities.get(opp.id) !== opp) putOpportunity(s, opp);
    },
  };
  if (request.note !== undefined) attempt.note = request.note;
  return decide(s, partner, attempt);
}
