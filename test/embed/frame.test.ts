// The framed panel's parts, each on its own: the deployer's config, the parent channel's checks
// (a stand-in window, so origin and source can be set at will), the token broker, the relay, and
// the reading of the host's records. test/node/embed.test.mjs runs them together across origins.
import { expect } from '@open-wc/testing';
import { DealRegError } from '../../src/errors.ts';
import { DealRegErrorEvent, DealRegOpenRecordEvent, DealRegQuoteRequestedEvent } from '../../widgets/events/events.ts';
import { message, type FrameMessage, type ParentMessage, type TokenRequestMessage } from '../../embed/protocol.ts';
import { parseFrameConfig } from '../../embed/frame/config.ts';
import { createParentChannel, type ChannelWindow } from '../../embed/frame/parent-channel.ts';
import { createTokenBroker } from '../../embed/frame/token-broker.ts';
import { relayEvents, toFrameEvent } from '../../embed/frame/relay.ts';
import { readFrameRecords } from '../../embed/frame/records.ts';
import type { CrmRecords } from '../../src/domain/crm.ts';

const PARENT = 'https://crm.partner.example';

describe('the framed panel', () => {
  describe('config.json', () => {
    it('takes exact parent origins and an API base URL', () => {
      expect(parseFrameConfig({ parentOrigins: [PARENT, 'http://localhost:8080'], apiBaseUrl: '/api' })).to.deep.equal({
        parentOrigins: [PARENT, 'http://localhost:8080'],
        apiBaseUrl: '/api',
      });
    });

    it('refuses wildcards, paths, trailing slashes and opaque origins, naming the culprit', () => {
      for (const origin of [
        '*',
        'https://*.example.com',
        `${PARENT}/`,
        `${PARENT}/crm`,
        'null',
        'crm.partner.example',
        'javascript:alert(1)',
      ]) {
        expect(() => parseFrameConfig({ parentOrigins: [origin], apiBaseUrl: '/api' }), origin).to.throw(/parentOrigins/);
      }
      expect(() => parseFrameConfig({ parentOrigins: [], apiBaseUrl: '/api' })).to.throw(/parentOrigins/);
      expect(() => parseFrameConfig({ parentOrigins: [PARENT], apiBaseUrl: '//evil.example' })).to.throw(/apiBaseUrl/);
      expect(() => parseFrameConfig({ parentOrigins: [PARENT], apiBaseUrl: 'ftp://x' })).to.throw(/apiBaseUrl/);
    });
  });

  describe('the parent channel', () => {
    const parent = {
      posted: [] as [unknown, string][],
      postMessage(data: unknown, origin: string) {
        this.posted.push([data, origin]);
      },
    };
    const sibling = {};
    let listener: ((e: MessageEvent) => void) | undefined;
    const win: ChannelWindow = {
      parent,
      addEventListener: (_type, l) => {
        listener = l;
      },
      removeEventListener: () => {
        listener = undefined;
      },
    };
    const deliver = (origin: string, source: unknown, data: unknown): void =>
      listener?.({ origin, source, data } as MessageEvent);
    const init = message<ParentMessage>({ type: 'init', accountId: 'acc-1' });

    beforeEach(() => {
      parent.posted = [];
    });

    it('says ready to each allowed origin, and nothing else before the parent has spoken', () => {
      const channel = createParentChannel(win, [PARENT, 'https://other.example'], () => {});
      channel.post(message<FrameMessage>({ type: 'ready' }));
      channel.post(message<FrameMessage>({ type: 'token-request', requestId: 1 }));
      expect(parent.posted.map(([m, o]) => [(m as FrameMessage).type, o])).to.deep.equal([
        ['ready', PARENT],
        ['ready', 'https://other.example'],
      ]);
      channel.close();
    });

    it('binds to the origin of the first init from window.parent, then speaks and listens to it alone', () => {
      const heard: ParentMessage[] = [];
      const channel = createParentChannel(win, [PARENT, 'https://other.example'], (m) => heard.push(m));
      deliver(PARENT, sibling, init); // not the parent window
      deliver('https://evil.example', parent, init); // not an allowed origin
      deliver(PARENT, parent, message({ type: 'set-account', accountId: 'acc-0' })); // not init first
      expect(heard).to.deep.equal([]);
      deliver(PARENT, parent, init);
      expect(channel.origin).to.equal(PARENT);
      deliver('https://other.example', parent, message({ type: 'set-account', accountId: 'acc-x' })); // allowed, but not the bound one
      deliver(PARENT, parent, message({ type: 'set-account', accountId: 'acc-2' }));
      expect(heard.map((m) => (m.type === 'set-account' ? m.accountId : m.type))).to.deep.equal(['init', 'acc-2']);
      channel.post(message<FrameMessage>({ type: 'resize', height: 10 }));
      expect(parent.posted.at(-1)?.[1]).to.equal(PARENT);
      channel.close();
    });
  });

  describe('the token broker', () => {
    function setup() {
      const sent: TokenRequestMessage[] = [];
      const timers: (() => void)[] = [];
      const broker = createTokenBroker((m) => sent.push(m), { setTimer: (fn) => timers.push(fn), clearTimer: () => {} });
      return { sent, timers, broker };
    }

    it('asks the parent once per call and resolves each call with its own answer', async () => {
      const { sent, broker } = setup();
      const a = broker.getToken();
      const b = broker.getToken();
      expect(sent.map((m) => m.requestId)).to.deep.equal([1, 2]);
      broker.settle(message({ type: 'token', requestId: 2, token: 'two' }));
      broker.settle(message({ type: 'token', requestId: 1, token: 'one' }));
      expect(await a).to.equal('one');
      expect(await b).to.equal('two');
    });

    it('a parent without a token, or one that never answers, fails the call; late or unknown answers are ignored', async () => {
      const { broker, timers } = setup();
      const refused = broker.getToken();
      broker.settle(message({ type: 'token', requestId: 1, failed: true }));
      let error: unknown;
      await refused.catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(Error);
      const silent = broker.getToken();
      timers[1]!();
      error = undefined;
      await silent.catch((e: unknown) => (error = e));
      expect(String(error)).to.match(/did not answer/);
      broker.settle(message({ type: 'token', requestId: 2, token: 'late' }));
      broker.settle(message({ type: 'token', requestId: 99, token: 'unknown' }));
    });
  });

  describe('the event relay', () => {
    it('turns a DealRegError into plain data that survives structured cloning', () => {
      const event = new DealRegErrorEvent({
        operation: 'request-quote',
        error: new DealRegError('rate-limited', { status: 429, detail: 'slow down' }),
      });
      const relayed = toFrameEvent(event);
      expect(relayed).to.deep.equal({
        type: 'dealreg-error',
        detail: {
          operation: 'request-quote',
          error: { code: 'rate-limited', status: 429, detail: 'slow down', retryable: true },
        },
      });
      expect(structuredClone(relayed)).to.deep.equal(relayed);
    });

    it('passes on the invalid records an invalid-records error names, and the deals’ standing', () => {
      const problems = [{ record: 'opp-2', field: 'closeDate', message: 'expected a calendar date that exists' }];
      // The panel's own invalid-records event (its class gains `problems` with the panel's records).
      const error = new CustomEvent('dealreg-error', {
        detail: {
          operation: 'read-records',
          error: new DealRegError('invalid-records', { detail: 'opp-2 (closeDate)' }),
          problems,
        },
      });
      expect(toFrameEvent(error)?.detail).to.deep.equal({
        operation: 'read-records',
        error: { code: 'invalid-records', status: null, detail: 'opp-2 (closeDate)', retryable: false },
        problems,
      });
      const deals = [{ partnerOpportunityId: 'opp-1', state: 'approved', registrationId: 'reg-1', protectedUntil: '2017-06-01' }];
      const states = new CustomEvent('dealreg-deal-states', { detail: { accountId: '001-acme', deals } });
      expect(toFrameEvent(states)).to.deep.equal({ type: 'dealreg-deal-states', detail: { accountId: '001-acme', deals } });
    });

    it('relays the five dealreg events from the panel and nothing else, until stopped', () => {
      const target = document.createElement('div');
      const sent: string[] = [];
      const stop = relayEvents(target, (e) => sent.push(e.type));
      target.dispatchEvent(
        new DealRegQuoteRequestedEvent({
          registrationId: 'reg-1',
          quote: { id: 'q-1', registrationId: 'reg-1', status: 'submitted', requestedAt: '2017-02-14T09:00:00Z' },
        }),
      );
      target.dispatchEvent(new Event('click'));
      stop();
      target.dispatchEvent(
        new DealRegQuoteRequestedEvent({
          registrationId: 'reg-1',
          quote: { id: 'q-2', registrationId: 'reg-1', status: 'submitted', requestedAt: '2017-02-14T09:00:00Z' },
        }),
      );
      expect(sent).to.deep.equal(['dealreg-quote-requested']);
    });

    it("relays a book row opened as its ids, and cancels it: the frame never follows the row's link", () => {
      const target = document.createElement('div');
      const sent: unknown[] = [];
      const stop = relayEvents(target, (e) => sent.push(e));
      const ids = { accountId: 'acc-1', partnerOpportunityId: 'opp-1', registrationId: 'reg-1' };
      const opened = new DealRegOpenRecordEvent({ ...ids, href: 'https://crm.partner.example/o/opp-1' });
      target.dispatchEvent(opened);
      stop();
      expect(opened.defaultPrevented).to.equal(true);
      expect(sent).to.deep.equal([{ type: 'dealreg-open-record', detail: ids }]);
      expect(structuredClone(sent)).to.deep.equal(sent);
    });
  });
  describe('the host’s records', () => {
    const opportunity = (id: string, closeDate = '2017-05-31') => ({
      id,
      name: `Deal ${id}`,
      amount: { value: 120000, currency: 'EUR' },
      closeDate,
      lines: [{ sku: 'SYN-480-G10', quantity: 2 }],
    });
    const account = { id: '001-acme', name: 'Acme', country: 'FR', siren: '732829320' };

    it('valid records reach the panel as sent, and nothing is reported', () => {
      const records: CrmRecords = { account, opportunities: [opportunity('opp-1'), opportunity('opp-2')] };
      expect(readFrameRecords(structuredClone(records))).to.deep.equal({ records, report: undefined });
    });

    it('invalid records are left out and reported once, naming each record and field, as plain data', () => {
      const sent = {
        account: { ...account, siren: '732829321' },
        opportunities: [
          opportunity('opp-1'),
          opportunity('opp-2', '2017-02-30'),
          { ...opportunity('opp-3'), amount: { value: -1, currency: 'EUR' } },
        ],
      };
      const { records, report } = readFrameRecords(sent);
      // The account stays, without the identifier that fails its check (never sent).
      expect(records).to.deep.equal({
        account: { id: '001-acme', name: 'Acme', country: 'FR' },
        opportunities: [opportunity('opp-1')],
      });
      expect(report?.type).to.equal('dealreg-error');
      const detail = report!.detail as {
        operation: string;
        error: { code: string; detail: string };
        problems: { record: string; field: string }[];
      };
      expect(detail.operation).to.equal('read-records');
      expect(detail.error.code).to.equal('invalid-records');
      expect(detail.problems.map((p) => [p.record, p.field])).to.deep.equal([
        ['account', 'siren'],
        ['opp-2', 'closeDate'],
        ['opp-3', 'amount.value'],
      ]);
      expect(detail.error.detail).to.equal(
        'invalid CRM records left out: account (siren), opp-2 (closeDate), opp-3 (amount.value)',
      );
      expect(structuredClone(report)).to.deep.equal(report);
    });

    it('records the reader cannot use at all give the panel none, and say why', () => {
      const { records, report } = readFrameRecords({ account: { id: 42 }, opportunities: [opportunity('opp-1')] });
      expect(records).to.equal(undefined);
      expect((report?.detail as { error: { code: string } }).error.code).to.equal('invalid-records');
    });

    it('no records (none sent, or cleared) is no records, and no report', () => {
      expect(readFrameRecords(undefined)).to.deep.equal({ records: undefined, report: undefined });
      expect(readFrameRecords(null)).to.deep.equal({ records: undefined, report: undefined });
    });

    it('names ten problems in the error’s detail and lists them all in problems', () => {
      const many = Array.from({ length: 12 }, (_, i) => ({ ...opportunity(`opp-${i}`), lines: 'none' }));
      const { report } = readFrameRecords({ account, opportunities: many });
      const detail = report!.detail as { error: { detail: string }; problems: unknown[] };
      expect(detail.problems).to.have.length(12);
      expect(detail.error.detail).to.match(/opp-9 \(lines\) and 2 more$/);
    });
  });
});
