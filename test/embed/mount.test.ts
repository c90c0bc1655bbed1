// The host side (dist/embed.js): what mountDealRegFrame puts on the page, what it refuses, and
// when the host's records go to the frame. For the last, the frame is a same-origin stand-in
// (fixtures/blank.html) whose window the test listens on; its `ready` is a message event whose
// source is that window, as a real frame's would be.
import { expect } from '@open-wc/testing';
import {
  mountDealRegFrame,
  type DealRegBookFrameOptions,
  type DealRegFrame,
  type DealRegFrameOpenRecordEvent,
  type DealRegFrameOptions,
} from '../../embed/host/mount.ts';
import { message, type FrameEvent, type ParentMessage } from '../../embed/protocol.ts';
import type { CrmRecords } from '../../src/domain/crm.ts';
import { stubHostLinks } from './host-links.ts';

const STAND_IN = new URL('./fixtures/blank.html', import.meta.url).href;

const recordsOf = (name: string): CrmRecords => ({
  account: { id: '001-acme', name, country: 'FR', siren: '732829320' },
  opportunities: [
    { id: 'opp-1', name: 'Synergy refresh', amount: { value: 120000, currency: 'EUR' }, closeDate: '2017-05-31', lines: [] },
  ],
});

/** What each test mounted: removed after it, passed or failed. */
const mountedHere: (() => void)[] = [];
afterEach(() => mountedHere.splice(0).forEach((remove) => remove()));

/** Mounts on the stand-in, waits for it to load, and records what the host posts to it, in order. */
async function mountOnStandIn(
  options: Omit<DealRegFrameOptions, 'src' | 'getToken'> | Omit<DealRegBookFrameOptions, 'src' | 'getToken'>,
) {
  const container = document.createElement('div');
  document.body.append(container);
  const mounted = mountDealRegFrame(container, {
    src: STAND_IN,
    getToken: () => 'secret-token',
    ...options,
  } as never) as DealRegFrame;
  mountedHere.push(() => {
    mounted.destroy();
    container.remove();
  });
  await new Promise((resolve) => mounted.frame.addEventListener('load', resolve, { once: true }));
  const frameWindow = mounted.frame.contentWindow!;
  const posted: ParentMessage[] = [];
  let heard: (() => void) | undefined;
  frameWindow.addEventListener('message', (event) => {
    posted.push(event.data as ParentMessage);
    heard?.();
  });
  /** Resolves once the stand-in has received `count` messages in all. */
  const received = (count: number) =>
    new Promise<ParentMessage[]>((resolve) => {
      heard = () => posted.length >= count && resolve(posted);
      heard();
    });
  /** What the frame would post to the host. */
  const fromFrame = (data: unknown) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin: location.origin, source: frameWindow }));
  const ready = () => fromFrame(message({ type: 'ready' }));
  return { mounted, received, ready, fromFrame };
}

describe('mountDealRegFrame', () => {
  const getToken = (): string => 'secret-token';

  it('puts one titled, sandboxed, full-width frame in the container, with neither account nor token in its URL', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const mounted = mountDealRegFrame(container, { src: 'https://partners.vendor.example/embed/', accountId: 'acc-1', getToken });
    const { frame } = mounted;
    expect(container.children.length).to.equal(1);
    expect(frame.title).to.equal('Deal registration');
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts allow-same-origin allow-forms');
    expect(frame.style.width).to.equal('100%');
    expect(frame.src).to.equal('https://partners.vendor.example/embed/');
    mounted.destroy();
    expect(container.children.length).to.equal(0);
    container.remove();
  });

  it('records set before the frame is ready go with its init, as they were when set; later ones replace them', async () => {
    const { mounted, received, ready } = await mountOnStandIn({ accountId: 'acc-1', records: recordsOf('Acme') });
    const second = recordsOf('Acme Industries');
    mounted.setRecords(second); // the frame has not said ready: its init carries these
    second.account.name = 'changed after setRecords'; // copied when set: the frame never sees this
    ready();
    const [early, init] = await received(2);
    expect(early).to.deep.equal(message({ type: 'set-records', records: recordsOf('Acme Industries') }));
    expect(init).to.deep.equal(message({ type: 'init', accountId: 'acc-1', records: recordsOf('Acme Industries') }));
    mounted.setRecords(null);
    expect((await received(3))[2]).to.deep.equal(message({ type: 'set-records', records: null }));
    ready(); // a reloaded frame starts over with what is current: the account id alone
    expect((await received(4))[3]).to.deep.equal(message({ type: 'init', accountId: 'acc-1' }));
  });

  it('refuses to mount with neither an account id nor records, and records that cannot cross a frame', () => {
    expect(() => mountDealRegFrame(document.body, { src: STAND_IN, getToken })).to.throw(TypeError, /accountId or records/);
    const withFunction = { ...recordsOf('Acme'), toJSON: () => 'x' } as CrmRecords;
    expect(() => mountDealRegFrame(document.body, { src: STAND_IN, records: withFunction, getToken })).to.throw(DOMException);
    expect(document.body.querySelector('iframe')).to.equal(null);
  });

  it('refuses a src that is not an http(s) URL', () => {
    for (const src of ['javascript:alert(1)', 'data:text/html,hi', 'about:blank']) {
      expect(() => mountDealRegFrame(document.body, { src, accountId: 'acc-1', getToken }), src).to.throw(TypeError);
    }
  });

  describe("with view 'book'", () => {
    const opened = (detail: Record<string, unknown>): unknown =>
      message({ type: 'event', event: { type: 'dealreg-open-record', detail } as unknown as FrameEvent });

    it('starts the frame on the book with its link templates resolved against the host page, and no account to switch', async () => {
      const { mounted, received, ready } = await mountOnStandIn({
        view: 'book',
        recordHref: '/crm/Opportunity/{partnerOpportunityId}/view',
        accountHref: 'https://crm.partner.example/r?type=Account&id={accountId}',
      });
      ready();
      expect((await received(1))[0]).to.deep.equal(
        message({
          type: 'init',
          view: 'book',
          recordHref: `${location.origin}/crm/Opportunity/{partnerOpportunityId}/view`,
          accountHref: 'https://crm.partner.example/r?type=Account&id={accountId}',
        }),
      );
      expect(mounted).to.not.have.property('setAccount');
      expect(mounted).to.not.have.property('setRecords');
    });

    it('opens the record the host fills in with the ids, escaped: the frame names ids, never the URL', async () => {
      const links = stubHostLinks();
      try {
        const events: DealRegFrameOpenRecordEvent[] = [];
        const { fromFrame } = await mountOnStandIn({
          view: 'book',
          recordHref: '/crm/Opportunity/{partnerOpportunityId}/view?account={accountId}',
          onOpenRecord: (event) => events.push(event),
        });
        const ids = { accountId: 'acc 1', partnerOpportunityId: '../../admin?x=1#', registrationId: 'reg-1' };
        fromFrame(opened({ ...ids, href: 'https://evil.example/' }));
        const href = `${location.origin}/crm/Opportunity/..%2F..%2Fadmin%3Fx%3D1%23/view?account=acc%201`;
        expect(events.map((e) => e.detail)).to.deep.equal([{ ...ids, href }]);
        expect(links.followed).to.deep.equal([{ href, target: '_top' }]);
        // Ids that are not ids are no event at all.
        fromFrame(opened({ ...ids, accountId: 42 }));
        fromFrame(opened({ ...ids, partnerOpportunityId: undefined }));
        expect(events).to.have.length(1);
      } finally {
        links.restore();
      }
    });

    it('without a template the host is told, and nothing is followed; a panel frame has no rows to open', async () => {
      const links = stubHostLinks();
      try {
        const hrefs: (string | null)[] = [];
        const book = await mountOnStandIn({ view: 'book', onOpenRecord: (event) => hrefs.push(event.detail.href) });
        book.fromFrame(opened({ accountId: 'acc-1', partnerOpportunityId: null, registrationId: 'reg-1' }));
        expect(hrefs).to.deep.equal([null]);
        const heard: unknown[] = [];
        const panel = await mountOnStandIn({ accountId: 'acc-1', onEvent: (event) => heard.push(event) });
        panel.fromFrame(opened({ accountId: 'acc-1', partnerOpportunityId: 'opp-1', registrationId: 'reg-1' }));
        expect(heard).to.deep.equal([]);
        expect(links.followed).to.deep.equal([]);
      } finally {
        links.restore();
      }
    });

    it("refuses the panel's options, the book's with the panel, and a template that is not an http(s) URL", () => {
      const src = STAND_IN;
      // @ts-expect-error: the book shows every account
      expect(() => mountDealRegFrame(document.body, { src, view: 'book', accountId: 'acc-1', getToken })).to.throw(
        TypeError,
        /accountId is not an option of the book view/,
      );
      // @ts-expect-error: the book has no records
      expect(() => mountDealRegFrame(document.body, { src, view: 'book', records: recordsOf('Acme'), getToken })).to.throw(
        TypeError,
        /records is not an option of the book view/,
      );
      const linkedPanel = () =>
        // @ts-expect-error: the panel has no rows to link
        mountDealRegFrame(document.body, { src, accountId: 'acc-1', recordHref: '/x/{accountId}', getToken });
      expect(linkedPanel).to.throw(TypeError, /recordHref is not an option of the panel view/);
      for (const recordHref of ['javascript:alert(1)//{accountId}', 'data:text/html,{accountId}', 'https://[crm/{accountId}']) {
        expect(() => mountDealRegFrame(document.body, { src, view: 'book', recordHref, getToken }), recordHref).to.throw(
          TypeError,
          /recordHref must be an http\(s\) URL template/,
        );
      }
      expect(document.body.querySelector('iframe')).to.equal(null);
    });
  });
});
