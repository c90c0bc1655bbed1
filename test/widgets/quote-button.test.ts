// Promises of <dealreg-quote-button>: one click, one request (one key per intent, reused on retry),
// follows the quote to quoted with figures in the locale's formats, stops polling when removed,
// and explains instead of failing when the partner may not ask.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { DealRegError } from '../../src/errors.ts';
import type { DealRegQuoteButton } from '../../widgets/index.ts';
import { DealRegQuoteRequestedEvent } from '../../widgets/index.ts';
import type { MockBackend } from '../../mocks/index.ts';
import { configureDealReg, resetDealRegConfig } from '../../widgets/element/config.ts';
import { VirtualClock } from '../support/virtual-clock.ts';
import { backend, buttonNamed, countingCore, deepQuery, deepText, memoryAdapter, until } from './helpers.ts';

/** The id of the partner's registration on an account, read through the real adapter. */
async function registrationOn(core: MockBackend, accountId: string, token = 'demo-alpha'): Promise<string> {
  const overview = await memoryAdapter(core, token).getAccountOverview(accountId);
  return overview.registrations[0]!.id;
}

describe('<dealreg-quote-button>', () => {
  it('a triple click sends one quote request, shows submitted, then the quote with its figures', async () => {
    const core = countingCore(backend({ quoteDecisionDelayMs: 150 }));
    const id = await registrationOn(core, 'acc-protected');
    const events: DealRegQuoteRequestedEvent[] = [];
    const el = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button
        registration-id=${id}
        poll-interval="40"
        .adapter=${memoryAdapter(core)}
        @dealreg-quote-requested=${(e: DealRegQuoteRequestedEvent) => events.push(e)}
      ></dealreg-quote-button>`,
    );
    const button = buttonNamed(el, 'Request quote')!;
    button.click();
    button.click();
    button.click();
    await until(() => deepText(el).includes('Quote requested'), 'submitted shown');
    expect(core.coreCalls.requestQuote).to.equal(1);
    expect(events).to.have.length(1);
    expect(events[0]).to.be.instanceOf(DealRegQuoteRequestedEvent);
    expect(events[0]!.detail.quote.status).to.equal('submitted');
    await expect(el).to.be.accessible();
    await until(() => deepQuery(el, '[part~="quote"] dl'), 'quoted');
    const quote = core.inspect().quotes.find((q) => q.registrationId === id)!;
    // Cents only on a fractional amount (format.test.ts has the rule itself).
    const money = {
      format: (v: number) =>
        new Intl.NumberFormat('en', {
          style: 'currency',
          currency: quote.currency!,
          ...(Number.isInteger(v) ? { maximumFractionDigits: 0 } : {}),
        }).format(v),
    };
    const text = deepText(deepQuery(el, '[part~="quote"]')!);
    expect(text).to.include('Quoted');
    expect(text).to.include(money.format(quote.listPrice!));
    expect(text).to.include(money.format(quote.netPrice!));
    expect(core.coreCalls.requestQuote).to.equal(1);
    await expect(el).to.be.accessible();
  });

  describe('polling, on a virtual clock', () => {
    let clock: VirtualClock;
    beforeEach(() => {
      clock = new VirtualClock();
      configureDealReg({ sleep: clock.sleep });
    });
    afterEach(() => resetDealRegConfig());

    /** A memory adapter that notes the virtual time of every poll. */
    function timedPolls(core: MockBackend): { adapter: DealRegAdapter; at: number[] } {
      const real = memoryAdapter(core);
      const at: number[] = [];
      return { at, adapter: { ...real, getQuote: (quoteId, o) => (at.push(clock.now), real.getQuote(quoteId, o)) } };
    }

    it('polling stops once the element leaves the page', async () => {
      const core = backend({ quoteDecisionDelayMs: 60_000 });
      const id = await registrationOn(core, 'acc-protected');
      const { adapter, at } = timedPolls(core);
      const el = await fixture<DealRegQuoteButton>(
        html`<dealreg-quote-button registration-id=${id} poll-interval="20" max-poll-interval="20" .adapter=${adapter}></dealreg-quote-button>`,
      );
      buttonNamed(el, 'Request quote')!.click();
      await until(() => deepText(el).includes('Quote requested'), 'submitted');
      await clock.advance(60);
      expect(at, 'polls every 20 ms').to.deep.equal([20, 40, 60]);
      el.remove();
      await clock.advance(10_000);
      expect(at, 'no poll after removal').to.have.length(3);
      expect(clock.pending, 'no timer left').to.equal(0);
    });

    it('polling backs off ×1.5 between polls, up to the longest delay', async () => {
      const core = backend({ quoteDecisionDelayMs: 600_000 });
      const id = await registrationOn(core, 'acc-protected');
      const { adapter, at } = timedPolls(core);
      const el = await fixture<DealRegQuoteButton>(
        html`<dealreg-quote-button registration-id=${id} poll-interval="20" max-poll-interval="100" .adapter=${adapter}></dealreg-quote-button>`,
      );
      buttonNamed(el, 'Request quote')!.click();
      await until(() => deepText(el).includes('Quote requested'), 'submitted');
      await clock.advance(500);
      const gaps = at.map((t, i) => t - (at[i - 1] ?? 0));
      expect(gaps.slice(0, 7)).to.deep.equal([20, 30, 45, 67.5, 100, 100, 100]);
      el.remove();
    });
  });

  it('a retry after a network error reuses the same idempotency key', async () => {
    const core = countingCore(backend({ quoteDecisionDelayMs: 60_000 }));
    const id = await registrationOn(core, 'acc-protected');
    const real = memoryAdapter(core);
    let failures = 1;
    const adapter: DealRegAdapter = {
      ...real,
      requestQuote: async (rid, o) => {
        const result = await real.requestQuote(rid, o);
        if (failures-- > 0) throw new DealRegError('network'); // the answer was lost on the way back
        return result;
      },
    };
    const el = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button registration-id=${id} poll-interval="5000" .adapter=${adapter}></dealreg-quote-button>`,
    );
    buttonNamed(el, 'Request quote')!.click();
    await until(() => deepQuery(el, '[part~="error"]'), 'error');
    expect(deepText(el)).to.include('Network problem');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Retry')!.click();
    await until(() => deepText(el).includes('Quote requested'), 'submitted');
    expect(core.keys).to.have.length(2);
    expect(core.keys[0]).to.equal(core.keys[1]);
    expect(core.inspect().quotes.filter((q) => q.registrationId === id)).to.have.length(1);
    el.remove();
  });

  it('one successful request sends one key (a new intent after it gets a new one: test/widgets/intent-keys.test.ts)', async () => {
    const core = countingCore(backend({ quoteDecisionDelayMs: 0 }));
    const id = await registrationOn(core, 'acc-protected');
    const el = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button registration-id=${id} poll-interval="10" .adapter=${memoryAdapter(core)}></dealreg-quote-button>`,
    );
    buttonNamed(el, 'Request quote')!.click();
    await until(() => deepQuery(el, '[part~="quote"] dl'), 'quoted');
    expect(core.keys).to.have.length(1);
    expect(core.keys[0]).to.be.a('string').and.have.length.greaterThan(8);
  });

  it("with account-id: on another partner's protection the button explains why instead of failing", async () => {
    const core = countingCore(backend());
    const betaRegistration = await registrationOn(core, 'acc-conflict', 'demo-beta');
    const el = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button registration-id=${betaRegistration} account-id="acc-conflict" .adapter=${memoryAdapter(core)}></dealreg-quote-button>`,
    );
    await until(() => deepQuery(el, '[part~="hint"]'), 'explanation');
    expect(deepText(el)).to.include('Only the partner holding the protection can request the restricted quote.');
    const button = buttonNamed(el, 'Request quote')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    // What the click runs, asked for directly: its promise settles once the answer is in when it sends.
    await el.requestQuote();
    await el.updateComplete;
    expect(core.coreCalls.requestQuote).to.equal(0);
    expect(deepText(el).toLowerCase()).not.to.include('beta');
    await expect(el).to.be.accessible();
  });

  it("without account-id: another partner's registration is explained like an unknown one (the server tells them apart by nothing)", async () => {
    const core = backend();
    const betaRegistration = await registrationOn(core, 'acc-conflict', 'demo-beta');
    const el = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button registration-id=${betaRegistration} .adapter=${memoryAdapter(core)}></dealreg-quote-button>`,
    );
    buttonNamed(el, 'Request quote')!.click();
    await until(() => deepQuery(el, '[part~="error"]'), 'explanation');
    expect(deepText(el)).to.include('This account or record is unknown to the program.');
    expect(deepText(el).toLowerCase()).not.to.include('beta');
    await expect(el).to.be.accessible();
  });

  it('an expired protection: the button says a quote needs an active protection', async () => {
    const core = backend();
    const id = await registrationOn(core, 'acc-protected');
    core.setClock('2017-06-30T09:00:00Z');
    const el = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button registration-id=${id} account-id="acc-protected" .adapter=${memoryAdapter(core)}></dealreg-quote-button>`,
    );
    await until(() => deepQuery(el, '[part~="hint"]'), 'explanation');
    expect(deepText(el)).to.include('needs an approved protection that has not expired');
  });

  it('with account-id: an open quote is shown up front and followed, with no new request', async () => {
    const core = countingCore(backend());
    const el = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button account-id="acc-quoted" .adapter=${memoryAdapter(core)}></dealreg-quote-button>`,
    );
    el.registrationId = await registrationOn(core, 'acc-quoted');
    await until(() => deepQuery(el, '[part~="quote"] dl'), 'quote');
    expect(buttonNamed(el, 'Request quote')).to.equal(undefined);
    expect(core.coreCalls.requestQuote).to.equal(0);
  });
});
