// Typed events (Web Awesome style): one class per event, bubbling and composed so a host CRM hears them.
import type { QuoteRequest, Registration } from '../../src/domain/types.ts';
import type { DealRegError } from '../../src/errors.ts';

/** The shape every dealreg event shares: a typed `detail`, bubbling and composed. */
abstract class DealRegEvent<Detail> extends Event {
  readonly detail: Detail;
  constructor(type: string, detail: Detail) {
    super(type, { bubbles: true, composed: true });
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

export const DEALREG_OPERATIONS = ['load-overview', 'load-more', 'register', 'request-quote', 'follow-quote', 'extend'] as const;
export type DealRegOperation = (typeof DEALREG_OPERATIONS)[number];

export interface DealRegErrorDetail {
  operation: DealRegOperation;
  error: DealRegError;
}

/** An operation failed; `detail.error` is the typed `DealRegError` (never carries a token). */
export class DealRegErrorEvent extends DealRegEvent<DealRegErrorDetail> {
  static readonly eventName = 'dealreg-error' as const;
  constructor(detail: DealRegErrorDetail) {
    super(DealRegErrorEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dealreg-registered': DealRegRegisteredEvent;
    'dealreg-quote-requested': DealRegQuoteRequestedEvent;
    'dealreg-extended': DealRegExtendedEvent;
    'dealreg-error': DealRegErrorEvent;
  }
}
