// The framed panel's postMessage protocol: each side accepts only well-formed messages of its
// version, and drops unknown fields instead of passing them on.
import { expect } from '@open-wc/testing';
import { message, parseFrameMessage, parseParentMessage, PROTOCOL, PROTOCOL_VERSION } from '../../embed/protocol.ts';

const envelope = { protocol: PROTOCOL, version: PROTOCOL_VERSION };
const records = { account: { id: '001-acme', name: 'Acme', country: 'FR' }, opportunities: [] };

describe('the framed-panel protocol', () => {
  it('the frame accepts init, set-account and token answers from a parent', () => {
    expect(
      parseParentMessage({ ...envelope, type: 'init', accountId: 'acc-1', locale: 'fr', theme: { '--dealreg-radius': '0' } }),
    ).to.deep.equal(message({ type: 'init', accountId: 'acc-1', locale: 'fr', theme: { '--dealreg-radius': '0' } }));
    expect(parseParentMessage({ ...envelope, type: 'set-account', accountId: 'acc-2' })?.type).to.equal('set-account');
    expect(parseParentMessage({ ...envelope, type: 'token', requestId: 3, token: 't' })).to.deep.equal(
      message({ type: 'token', requestId: 3, token: 't' }),
    );
    expect(parseParentMessage({ ...envelope, type: 'token', requestId: 3, failed: true })).to.deep.equal(
      message({ type: 'token', requestId: 3, failed: true }),
    );
  });

  it('the frame accepts records in init (with or without an account id) and in set-records, null clearing them', () => {
    expect(parseParentMessage({ ...envelope, type: 'init', records })).to.deep.equal(message({ type: 'init', records }));
    expect(parseParentMessage({ ...envelope, type: 'init', accountId: 'acc-1', records, locale: 'fr' })).to.deep.equal(
      message({ type: 'init', accountId: 'acc-1', records, locale: 'fr' }),
    );
    expect(parseParentMessage({ ...envelope, type: 'set-records', records })).to.deep.equal(
      message({ type: 'set-records', records }),
    );
    expect(parseParentMessage({ ...envelope, type: 'set-records', records: null })).to.deep.equal(
      message({ type: 'set-records', records: null }),
    );
    // What is inside is the frame's reader's business (it reports it), not the envelope's.
    const inside = { account: { id: 42 } };
    expect(parseParentMessage({ ...envelope, type: 'set-records', records: inside })).to.deep.equal(
      message({ type: 'set-records', records: inside }),
    );
  });

  it("the frame accepts the book's init with no account, and a view it will refuse rather than drop it", () => {
    const book = {
      type: 'init',
      view: 'book',
      recordHref: 'https://crm.example/o/{partnerOpportunityId}',
      locale: 'fr',
    } as const;
    expect(parseParentMessage({ ...envelope, ...book, smuggled: 1 })).to.deep.equal(message(book));
    expect(parseParentMessage({ ...envelope, type: 'init', view: 'calendar' })).to.deep.equal(
      message({ type: 'init', view: 'calendar' }),
    );
    expect(parseParentMessage({ ...envelope, type: 'init', view: 'panel' }), 'the panel needs an account').to.equal(undefined);
    for (const wrong of [{ view: 7 }, { view: 'book', recordHref: 7 }, { view: 'book', accountHref: null }]) {
      expect(parseParentMessage({ ...envelope, type: 'init', ...wrong }), JSON.stringify(wrong)).to.equal(undefined);
    }
  });

  it('another protocol, another version, or a malformed message is not ours', () => {
    for (const data of [
      null,
      'init',
      { type: 'init', accountId: 'acc-1' },
      { ...envelope, version: 2, type: 'init', accountId: 'acc-1' },
      { ...envelope, protocol: 'other', type: 'init', accountId: 'acc-1' },
      { ...envelope, type: 'init' },
      { ...envelope, type: 'init', accountId: '' },
      { ...envelope, type: 'init', accountId: 'x'.repeat(256) },
      { ...envelope, type: 'init', accountId: 'acc-1', theme: { '--dealreg-radius': 4 } },
      { ...envelope, type: 'init', accountId: 'acc-1', locale: 7 },
      { ...envelope, type: 'set-account', accountId: 42 },
      { ...envelope, type: 'init', records: null },
      { ...envelope, type: 'init', records: [records] },
      { ...envelope, type: 'init', accountId: 'acc-1', records: 'records' },
      { ...envelope, type: 'init', accountId: '', records },
      { ...envelope, type: 'set-records' },
      { ...envelope, type: 'set-records', records: undefined },
      { ...envelope, type: 'set-records', records: [records] },
      { ...envelope, type: 'set-records', records: 'records' },
      { ...envelope, type: 'set-records', records: 7 },
      { ...envelope, type: 'token', requestId: 0, token: 't' },
      { ...envelope, type: 'token', requestId: 1.5, token: 't' },
      { ...envelope, type: 'token', requestId: 1 },
      { ...envelope, type: 'resize', height: 10 },
      { ...envelope, type: 'unknown' },
    ]) {
      expect(parseParentMessage(data), JSON.stringify(data)).to.equal(undefined);
    }
  });

  it('extra fields are dropped, not passed on', () => {
    const parsed = parseParentMessage({ ...envelope, type: 'set-account', accountId: 'acc-1', token: 'smuggled' });
    expect(parsed).to.deep.equal(message({ type: 'set-account', accountId: 'acc-1' }));
  });

  it('the host accepts ready, token requests, resizes and relayed events from its frame', () => {
    expect(parseFrameMessage({ ...envelope, type: 'ready' })?.type).to.equal('ready');
    expect(parseFrameMessage({ ...envelope, type: 'token-request', requestId: 1 })?.type).to.equal('token-request');
    expect(parseFrameMessage({ ...envelope, type: 'resize', height: 120.2 })).to.deep.equal(
      message({ type: 'resize', height: 121 }),
    );
    const event = { type: 'dealreg-extended', detail: { registration: { id: 'reg-1' } } };
    expect(parseFrameMessage({ ...envelope, type: 'event', event })).to.deep.equal({ ...envelope, type: 'event', event });
    const states = { type: 'dealreg-deal-states', detail: { accountId: '001-acme', deals: [] } };
    expect(parseFrameMessage({ ...envelope, type: 'event', event: states })?.type).to.equal('event');
  });

  it('the host takes a book row opened as its ids alone, each an id: nothing else crosses, not even a link', () => {
    const ids = { accountId: 'acc-1', partnerOpportunityId: null, registrationId: 'reg-1' };
    const opened = (detail: object) => ({ ...envelope, type: 'event', event: { type: 'dealreg-open-record', detail } });
    expect(parseFrameMessage(opened({ ...ids, href: 'https://evil.example/', extra: 1 }))).to.deep.equal(
      message({ type: 'event', event: { type: 'dealreg-open-record', detail: ids } }),
    );
    for (const wrong of [
      { ...ids, accountId: '' },
      { ...ids, registrationId: 7 },
      { ...ids, partnerOpportunityId: undefined },
      { ...ids, partnerOpportunityId: 'x'.repeat(256) },
    ]) {
      expect(parseFrameMessage(opened(wrong)), JSON.stringify(wrong)).to.equal(undefined);
    }
  });

  it('the host refuses what a frame does not send: unknown events, bad heights, parent messages', () => {
    for (const data of [
      { ...envelope, type: 'event', event: { type: 'click', detail: {} } },
      { ...envelope, type: 'event', event: { type: 'dealreg-error' } },
      { ...envelope, type: 'resize', height: -1 },
      { ...envelope, type: 'resize', height: Number.NaN },
      { ...envelope, type: 'resize', height: '100' },
      { ...envelope, type: 'token-request' },
      { ...envelope, type: 'init', accountId: 'acc-1' },
      { ...envelope, version: 0, type: 'ready' },
    ]) {
      expect(parseFrameMessage(data), JSON.stringify(data)).to.equal(undefined);
    }
  });
});
