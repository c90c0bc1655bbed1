// The host side of the framed panel (dist/embed.js): puts the frame in a container and speaks the
// protocol with it. It talks only to the frame's origin (taken from `src`) and listens only to that
// frame's window: the token goes out with an exact targetOrigin, never '*'. No Lit, no elements.
// The host's CRM records are passed on as they are: the frame reads them (and reports what it
// leaves out), so this side stays small.
import type { CrmRecords } from '../../src/domain/crm.ts';
import {
  message,
  parseFrameMessage,
  type DealRegFrameEvent,
  type FrameMessage,
  type InitMessage,
  type SetAccountMessage,
  type SetRecordsMessage,
  type ThemeTokens,
  type TokenMessage,
} from '../protocol.ts';

export interface DealRegFrameOptions {
  /** The framed panel's URL (where dist/embed/ is deployed), e.g. `https://partners.vendor.example/embed/`. */
  src: string;
  /** The vendor's account id to show (a portal with no CRM); change it with `setAccount`. Not needed with `records`. */
  accountId?: string;
  /**
   * The host CRM's records: the account on screen and its opportunities (docs/crm-records.md).
   * With them the panel's deals are the CRM's; when both are set, the records win. Replace them
   * with `setRecords` (a new object: they are copied when set, later changes are not seen).
   */
  records?: CrmRecords;
  /** `en` or `fr` (any BCP 47 tag; unknown languages fall back to `en`). */
  locale?: string;
  /** `--dealreg-*` custom properties for the panel (docs/theming.md); other names and unsafe values are dropped. */
  theme?: ThemeTokens;
  /** The partner's bearer token, asked each time the frame needs one. Keep it fresh here, not in the frame. */
  getToken: () => string | Promise<string>;
  /** The panel's events, with their detail. */
  onEvent?: (event: DealRegFrameEvent) => void;
  /** The frame's accessible name (default "Deal registration"). */
  title?: string;
}

export interface DealRegFrame {
  readonly frame: HTMLIFrameElement;
  setAccount(accountId: string): void;
  /** Replaces the records (null: none, the panel shows `accountId`'s view). Before the frame is ready, they go with its start. */
  setRecords(records: CrmRecords | null): void;
  /** Removes the frame and stops listening. */
  destroy(): void;
}

export function mountDealRegFrame(container: Element, options: DealRegFrameOptions): DealRegFrame {
  const src = new URL(options.src, document.baseURI);
  const origin = src.origin;
  if (origin === 'null' || (src.protocol !== 'https:' && src.protocol !== 'http:')) {
    throw new TypeError(`mountDealRegFrame: src must be an http(s) URL (got "${options.src}")`);
  }
  let accountId = options.accountId;
  // A copy: what the frame gets once ready is what was set, and a value that cannot cross a frame
  // (a function, a DOM node) throws here, at the host's call.
  let records = options.records && structuredClone(options.records);
  if (!accountId && !records) throw new TypeError('mountDealRegFrame: accountId or records is required');

  const frame = document.createElement('iframe');
  frame.title = options.title ?? 'Deal registration';
  // Scripts and same-origin fetches (the frame's own origin, not the host's); no top navigation, no popups.
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
        return options.onEvent?.(m.event);
    }
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

  return {
    frame,
    setAccount(id: string) {
      accountId = id;
      post(message<SetAccountMessage>({ type: 'set-account', accountId: id }));
    },
    setRecords(next: CrmRecords | null) {
      records = next ? structuredClone(next) : undefined;
      // Before the frame is bound, this is dropped (another origin, or not yet heard): `ready` sends them.
      post(message<SetRecordsMessage>({ type: 'set-records', records: records ?? null }));
    },
    destroy() {
      window.removeEventListener('message', listener);
      frame.remove();
    },
  };
}
