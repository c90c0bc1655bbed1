// The backend's own records. They carry what partners must never see (partnerId, timers), so they
// are never sent as they are: public.ts copies named fields out of them.
import type { Account, Asset, InfraOrder, Opportunity, QuoteRequest, Registration } from '../../src/domain/types.ts';

export interface Partner {
  id: string;
  name: string;
  token: string;
}

export interface InternalAccount extends Account {
  city: string;
  /** The customer master's identifiers (customers.ts): every demo customer has a SIREN. */
  siren?: string;
  vatNumber?: string;
  duns?: string;
  /**
   * A customer the vendor first heard of in a registration: the name and country each partner gave.
   * Each partner is told its own, and nothing of the others' (their registrations are not its business).
   */
  namedBy?: Map<string, { name: string; country: string }>;
  /** acc-broken: the overview of this account is served malformed on purpose. */
  malformed?: boolean;
}

/** An installed-base asset, with the partner that sold it. */
export interface InternalAsset extends Asset {
  accountId: string;
  partnerId: string;
}

/** An opportunity as the vendor's CRM holds it: no partner-relative marker. */
export interface InternalOpportunity extends Omit<Opportunity, 'protectedByAnotherPartner'> {
  accountId: string;
  /**
   * Set on the vendor's record of a partner's CRM deal: that partner alone sees it listed; rule 1
   * weighs it like any opportunity of the account.
   */
  partnerId?: string;
  /** The CRM's id of that deal, as the partner sent it. */
  partnerOpportunityId?: string;
}

export interface InternalRegistration extends Registration {
  partnerId: string;
}

export interface InternalQuote extends QuoteRequest {
  partnerId: string;
  /** Real time (ms since epoch) from which the vendor's pricing decision is visible. */
  decisionDueAtMs: number;
}

export interface Store {
  partners: Partner[];
  accounts: Map<string, InternalAccount>;
  orders: InfraOrder[];
  assets: InternalAsset[];
  opportunities: Map<string, InternalOpportunity>;
  registrations: Map<string, InternalRegistration>;
  quotes: Map<string, InternalQuote>;
}
