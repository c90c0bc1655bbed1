// Relays the panel's events to the parent with their detail, made structured-clone safe: a
// DealRegError (a class with a stack and maybe a cause) crosses as its plain data.
import { isDealRegError, type DealRegError } from '../../src/errors.ts';
import { RELAYED_EVENTS, type DealRegFrameEvent, type PlainDealRegError } from '../protocol.ts';

export function toPlainError(error: DealRegError): PlainDealRegError {
  return { code: error.code, status: error.status ?? null, detail: error.detail ?? null, retryable: error.retryable };
}

/** The frame-safe form of one of the panel's events, or undefined for any other event. */
export function toFrameEvent(event: Event): DealRegFrameEvent | undefined {
  const type = event.type as DealRegFrameEvent['type'];
  if (!(RELAYED_EVENTS as readonly string[]).includes(type) || !('detail' in event)) return undefined;
  const detail = (event as CustomEvent<Record<string, unknown>>).detail;
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
  return { type, detail: JSON.parse(JSON.stringify(detail)) } as DealRegFrameEvent;
}

/** Listens on `target` for the relayed events; returns the function that stops listening. */
export function relayEvents(target: EventTarget, send: (event: DealRegFrameEvent) => void): () => void {
  const listener = (event: Event): void => {
    const frameEvent = toFrameEvent(event);
    if (frameEvent) send(frameEvent);
  };
  for (const name of RELAYED_EVENTS) target.addEventListener(name, listener);
  return () => {
    for (const name of RELAYED_EVENTS) target.removeEventListener(name, listener);
  };
}
