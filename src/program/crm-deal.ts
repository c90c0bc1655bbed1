// A CRM deal as dealreg sends it to the vendor: the same submission for a preview and for the
// registration, built from the host's records alone, so one click sends the CRM's data in one POST
// and the rep retypes nothing but the presales activities.
import type { CrmAccount, CrmOpportunity } from '../domain/crm.ts';
import type { AccountRef, DealLine, DealRegistrationRequest, DealSubmission } from '../domain/deal.ts';
import type { PresalesActivity } from '../domain/status.ts';
import { DealRegError } from '../errors.ts';
import { canonicalDuns, sirenOf } from './customer-identifiers.ts';

/**
 * The reference the vendor matches the CRM account by: `siren:` (given as such or inside the VAT
 * number), else `duns:`; null when the account holds neither (the name and country never match).
 */
export function accountRefOf(account: Pick<CrmAccount, 'siren' | 'vatNumber' | 'duns'>): AccountRef | null {
  const siren = sirenOf(account);
  if (siren !== null) return `siren:${siren}`;
  const duns = account.duns === undefined ? null : canonicalDuns(account.duns);
  return duns === null ? null : `duns:${duns}`;
}

/** The deal as the CRM holds it, in the contract's shape: the CRM's id goes as `partnerOpportunityId`. */
export function dealSubmission(opportunity: CrmOpportunity): DealSubmission {
  return {
    partnerOpportunityId: opportunity.id,
    name: opportunity.name,
    amount: { value: opportunity.amount.value, currency: opportunity.amount.currency },
    closeDate: opportunity.closeDate,
    lines: opportunity.lines.map((line) => {
      const sent: DealLine = { sku: line.sku, quantity: line.quantity };
      if (line.family !== undefined) sent.family = line.family;
      if (line.description !== undefined) sent.description = line.description;
      return sent;
    }),
  };
}

/**
 * A registration of a CRM deal names its customer too: a customer the vendor has no record of yet
 * gets one under that name (the vendor design's optional `customer`).
 */
export interface CrmDealRegistrationRequest extends DealRegistrationRequest {
  customer: { name: string; country: string };
}

/**
 * `POST /v1/registrations` for a CRM deal: the account by reference, the deal from the records, the
 * presales activities the rep chose (each once). A deal closed in the CRM, or an account the vendor
 * cannot match, is refused here with `invalid-request`: it is never sent.
 */
export function dealRegistrationRequest(
  account: CrmAccount,
  opportunity: CrmOpportunity,
  presalesActivities: readonly PresalesActivity[],
  note?: string,
): CrmDealRegistrationRequest {
  if (opportunity.closed !== undefined) {
    throw new DealRegError('invalid-request', { detail: `opportunity ${opportunity.id} is ${opportunity.closed} in the CRM` });
  }
  const accountId = accountRefOf(account);
  if (accountId === null) {
    throw new DealRegError('invalid-request', { detail: `account ${account.id} has no valid SIREN, VAT number or DUNS` });
  }
  const request: CrmDealRegistrationRequest = {
    accountId,
    deal: dealSubmission(opportunity),
    presalesActivities: [...new Set(presalesActivities)],
    customer: { name: account.name, country: account.country },
  };
  const trimmed = note?.trim();
  if (trimmed) request.note = trimmed;
  return request;
}
