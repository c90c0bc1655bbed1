// The host side (dist/embed.js): what mountDealRegFrame puts on the page, what it refuses, and
// when the host's records go to the frame. For the last, the frame is a same-origin stand-in
// (fixtures/blank.html) whose window the test listens on; its `ready` is a message event whose
// source is that window, as a real frame's would be.
import { expect } from '@open-wc/testing';
import { mountDealRegFrame, type DealRegFrame } from '../../embed/host/mount.ts';
import { message, type ParentMessage } from '../../embed/protocol.ts';
import type { CrmRecords } from '../../src/domain/crm.ts';

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
async function mountOnStandIn(options: { accountId?: string; records?: CrmRecords }) {
  const container = document.createElement('div');
  document.body.append(container);
  const mounted: DealRegFrame = mountDealRegFrame(container, { src: STAND_IN, getToken: () => 'secret-token', ...options });
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
  const ready = () =>
    window.dispatchEvent(
      new MessageEvent('message', { data: message({ type: 'ready' }), origin: location.origin, source: frameWindow }),
    );
  return { mounted, received, ready };
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
});
