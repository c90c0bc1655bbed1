// The host CRM's records, as a partner's CRM holds them: the account on screen and its
// opportunities with their lines. The CRM owns them; dealreg reads them and never changes them.
// The vendor knows none of these ids: it knows its customers by SIREN, VAT number or DUNS.
import type { IsoDate, Money } from './types.ts';

export interface CrmAccount {
  /** The CRM's own id of the account (a Salesforce 001…, a HubSpot company id…). */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  siren?: string;
  vatNumber?: string;
  duns?: string;
  website?: string;
}

export interface CrmOpportunityLine {
  /** The vendor's product code; the vendor classifies it (family, generation) in its catalogue. */
  sku: string;
  /** The product family, where the CRM knows it. */
  family?: string;
  quantity: number;
  description?: string;
}

export interface CrmOpportunity {
  /** The CRM's own id of the deal: registrations carry it back as `partnerOpportunityId`. */
  id: string;
  name: string;
  amount: Money;
  closeDate: IsoDate;
  /** The CRM's stage label, shown as is. */
  stage?: string;
  /** Set once the deal is closed in the CRM: it is shown, never offered for registration. */
  closed?: 'won' | 'lost';
  lines: CrmOpportunityLine[];
}

export interface CrmRecords {
  account: CrmAccount;
  opportunities: CrmOpportunity[];
}
