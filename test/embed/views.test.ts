// What the frame shows, end to end over real postMessage: the host (mountDealRegFrame, this page)
// frames fixtures/frame.html, the frame's own start (embed/frame/start.ts) on the mock backend.
// With `view: 'book'` the frame shows the partner's book; without a view, the panel as before; a
// view nobody knows is refused at both ends. A row opened in the framed book is opened by the host:
// the frame follows no link, the host hears the ids and, unless it cancels, sends the top window to
// the filled template (the host's links are stubbed, as the book's CSV test stubs its download).
// The frame's height needs rendering, which a test page out of sight does not get: the book's is
// checked in test/node/embed.test.mjs, on real origins, with the real top navigation.
import { expect } from '@open-wc/testing';
import {
  mountDealRegFrame,
  type DealRegBookFrameOptions,
  type DealRegFrameOpenRecordEvent,
  type DealRegFrameOptions,
} from '../../embed/host/mount.ts';
import { message, type DealRegFrameEvent } from '../../embed/protocol.ts';
import type { BookPage } from '../../src/domain/book.ts';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import { createMockBackend } from '../../mocks/index.ts';
import type { DealRegBook } from '../../widgets/book/book.component.ts';
import type { DealRegPanel } from '../../widgets/panel/panel.component.ts';
import { until } from '../support/wait.ts';
import { stubHostLinks } from './host-links.ts';

const FRAME = new URL('./fixtures/frame.html', import.meta.url).href;
const getToken = (): string => 'secret-token';
const RECORD_HREF = '/crm/Opportunity/{partnerOpportunityId}/view';
const ACCOUNT_HREF = '/crm/Account/{accountId}/view';

/** What each test mounted: removed after it, passed or failed. */
const mountedHere: (() => void)[] = [];
afterEach(() => mountedHere.splice(0).forEach((remove) => remove()));

function mountFramed(options: Omit<DealRegFrameOptions, 'src' | 'getToken'> | Omit<DealRegBookFrameOptions, 'src' | 'getToken'>) {
  const container = document.createElement('div');
  document.body.append(container);
  const mounted = mountDealRegFrame(container, { src: FRAME, getToken, ...options } as DealRegFrameOptions);
  mountedHere.push(() => {
    mounted.destroy();
    container.remove();
  });
  const frameDocument = (): Document | undefined =>
    mounted.frame.contentDocument?.readyState === 'complete' ? mounted.frame.contentDocument : undefined;
  return { mounted, frameDocument };
}

/** Elements of the frame's document matching `selector`, through its shadow roots (another realm: no instanceof). */
function inFrame<T extends Element = HTMLElement>(root: Node, selector: string, out: T[] = []): T[] {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const el = child as Element;
    if (el.matches(selector)) out.push(el as T);
    if (el.shadowRoot) inFrame(el.shadowRoot, selector, out);
    inFrame(el, selector, out);
  }
  return out;
}

const rowsIn = (doc: Document | undefined): HTMLElement[] => (doc ? inFrame(doc, '[part~="row"]') : []);

/** Mounts the book and waits for its first rows. */
async function framedBook(options: Omit<DealRegBookFrameOptions, 'src' | 'getToken' | 'view'> = {}) {
  const framed = mountFramed({ view: 'book', recordHref: RECORD_HREF, accountHref: ACCOUNT_HREF, ...options });
  await until(() => rowsIn(framed.frameDocument()).length > 0, "the framed book's rows");
  return { ...framed, doc: framed.frameDocument()! };
}

/** The first page of a view, straight from Alpha's mock book (what the framed book must show). */
const alphaBook = (): Promise<BookPage> =>
  createMemoryAdapter(createMockBackend({ quoteDecisionDelayMs: 0 }), { token: 'demo-alpha' }).listRegistrations!({
    view: 'expiring-soon',
  });

describe('the framed views', () => {
  it("with view 'book' the frame shows the partner's book from the mock, themed, in the host's locale", async () => {
    const { doc } = await framedBook({ locale: 'fr', theme: { '--dealreg-color-brand': 'rgb(1, 2, 3)' } });
    expect(doc.querySelector('dealreg-panel'), 'no panel').to.equal(null);
    const book = doc.querySelector<DealRegBook>('dealreg-book')!;
    const expected = await alphaBook();
    expect(rowsIn(doc).map((r) => r.dataset.registrationId)).to.deep.equal(expected.rows.map((r) => r.registration.id));
    expect(book.locale).to.equal('fr');
    expect(book.style.getPropertyValue('--dealreg-color-brand')).to.equal('rgb(1, 2, 3)');
    // The templates crossed resolved against the host's page, so the links point at the host's CRM.
    expect(book.recordHref).to.equal(`${location.origin}${RECORD_HREF}`);
  });

  it('without a view, the frame shows the panel for the account, as before', async () => {
    const { frameDocument } = mountFramed({ accountId: 'acc-protected' });
    await until(() => frameDocument()?.querySelector('dealreg-panel'), 'the framed panel');
    const doc = frameDocument()!;
    expect(doc.querySelector<DealRegPanel>('dealreg-panel')!.accountId).to.equal('acc-protected');
    expect(doc.querySelector('dealreg-book'), 'no book').to.equal(null);
  });

  it('a view nobody knows is a TypeError at mount, and refused by the frame on screen and to the host', async () => {
    const container = document.createElement('div');
    expect(() => mountDealRegFrame(container, { src: FRAME, view: 'calendar', getToken } as never)).to.throw(
      TypeError,
      /view must be 'panel' or 'book' \(got "calendar"\)/,
    );
    expect(container.children.length).to.equal(0);
    // A host of another version, straight to the frame: it says so rather than stay blank.
    const heard: DealRegFrameEvent[] = [];
    const { mounted, frameDocument } = mountFramed({ accountId: 'acc-protected', onEvent: (e) => heard.push(e) });
    await until(() => frameDocument()?.querySelector('dealreg-panel'), 'the framed panel');
    mounted.frame.contentWindow!.postMessage(message({ type: 'init', view: 'calendar' }), location.origin);
    await until(() => heard.length > 0, "the frame's error");
    expect(heard[0]).to.deep.include({ type: 'dealreg-error' });
    expect(heard[0]!.detail).to.deep.include({
      operation: 'init',
      error: { code: 'invalid-request', status: null, detail: 'unknown view "calendar" (panel or book)', retryable: false },
    });
    const notice = frameDocument()!.getElementById('dealreg-frame-notice')!;
    expect(notice.hidden).to.equal(false);
    expect(notice.textContent).to.include('cannot show the view "calendar"');
    expect(frameDocument()!.querySelector('dealreg-panel'), 'nothing else on screen').to.equal(null);
  });

  describe('a row opened in the framed book', () => {
    async function openRow(doc: Document, kind: 'Opportunity' | 'Account'): Promise<MouseEvent> {
      const link = inFrame<HTMLAnchorElement>(doc, 'a[part~="record-link"]').find((a) => a.href.includes(`/crm/${kind}/`))!;
      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      link.dispatchEvent(click);
      return click;
    }

    it('is opened by the host: the frame follows no link, the host hears the ids and sends the top window to the filled template', async () => {
      const links = stubHostLinks();
      try {
        const opened: DealRegFrameOpenRecordEvent[] = [];
        let heard: () => void = () => {};
        const { doc } = await framedBook({
          onOpenRecord: (event) => {
            opened.push(event);
            heard();
          },
        });
        const expected = (await alphaBook()).rows;
        const withCrmId = expected.find((r) => r.registration.partnerOpportunityId)!;
        const withoutCrmId = expected.find((r) => !r.registration.partnerOpportunityId)!;

        let next = new Promise<void>((resolve) => (heard = resolve));
        const click = await openRow(doc, 'Opportunity');
        expect(click.defaultPrevented, 'the frame follows no link').to.equal(true);
        await next;
        const href = `${location.origin}/crm/Opportunity/${withCrmId.registration.partnerOpportunityId}/view`;
        expect(opened[0]!.detail).to.deep.equal({
          accountId: withCrmId.customer.id,
          partnerOpportunityId: withCrmId.registration.partnerOpportunityId,
          registrationId: withCrmId.registration.id,
          href,
        });
        expect(links.followed).to.deep.equal([{ href, target: '_top' }]);

        next = new Promise<void>((resolve) => (heard = resolve));
        await openRow(doc, 'Account');
        await next;
        expect(opened[1]!.detail.partnerOpportunityId).to.equal(null);
        expect(links.followed[1]).to.deep.equal({
          href: `${location.origin}/crm/Account/${withoutCrmId.customer.id}/view`,
          target: '_top',
        });
      } finally {
        links.restore();
      }
    });

    it('a host that cancels it opens it itself: nothing is followed', async () => {
      const links = stubHostLinks();
      try {
        const opened: string[] = [];
        let heard: () => void = () => {};
        const { doc } = await framedBook({
          onOpenRecord: (event) => {
            event.preventDefault();
            opened.push(event.detail.href!);
            heard();
          },
        });
        const next = new Promise<void>((resolve) => (heard = resolve));
        await openRow(doc, 'Opportunity');
        await next;
        expect(opened).to.have.length(1);
        expect(links.followed).to.deep.equal([]);
      } finally {
        links.restore();
      }
    });
  });
});
