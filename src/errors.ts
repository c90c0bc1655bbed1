// One error model for the whole product: adapters throw it, widgets render it, hosts receive it in events.

export const ERROR_CODES = [
  // transport and protocol
  'network',
  'offline',
  'timeout',
  'aborted',
  'invalid-response',
  'service-unavailable',
  'rate-limited',
  'unauthorized',
  'forbidden',
  'not-found',
  'bad-request',
  // idempotency
  'idempotency-key-reused',
  'request-in-flight',
  // program rules (REST contract codes)
  'already-registered',
  'not-protection-holder',
  'quote-already-open',
  'protection-not-active',
  'extension-not-allowed',
  'illegal-transition',
  'invalid-request',
  /** A paging cursor that was tampered with, or minted for another partner or account. */
  'invalid-cursor',
  /** The host's CRM records hold invalid records: `detail` names them (record, field). */
  'invalid-records',
  'unknown',
] as const;
export type DealRegErrorCode = (typeof ERROR_CODES)[number];

const RETRYABLE: ReadonlySet<DealRegErrorCode> = new Set([
  'network',
  'offline',
  'timeout',
  'service-unavailable',
  'rate-limited',
  'request-in-flight',
]);

export interface DealRegErrorInit {
  status?: number;
  detail?: string;
  retryable?: boolean;
  /** For `invalid-response`: where the payload broke (a path such as `opportunities.3.lines`). */
  path?: string;
  cause?: unknown;
}

/** The typed error every adapter throws. Never carries a token or a request header. */
export class DealRegError extends Error {
  readonly code: DealRegErrorCode;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly detail: string | undefined;
  readonly path: string | undefined;

  constructor(code: DealRegErrorCode, init: DealRegErrorInit = {}) {
    super(init.detail ? `${code}: ${init.detail}` : code, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DealRegError';
    this.code = code;
    this.status = init.status;
    this.detail = init.detail;
    this.path = init.path;
    this.retryable = init.retryable ?? RETRYABLE.has(code);
  }
}

export function isDealRegError(value: unknown): value is DealRegError {
  return value instanceof DealRegError;
}

export function isErrorCode(value: unknown): value is DealRegErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into a DealRegError, so there is one shape to render. */
export function toDealRegError(error: unknown): DealRegError {
  if (error instanceof DealRegError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return new DealRegError('aborted', { cause: error });
  if (error instanceof DOMException && error.name === 'TimeoutError') return new DealRegError('timeout', { cause: error });
  return new DealRegError('unknown', { detail: error instanceof Error ? error.message : String(error), cause: error });
}
