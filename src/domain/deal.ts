// A deal as the partner's CRM sends it to the vendor, and what the vendor makes of it. The vendor
// never knows a CRM's ids: a registration carries the CRM's id back as `partnerOpportunityId`, and
// the customer is named by an identifier the vendor matches exactly (docs/program.md §5).
import type { IsoDate, IsoDateTime, Money, QuoteRequest, Registration } from './types.ts';
import type { ProductGeneration } from './status.ts';
import type { EligibilityDecision } from './eligibility.ts';

/**
 * An account reference: the vendor's own account id, or a customer identifier it matches exactly,
 * written `siren:<9 digits>` or `duns:<9 digits>` (a VAT number is sent as the SIREN inside it).
 * An identifier the vendor has no customer for names a new account: no order on record.
 */
export type AccountRef = string;

/** One line of a deal as the CRM holds it: the vendor's SKU, and the family where the CRM knows it. */
export interface DealLine {
  sku: string;
  family?: string;
  quantity: number;
  description?: string;
}

/** A deal as submitted from the partner's CRM. */
export interface DealSubmission {
  /** The CRM's own id of the opportunity, opaque to the vendor. */
  partnerOpportunityId: string;
  name: string;
  amount: Money;
  closeDate: IsoDate;
  lines: DealLine[];
}

/**
 * A line as the vendor classified it from its catalogue. `family` and `generation` are null for a
 * SKU the vendor does not know (it is named in `unknownSkus`, never dropped silently).
 */
export interface ClassifiedLine {
  sku: string;
  quantity: number;
  family: string | null;
  generation: ProductGeneration | null;
}

/** The deal as the vendor registered it: what was submitted, its lines classified. */
export interface DealSnapshot {
  name: string;
  amount: Money;
  closeDate: IsoDate;
  lines: ClassifiedLine[];
}

/** What the vendor tells about one CRM deal before any click (`POST …/deal-previews`). */
export interface DealPreview {
  partnerOpportunityId: string;
  lines: ClassifiedLine[];
  unknownSkus: string[];
  /** The engine's decision on registering the deal now, at the server's date, on its classified lines. */
  eligibility: EligibilityDecision;
  /** Another partner's active protection holds the same deal (rule 1). Never who. */
  protectedByAnotherPartner: boolean;
  /** This partner's current registration of this CRM deal, if any, and its latest quote request. */
  registration: Registration | null;
  quote: QuoteRequest | null;
}

export interface DealPreviews {
  asOf: IsoDateTime;
  previews: DealPreview[];
}

/**
 * `POST /v1/registrations` for a CRM deal: the account by reference, the deal itself, the presales work.
 * `customer` names a customer the vendor does not know yet (its record is created with the registration).
 */
export interface DealRegistrationRequest {
  accountId: AccountRef;
  deal: DealSubmission;
  presalesActivities: string[];
  note?: string;
  customer?: { name: string; country: string };
}
