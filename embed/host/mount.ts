// The host side of the framed panel (dist/embed.js): puts the frame in a container and speaks the
// protocol with it. It talks only to the frame's origin (taken from `src`) and listens only to that
// frame's window: the token goes out with an exact targetOrigin, never '*'. No Lit, no elements.
// The host's CRM records are passed on as they are: the frame reads them (and reports what it
// leaves out), so this side stays small. With `view: 'book'` the frame shows the partner's book,
// and a row opened there is opened here: the frame may not navigate the host's window.
import type { CrmRecords } from '../../src/domain/crm.ts';
import { recordLink } from '../../src/record-links.ts';
import {
  message,
  OPEN_RECORD,
  parseFrameMessage,
  type DealRegFrameEvent,
  type DealRegOpenRecordIds,
  type FrameMessage,
  type InitMessage,
  type SetAccountMessage,
  type SetRecordsMessage,
  type ThemeTokens,
  type TokenMessage,
} from '../protocol.ts';

/** What both views take. */
interface FrameOptions {
  /** The framed panel's URL (where dist/embed/ is deployed), e.g. `https://partners.vendor.example/embed/`. */
  src: string;
  /** `en` or `fr` (any BCP 47 tag; unknown languages fall back to `en`). */
  locale?: string;
  /** `--dealreg-*` custom properties for the panel (docs/theming.md); other names and unsafe values are dropped. */
  theme?: ThemeTokens;
  /** The partner's bearer token, asked each time the frame needs one. Keep it fresh here, not in the frame. */
  getToken: () => string | Promise<string>;
  /** The panel's (or the book's) events, with their detail. */
  onEvent?: (event: DealRegFrameEvent) => void;
  /** The frame's accessible name (default "Deal registration"). */
  title?: string;
}

/** The account panel's options (the default view). */
export interface DealRegFrameOptions extends FrameOptions {
  view?: 'panel';
  /** The vendor's account id to show (a portal with no CRM); change it with `setAccount`. Not needed with `records`. */
  accountId?: string;
  /**
   * The host CRM's records: the account on screen and its opportunities (docs/crm-records.md).
   * With them the panel's deals are the CRM's; when both are set, the records win. Replace them
   * with `setRecords` (a new object: they are copied when set, later changes are not seen).
   */
  records?: CrmRecords;
  recordHref?: never;
  accountHref?: never;
  onOpenRecord?: never;
}

/** A book row opened: the ids, and `href` the record's link filled in (null without a template). */
export type DealRegFrameOpenRecordEvent = CustomEvent<DealRegOpenRecordIds & { href: string | null }>;

/** The partner's book (`<dealreg-book>`): every account, so no account id and no records. */
export interface DealRegBookFrameOptions extends FrameOptions {
  view: 'book';
  /**
   * A row's record in the host: a link template with `{partnerOpportunityId}` and `{accountId}`,
   * e.g. `/lightning/r/Opportunity/{partnerOpportunityId}/view`, resolved against this page's URL.
   */
  recordHref?: string;
  /** The record of a row registered outside the CRM (no `partnerOpportunityId`): a template with `{accountId}`. */
  accountHref?: string;
  /**
   * A row's record opened in the frame. Cancellable: call `preventDefault()` to open it yourself;
   * otherwise the top window goes to `event.detail.href`.
   */
  onOpenRecord?: (event: DealRegFrameOpenRecordEvent) => void;
  accountId?: never;
  records?: never;
}

export interface DealRegFrame {
  readonly frame: HTMLIFrameElement;
  setAccount(accountId: string): void;
  /** Replaces the records (null: none, the panel shows `accountId`'s view). Before the frame is ready, they go with its start. */
  setRecords(records: CrmRecords | null): void;
  /** Removes the frame and stops listening. */
  destroy(): void;
}

/** The framed book: it has no account to switch. */
export type DealRegBookFrame = Pick<DealRegFrame, 'frame' | 'destroy'>;

const PANEL_ONLY = ['accountId', 'records'] as const;
const BOOK_ONLY = ['recordHref', 'accountHref', 'onOpenRecord'] as const;

/** `template` resolved against this page, its placeholders kept; a TypeError naming `name` if it is no http(s) URL. */
function absoluteTemplate(name: string, template: string | undefined): string | undefined {
  if (!template) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(template, document.baseURI);
  } catch {
    // Said below, naming the option.
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new TypeError(`mountDealRegFrame: ${name} must be an http(s) URL template (got "${template}")`);
  }
  // The URL parser escapes the braces of a path: give the placeholders back.
  return url.href.replace(/%7B(accountId|partnerOpportunityId)%7D/g, '{$1}');
}

/** Opens `href` in the top window, as a link with target _top would (the page's own when it is the top). */
function openInTop(href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.target = '_top';
  link.click();
}

export function mountDealRegFrame(container: Element, options: DealRegBookFrameOptions): DealRegBookFrame;
export function mountDealRegFrame(container: Element, options: DealRegFrameOptions): DealRegFrame;
export function mountDealRegFrame(
  container: Element,
  options: DealRegFrameOptions | DealRegBookFrameOptions,
): DealRegFrame | DealRegBookFrame {
  const src = new URL(options.src, document.baseURI);
  const origin = src.origin;
  if (origin === 'null' || (src.protocol !== 'https:' && src.protocol !== 'http:')) {
    throw new TypeError(`mountDealRegFrame: src must be an http(s) URL (got "${options.src}")`);
  }
  const view = options.view ?? 'panel';
  if (view !== 'panel' && view !== 'book')
    throw new TypeError(`mountDealRegFrame: view must be 'panel' or 'book' (got "${view}")`);
  const book = options.view === 'book' ? options : undefined;
  // Typed away in TypeScript; from JavaScript, an option of the other view is a mistake said at once.
  const foreign = (book ? PANEL_ONLY : BOOK_ONLY).find((name) => options[name] !== undefined);
  if (foreign) throw new TypeError(`mountDealRegFrame: ${foreign} is not an option of the ${view} view`);
  const recordHref = absoluteTemplate('recordHref', book?.recordHref);
  const accountHref = absoluteTemplate('accountHref', book?.accountHref);
  let accountId = book ? undefined : options.accountId;
  // A copy: what the frame gets once ready is what was set, and a value that cannot cross a frame
  // (a function, a DOM node) throws here, at the host's call.
  let records = book ? undefined : options.records && structuredClone(options.records);
  if (!book && !accountId && !records) throw new TypeError('mountDealRegFrame: accountId or records is required');

  const frame = document.createElement('iframe');
  frame.title = options.title ?? 'Deal registration';
  // Scripts and same-origin fetches (the frame's own origin, not the host's); no top navigation, no
  // popups (a book row is opened by this page: openRecord).
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
  frame.referrerPolicy = 'no-referrer';
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.border = '0';

  function post(m: InitMessage | SetAccountMessage | SetRecordsMessage | TokenMessage): void {
    frame.contentWindow?.postMessage(m, origin);
  }

  async function answerToken(requestId: number): Promise<void> {
    try {
      const token = await options.getToken();
      if (typeof token !== 'string') throw new TypeError('getToken must return a string');
      post(message<TokenMessage>({ type: 'token', requestId, token }));
    } catch {
      post(message<TokenMessage>({ type: 'token', requestId, failed: true }));
    }
  }

  function handle(m: FrameMessage): void {
    switch (m.type) {
      case 'ready': {
        // Also after a reload of the frame: it starts over with the current account and records.
        const init: InitMessage = message<InitMessage>({ type: 'init' });
        if (book) init.view = 'book';
        if (recordHref) init.recordHref = recordHref;
        if (accountHref) init.accountHref = accountHref;
        if (accountId) init.accountId = accountId;
        if (records) init.records = records;
        if (options.locale !== undefined) init.locale = options.locale;
        if (options.theme !== undefined) init.theme = { ...options.theme };
        return post(init);
      }
      case 'token-request':
        return void answerToken(m.requestId);
      case 'resize':
        frame.style.height = `${m.height}px`;
        return;
      case 'event':
        if (m.event.type !== OPEN_RECORD) return options.onEvent?.(m.event);
        if (book) openRecord(book, m.event.detail);
    }
  }

  function openRecord(book: DealRegBookFrameOptions, ids: DealRegOpenRecordIds): void {
    // The same link the book itself would render (src/record-links.ts).
    const href = recordLink(ids, recordHref, accountHref);
    const event: DealRegFrameOpenRecordEvent = new CustomEvent(OPEN_RECORD, { cancelable: true, detail: { ...ids, href } });
    book.onOpenRecord?.(event);
    if (href && !event.defaultPrevented) openInTop(href);
  }

  const listener = (event: MessageEvent): void => {
    // Our frame's window and its origin, nothing else: a sibling frame or another window can post
    // to this page too. (contentWindow is null once the frame is removed.)
    if (event.source === null || event.source !== frame.contentWindow || event.origin !== origin) return;
    const m = parseFrameMessage(event.data);
    if (m) handle(m);
  };
  window.addEventListener('message', listener);
  frame.src = src.href;
  container.append(frame);

  const destroy = (): void => {
    window.removeEventListener('message', listener);
    frame.remove();
  };
  if (book) return { frame, destroy };
  return {
    frame,
    destroy,
    setAccount(id: string) {
      accountId = id;
      post(message<SetAccountMessage>({ type: 'set-account', accountId: id }));
    },
    setRecords(next: CrmRecords | null) {
      records = next ? structuredClone(next) : undefined;
      // Before the frame is bound, this is dropped (another origin, or not yet heard): `ready` sends them.
      post(message<SetRecordsMessage>({ type: 'set-records', records: records ?? null }));
    },
  };
}
