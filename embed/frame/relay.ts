// Relays the panel's and the book's events to the parent with their detail, made structured-clone
// safe: a DealRegError (a class with a stack and maybe a cause) crosses as its plain data. A book
// row opened crosses as its ids, and is cancelled here: the frame follows no link, the host opens
// the record in its own window.
import { isDealRegError, type DealRegError } from '../../src/errors.ts';
import { OPEN_RECORD, RELAYED_EVENTS, type FrameEvent, type PlainDealRegError } from '../protocol.ts';

const FRAME_EVENTS: readonly string[] = [...RELAYED_EVENTS, OPEN_RECORD];

export function toPlainError(error: DealRegError): PlainDealRegError {
  return { code: error.code, status: error.status ?? null, detail: error.detail ?? null, retryable: error.retryable };
}

/** The frame-safe form of one of the panel's or the book's events, or undefined for any other event. */
export function toFrameEvent(event: Event): FrameEvent | undefined {
  const type = event.type as FrameEvent['type'];
  if (!FRAME_EVENTS.includes(type) || !('detail' in event)) return undefined;
  const detail = (event as CustomEvent<Record<string, unknown>>).detail;
  if (type === OPEN_RECORD) {
    // The ids alone: the link the element filled in is the frame's, the host fills in its own.
    const { accountId, partnerOpportunityId, registrationId } = detail as Record<string, string>;
    return {
      type,
      detail: { accountId: accountId!, partnerOpportunityId: partnerOpportunityId ?? null, registrationId: registrationId! },
    };
  }
  if (type === 'dealreg-error') {
    const error = detail['error'];
    const plain: PlainDealRegError = isDealRegError(error)
      ? toPlainError(error)
      : { code: 'unknown', status: null, detail: null, retryable: false };
    // invalid-records names each record and field left out (plain data already: JSON keeps it so).
    const problems = Array.isArray(detail['problems']) ? { problems: JSON.parse(JSON.stringify(detail['problems'])) } : {};
    return { type, detail: { operation: String(detail['operation']), error: plain, ...problems } };
  }
  // Domain records are plain data already; the JSON round trip guarantees it (no class, no function).
  return { type, detail: JSON.parse(JSON.stringify(detail)) } as FrameEvent;
}

/** Listens on `target` for the relayed events; returns the function that stops listening. */
export function relayEvents(target: EventTarget, send: (event: FrameEvent) => void): () => void {
  const listener = (event: Event): void => {
    const frameEvent = toFrameEvent(event);
    if (!frameEvent) return;
    // Followed here, a row's link would load the host's CRM page inside the frame.
    if (frameEvent.type === OPEN_RECORD) event.preventDefault();
    send(frameEvent);
  };
  for (const name of FRAME_EVENTS) target.addEventListener(name, listener);
  return () => {
    for (const name of FRAME_EVENTS) target.removeEventListener(name, listener);
  };
}
