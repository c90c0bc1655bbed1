// The postMessage protocol between a host page and the framed panel (dist/embed/), shared by both
// sides. Version 1. Every message is a plain object `{ protocol: 'dealreg-embed', version: 1, type, … }`;
// anything else (another protocol, another version, a missing field) is not ours and is ignored.
// docs/framed-panel.md lists every message. No Lit, no DOM: the host entry (dist/embed.js) stays tiny.
import type { OpportunityState } from '../src/domain/status.ts';
import type { QuoteRequest, Registration } from '../src/domain/types.ts';
import type { DealRegErrorCode } from '../src/errors.ts';
import type { CrmRecordProblem } from '../src/schemas/crm-records.ts';

export const PROTOCOL = 'dealreg-embed';
export const PROTOCOL_VERSION = 1;

/** The events the frame relays to the host's `onEvent`, by name (the panel's; the book's are among them). */
export const RELAYED_EVENTS = [
  'dealreg-registered',
  'dealreg-quote-requested',
  'dealreg-extended',
  'dealreg-error',
  'dealreg-deal-states',
] as const;
export type RelayedEventName = (typeof RELAYED_EVENTS)[number];

/**
 * The book's row opened, relayed to the host's `onOpenRecord` rather than `onEvent`: the frame
 * follows no link (it may not navigate the host's window), the host opens the record.
 */
export const OPEN_RECORD = 'dealreg-open-record';

/** What the frame can show: the account panel (the default) or the partner's book. */
export const FRAME_VIEWS = ['panel', 'book'] as const;
export type FrameView = (typeof FRAME_VIEWS)[number];

/** `--dealreg-*` custom properties and their values (sanitised by the frame before use). */
export type ThemeTokens = Record<string, string>;

/** A `DealRegError` as it crosses a frame boundary: its data, not its class (no stack, no cause). */
export interface PlainDealRegError {
  code: DealRegErrorCode;
  status: number | null;
  detail: string | null;
  retryable: boolean;
}

/** Where one of the host's CRM deals stands with the vendor (`dealreg-deal-states`). */
export interface DealRegDealState {
  /** The CRM opportunity's id. */
  partnerOpportunityId: string;
  state: OpportunityState;
  registrationId: string | null;
  protectedUntil: string | null;
}

/** What `onEvent` receives: the element's event name and its detail, structured-clone safe. */
export type DealRegFrameEvent =
  | { type: 'dealreg-registered'; detail: { accountId: string; registration: Registration } }
  | { type: 'dealreg-quote-requested'; detail: { registrationId: string; quote: QuoteRequest } }
  | { type: 'dealreg-extended'; detail: { registration: Registration } }
  | {
      type: 'dealreg-error';
      /** `problems`: for `invalid-records`, each invalid record and field (those records were left out). */
      detail: { operation: string; error: PlainDealRegError; problems?: CrmRecordProblem[] };
    }
  | { type: 'dealreg-deal-states'; detail: { accountId: string; deals: DealRegDealState[] } };

/** The ids of a book row whose record was opened (the element's `dealreg-open-record`, less its `href`). */
export interface DealRegOpenRecordIds {
  /** The vendor's account id of the customer. */
  accountId: string;
  /** The CRM's id of the deal, or null for a deal registered outside the CRM (link by the account). */
  partnerOpportunityId: string | null;
  registrationId: string;
}

/** What crosses in an `event` message: an `onEvent` event, or a book row opened. */
export type FrameEvent = DealRegFrameEvent | { type: typeof OPEN_RECORD; detail: DealRegOpenRecordIds };

interface Envelope<T extends string> {
  protocol: typeof PROTOCOL;
  version: typeof PROTOCOL_VERSION;
  type: T;
}

// Parent → frame. Records cross as the host sent them (CrmRecords, from dealreg/embed): the frame
// reads them (readCrmRecords) before the panel sees any, so here they are `unknown`.
export interface InitMessage extends Envelope<'init'> {
  /**
   * A `FrameView`; absent: the panel. Any string crosses, so that a view this frame does not know
   * is refused on screen and to the host, not dropped as a malformed message (a blank frame).
   */
  view?: string;
  /** The panel's: at least one of accountId and records. */
  accountId?: string;
  records?: unknown;
  /** The book's: its rows' link templates, absolute (the host resolved them against its own URL). */
  recordHref?: string;
  accountHref?: string;
  locale?: string;
  theme?: ThemeTokens;
}
export interface SetAccountMessage extends Envelope<'set-account'> {
  accountId: string;
}
export interface SetRecordsMessage extends Envelope<'set-records'> {
  /** null: no records any more (the panel shows the account id's view, if any). */
  records: unknown;
}
export interface TokenMessage extends Envelope<'token'> {
  requestId: number;
  /** Absent when the parent could not get one (`failed: true`). */
  token?: string;
  failed?: true;
}
export type ParentMessage = InitMessage | SetAccountMessage | SetRecordsMessage | TokenMessage;

// Frame → parent.
export type ReadyMessage = Envelope<'ready'>;
export interface TokenRequestMessage extends Envelope<'token-request'> {
  requestId: number;
}
export interface EventMessage extends Envelope<'event'> {
  event: FrameEvent;
}
export interface ResizeMessage extends Envelope<'resize'> {
  height: number;
}
export type FrameMessage = ReadyMessage | TokenRequestMessage | EventMessage | ResizeMessage;

type Payload<M> = M extends unknown ? Omit<M, 'protocol' | 'version'> : never;

/** Wraps a payload in the protocol's envelope. */
export function message<M extends ParentMessage | FrameMessage>(payload: Payload<M>): M {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...payload } as M;
}

const MAX_ID_LENGTH = 255;

function record(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const r = data as Record<string, unknown>;
  return r['protocol'] === PROTOCOL && r['version'] === PROTOCOL_VERSION ? r : undefined;
}

function isAccountId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
}

function isRequestId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return isObject(v) && Object.values(v).every((x) => typeof x === 'string');
}

/** A message the frame accepts from its parent, or undefined. Checks shape only: the caller checks origin and source. */
export function parseParentMessage(data: unknown): ParentMessage | undefined {
  const r = record(data);
  switch (r?.['type']) {
    case 'init': {
      const { accountId, records, view } = r;
      if (accountId !== undefined && !isAccountId(accountId)) return undefined;
      if (records !== undefined && !isObject(records)) return undefined;
      // The panel needs an account; the book (or a view the frame will refuse) does not.
      if (accountId === undefined && records === undefined && (view ?? 'panel') === 'panel') return undefined;
      const strings = ['view', 'recordHref', 'accountHref', 'locale'] as const;
      if (strings.some((key) => r[key] !== undefined && typeof r[key] !== 'string')) return undefined;
      if (r['theme'] !== undefined && !isStringRecord(r['theme'])) return undefined;
      const init = message<InitMessage>({
        type: 'init',
        ...(accountId === undefined ? {} : { accountId }),
        ...(records === undefined ? {} : { records }),
        ...(r['theme'] === undefined ? {} : { theme: { ...(r['theme'] as ThemeTokens) } }),
      });
      for (const key of strings) if (r[key] !== undefined) init[key] = r[key] as string;
      return init;
    }
    case 'set-account':
      return isAccountId(r['accountId'])
        ? message<SetAccountMessage>({ type: 'set-account', accountId: r['accountId'] })
        : undefined;
    case 'set-records':
      // The envelope's shape only (an object, or null to clear): what is inside is read in the frame.
      return r['records'] === null || isObject(r['records'])
        ? message<SetRecordsMessage>({ type: 'set-records', records: r['records'] })
        : undefined;
    case 'token':
      if (!isRequestId(r['requestId'])) return undefined;
      if (typeof r['token'] === 'string')
        return message<TokenMessage>({ type: 'token', requestId: r['requestId'], token: r['token'] });
      return r['failed'] === true ? message<TokenMessage>({ type: 'token', requestId: r['requestId'], failed: true }) : undefined;
    default:
      return undefined;
  }
}

function isFrameEvent(v: unknown): v is DealRegFrameEvent {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (RELAYED_EVENTS as readonly unknown[]).includes(e['type']) && typeof e['detail'] === 'object' && e['detail'] !== null;
}

/** A book row opened, its ids checked and copied alone: the host builds a URL of them. */
function openRecordEvent(v: unknown): FrameEvent | undefined {
  const e = isObject(v) && v['type'] === OPEN_RECORD && isObject(v['detail']) ? v['detail'] : undefined;
  if (!e || !isAccountId(e['accountId']) || !isAccountId(e['registrationId'])) return undefined;
  const crmId = e['partnerOpportunityId'];
  if (crmId !== null && !isAccountId(crmId)) return undefined;
  return {
    type: OPEN_RECORD,
    detail: { accountId: e['accountId'], partnerOpportunityId: crmId, registrationId: e['registrationId'] },
  };
}

/** A message the host accepts from its frame, or undefined. Checks shape only: the caller checks origin and source. */
export function parseFrameMessage(data: unknown): FrameMessage | undefined {
  const r = record(data);
  switch (r?.['type']) {
    case 'ready':
      return message<ReadyMessage>({ type: 'ready' });
    case 'token-request':
      return isRequestId(r['requestId'])
        ? message<TokenRequestMessage>({ type: 'token-request', requestId: r['requestId'] })
        : undefined;
    case 'event': {
      const event = isFrameEvent(r['event']) ? r['event'] : openRecordEvent(r['event']);
      return event ? message<EventMessage>({ type: 'event', event }) : undefined;
    }
    case 'resize': {
      const h = r['height'];
      return typeof h === 'number' && Number.isFinite(h) && h >= 0
        ? message<ResizeMessage>({ type: 'resize', height: Math.ceil(h) })
        : undefined;
    }
    default:
      return undefined;
  }
}
