// Typed events (Web Awesome style): one class per event, bubbling and composed so a host CRM hears them.
import type { QuoteRequest, Registration } from '../../src/domain/types.ts';
import type { DealRegError } from '../../src/errors.ts';
import type { CrmRecordProblem } from '../../src/schemas/crm-records.ts';
import type { OpportunityState } from '../../src/domain/status.ts';

/** The shape every dealreg event shares: a typed `detail`, bubbling and composed. */
abstract class DealRegEvent<Detail> extends Event {
  readonly detail: Detail;
  constructor(type: string, detail: Detail, init: EventInit = { bubbles: true, composed: true }) {
    super(type, init);
    this.detail = detail;
  }
}

export interface DealRegRegisteredDetail {
  accountId: string;
  registration: Registration;
}

/** A registration was submitted and answered (approved or rejected: see `detail.registration.status`). */
export class DealRegRegisteredEvent extends DealRegEvent<DealRegRegisteredDetail> {
  static readonly eventName = 'dealreg-registered' as const;
  constructor(detail: DealRegRegisteredDetail) {
    super(DealRegRegisteredEvent.eventName, detail);
  }
}

export interface DealRegQuoteRequestedDetail {
  registrationId: string;
  quote: QuoteRequest;
}

/** A restricted quote was requested (the quote is `submitted`; the element then follows it). */
export class DealRegQuoteRequestedEvent extends DealRegEvent<DealRegQuoteRequestedDetail> {
  static readonly eventName = 'dealreg-quote-requested' as const;
  constructor(detail: DealRegQuoteRequestedDetail) {
    super(DealRegQuoteRequestedEvent.eventName, detail);
  }
}

export interface DealRegExtendedDetail {
  registration: Registration;
}

/** A protection was extended. */
export class DealRegExtendedEvent extends DealRegEvent<DealRegExtendedDetail> {
  static readonly eventName = 'dealreg-extended' as const;
  constructor(detail: DealRegExtendedDetail) {
    super(DealRegExtendedEvent.eventName, detail);
  }
}

export interface DealRegRegisterRequestDetail {
  accountId: string;
  opportunityId: string;
}

/**
 * The partner asked to register one deal from its row ("Register opportunity" on a qualifying deal).
 * It bubbles but is not composed: it reaches the element's own tree (the panel, which opens its
 * register form on that deal, or the host page of a standalone `<dealreg-status actions>`).
 */
export class DealRegRegisterRequestEvent extends DealRegEvent<DealRegRegisterRequestDetail> {
  static readonly eventName = 'dealreg-register-request' as const;
  constructor(detail: DealRegRegisterRequestDetail) {
    super(DealRegRegisterRequestEvent.eventName, detail, { bubbles: true, composed: false });
  }
}

export const DEALREG_OPERATIONS = [
  'load-overview',
  'load-more',
  'register',
  'request-quote',
  'follow-quote',
  'extend',
  'read-records',
  'preview',
  'load-book',
  'export-book',
] as const;
export type DealRegOperation = (typeof DEALREG_OPERATIONS)[number];

export interface DealRegErrorDetail {
  operation: DealRegOperation;
  error: DealRegError;
  /** With `invalid-records`: each record left out (or identifier dropped), by record and field. */
  problems?: CrmRecordProblem[];
}

/** An operation failed; `detail.error` is the typed `DealRegError` (never carries a token). */
export class DealRegErrorEvent extends DealRegEvent<DealRegErrorDetail> {
  static readonly eventName = 'dealreg-error' as const;
  constructor(detail: DealRegErrorDetail) {
    super(DealRegErrorEvent.eventName, detail);
  }
}

/** Where one CRM deal stands with the vendor, as the panel shows it. */
export interface DealRegDealState {
  /** The CRM's id of the opportunity. */
  partnerOpportunityId: string;
  state: OpportunityState;
  registrationId: string | null;
  protectedUntil: string | null;
}

export interface DealRegDealStatesDetail {
  /** The CRM's id of the account. */
  accountId: string;
  /** Every CRM deal the panel has a standing for, in the records' order. */
  deals: DealRegDealState[];
}

/**
 * The standing of the host's CRM deals changed (first known, a preview, a registration, an
 * extension): for a host that shows each deal's registration status in its own list, or writes it
 * back to its CRM, without asking the vendor itself.
 */
export class DealRegDealStatesEvent extends DealRegEvent<DealRegDealStatesDetail> {
  static readonly eventName = 'dealreg-deal-states' as const;
  constructor(detail: DealRegDealStatesDetail) {
    super(DealRegDealStatesEvent.eventName, detail);
  }
}

export interface DealRegOpenRecordDetail {
  /** The vendor's account id of the customer. */
  accountId: string;
  /** The CRM's id of the deal, when it was registered from the CRM; else null (link by the account). */
  partnerOpportunityId: string | null;
  registrationId: string;
  /** The link the element would follow (its `record-href` filled in), or null without one. */
  href: string | null;
}

/**
 * A book row's record was opened. Cancellable: a host that navigates itself (LWC NavigationMixin)
 * calls preventDefault() and the element follows no link.
 */
export class DealRegOpenRecordEvent extends DealRegEvent<DealRegOpenRecordDetail> {
  static readonly eventName = 'dealreg-open-record' as const;
  constructor(detail: DealRegOpenRecordDetail) {
    super(DealRegOpenRecordEvent.eventName, detail, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dealreg-registered': DealRegRegisteredEvent;
    'dealreg-quote-requested': DealRegQuoteRequestedEvent;
    'dealreg-extended': DealRegExtendedEvent;
    'dealreg-register-request': DealRegRegisterRequestEvent;
    'dealreg-error': DealRegErrorEvent;
    'dealreg-deal-states': DealRegDealStatesEvent;
    'dealreg-open-record': DealRegOpenRecordEvent;
  }
}
