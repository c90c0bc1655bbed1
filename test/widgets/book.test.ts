// Promises of <dealreg-book>: every view with its exact count, the vendor's order, "Show more" as one
// request, the search, Extend and Request quote inline (one request per click, the panel's events),
// the link to the host's record and its cancellable event, empty and error states with what to do,
// English and French, axe in each state — and Beta's book never showing Alpha's registrations.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { BookPage, BookQuery } from '../../src/domain/book.ts';
import { BOOK_VIEWS } from '../../src/domain/status.ts';
import { DealRegError } from '../../src/errors.ts';
import type { DealRegBook, DealRegErrorEvent, DealRegExtendedEvent, DealRegOpenRecordEvent } from '../../widgets/index.ts';
import type { DealRegQuoteRequestedEvent } from '../../widgets/events/events.ts';
import { backend, buttonNamed, counting, deepQuery, deepQueryAll, deepText, memoryAdapter, until } from './helpers.ts';
import { book, rows, select, settled, tab } from './book-helpers.ts';

/** What the vendor answers for `query`, straight from the adapter (the element must show exactly this). */
const direct = (adapter: DealRegAdapter, query: BookQuery): Promise<BookPage> => adapter.listRegistrations!(query);

describe('<dealreg-book>', () => {
  it("shows every view as a tab with its exact count, and each view's rows in the order the vendor sent them", async () => {
    const adapter = counting(memoryAdapter());
    const el = await book(adapter);
    expect(adapter.calls.listRegistrations, 'mount: one request').to.equal(1);
    const tablist = el.shadowRoot!.querySelector('[role="tablist"]')!;
    expect(tablist.querySelectorAll('[role="tab"]').length).to.equal(BOOK_VIEWS.length);
    const first = await direct(memoryAdapter(), { view: 'expiring-soon' });
    for (const view of BOOK_VIEWS) {
      expect(tab(el, view).textContent!.replace(/\s+/g, ' ')).to.include(`(${first.counts!.byView[view]})`);
    }
    expect(tab(el, 'expiring-soon').textContent).to.include('Expiring soon');
    for (const view of BOOK_VIEWS) {
      await select(el, view);
      expect(tab(el, view).getAttribute('aria-selected')).to.equal('true');
      // Quotes in the order of their validity, the soonest to lapse first; the other views by urgency.
      const expected = await direct(memoryAdapter(), { view, ...(view === 'quoted' ? { sort: 'quote-validity' as const } : {}) });
      const shown = rows(el).map((r) => r.dataset.registrationId);
      expect(shown, view).to.deep.equal(expected.rows.map((r) => r.registration.id));
      await expect(el).to.be.accessible();
    }
  });

  it("shows a row's customer, deal, status and days left", async () => {
    const el = await book();
    const expected = (await direct(memoryAdapter(), { view: 'expiring-soon' })).rows[1]!;
    const row = rows(el)[1]!;
    expect(deepText(row)).to.include(expected.customer.name);
    expect(deepText(row)).to.include(expected.deal.name);
    expect(deepQuery(row, '[part~="status-badge"]')!.textContent).to.include('Expiring soon');
    expect(deepText(row)).to.match(/\d+ days? left|: last day\./);
  });

  it('"Show more" sends one request with the cursor, however often it is pressed, and appends the next page', async () => {
    const adapter = counting(memoryAdapter());
    const el = await book(adapter);
    expect(rows(el).length).to.equal(25);
    const more = deepQuery<HTMLButtonElement>(el, '[part~="more-button"]')!;
    expect(more.textContent).to.include('12 not shown');
    more.click();
    more.click();
    await until(() => rows(el).length === 37, 'the second page');
    expect(adapter.calls.listRegistrations, 'pages: mount + one').to.equal(2);
    const all = [...(await direct(memoryAdapter(), { view: 'expiring-soon', limit: 100 })).rows.map((r) => r.registration.id)];
    expect(rows(el).map((r) => r.dataset.registrationId)).to.deep.equal(all);
    expect(!!deepQuery(el, '[part~="more-button"]'), 'the last page has no "Show more"').to.equal(false);
  });

  it('searches by customer or deal name on submit, and says what to do when nothing matches', async () => {
    const adapter = counting(memoryAdapter());
    const el = await book(adapter);
    await select(el, 'active');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = 'girard';
    el.shadowRoot!.querySelector<HTMLFormElement>('[part~="search"]')!.requestSubmit();
    await until(() => rows(el).length > 0 && rows(el).every((r) => /girard/i.test(deepText(r))), 'the matches');
    const expected = await direct(memoryAdapter(), { view: 'active', q: 'girard' });
    expect(rows(el).map((r) => r.dataset.registrationId)).to.deep.equal(expected.rows.map((r) => r.registration.id));
    expect(tab(el, 'active').textContent).to.include(`(${expected.counts!.byView.active})`);
    input.value = 'zzzz';
    el.shadowRoot!.querySelector<HTMLFormElement>('[part~="search"]')!.requestSubmit();
    await until(() => deepQuery(el, '[part~="empty"]'), 'the empty search');
    expect(deepText(deepQuery(el, '[part~="empty"]')!)).to.include('No registration matches "zzzz"');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Clear search')!.click();
    await until(() => rows(el).length === 25, 'the whole view again');
  });

  it('extends a protection inline: one request for a double click, dealreg-extended, the row updated', async () => {
    const adapter = counting(memoryAdapter());
    const el = await book(adapter);
    const extended: DealRegExtendedEvent[] = [];
    el.addEventListener('dealreg-extended', (e) => extended.push(e));
    const row = rows(el)[0]!;
    const button = deepQuery<HTMLButtonElement>(row, '[part~="extend-button"]')!;
    button.click();
    button.click();
    await until(() => extended.length === 1, 'dealreg-extended');
    await el.updateComplete;
    expect(adapter.calls.requestExtension, 'one POST').to.equal(1);
    expect(extended[0]!.detail.registration.id).to.equal(row.dataset.registrationId);
    expect(deepText(el)).to.include('Protection extended until');
    const after = rows(el).find((r) => r.dataset.registrationId === row.dataset.registrationId)!;
    expect(!!deepQuery(after, '[part~="extend-button"]'), 'no second extension offered').to.equal(false);
    expect(deepText(after)).to.include('Extension used');
    await expect(el).to.be.accessible();
  });

  it('requests a quote inline: one request per click, dealreg-quote-requested', async () => {
    const adapter = counting(memoryAdapter());
    const el = await book(adapter);
    await select(el, 'active');
    const requested: DealRegQuoteRequestedEvent[] = [];
    el.addEventListener('dealreg-quote-requested', (e) => requested.push(e));
    const button = deepQueryAll<HTMLButtonElement>(el, '[part~="request-button"]')[0]!;
    expect(button, 'a Request quote on an active row without a valid quote').to.exist;
    button.click();
    button.click();
    await until(() => requested.length === 1, 'dealreg-quote-requested');
    expect(adapter.calls.requestQuote, 'one POST').to.equal(1);
  });

  it('a row whose quote the vendor is pricing says so and offers no second request (rule 4)', async () => {
    const real = memoryAdapter();
    const pending = (page: BookPage): BookPage => ({ ...page, rows: page.rows.filter((r) => r.quote?.status === 'submitted') });
    const adapter = counting({
      ...real,
      listRegistrations: (query, o) => real.listRegistrations!({ ...query, limit: 100 }, o).then(pending),
    });
    const el = await book(adapter);
    await select(el, 'active');
    expect(rows(el).length, 'active rows with a quote awaiting its price').to.be.greaterThan(0);
    for (const row of rows(el)) {
      // A boolean: a failing `.to.not.exist` on an element makes chai print it whole, which hangs the page.
      expect(!!deepQuery(row, '[part~="request-button"]'), `${row.dataset.registrationId} offers Request quote`).to.equal(false);
      expect(deepText(row)).to.include('Quote requested: the vendor is pricing it.');
    }
    await expect(el).to.be.accessible();
  });

  it("links each row to the host's record by its CRM id, or by its account without one, and tells the host first", async () => {
    const el = await book(memoryAdapter(), {
      href: '/crm/Opportunity/{partnerOpportunityId}/view',
      accountHref: '/crm/Account/{accountId}/view',
    });
    await select(el, 'submitted');
    const expected = (await direct(memoryAdapter(), { view: 'submitted' })).rows;
    const withId = expected.findIndex((r) => r.registration.partnerOpportunityId);
    const without = expected.findIndex((r) => !r.registration.partnerOpportunityId);
    const link = (i: number) => deepQuery<HTMLAnchorElement>(rows(el)[i]!, 'a[part~="record-link"]')!;
    expect(link(withId).getAttribute('href')).to.equal(
      `/crm/Opportunity/${expected[withId]!.registration.partnerOpportunityId}/view`,
    );
    expect(link(without).getAttribute('href')).to.equal(`/crm/Account/${expected[without]!.customer.id}/view`);
    const opened: DealRegOpenRecordEvent[] = [];
    const listener = (e: DealRegOpenRecordEvent) => {
      opened.push(e);
      e.preventDefault();
    };
    document.addEventListener('dealreg-open-record', listener);
    try {
      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      link(withId).dispatchEvent(click);
      expect(opened.length).to.equal(1);
      expect(opened[0]!.detail).to.deep.equal({
        accountId: expected[withId]!.customer.id,
        partnerOpportunityId: expected[withId]!.registration.partnerOpportunityId,
        registrationId: expected[withId]!.registration.id,
        href: `/crm/Opportunity/${expected[withId]!.registration.partnerOpportunityId}/view`,
      });
      expect(click.defaultPrevented, 'the host navigates: the link is not followed').to.equal(true);
    } finally {
      document.removeEventListener('dealreg-open-record', listener);
    }
  });

  it('with record-href alone, a row without a CRM id shows its deal as text: no link, no button that opens nothing', async () => {
    const el = await book(memoryAdapter(), { href: '/crm/Opportunity/{partnerOpportunityId}/view' });
    await select(el, 'submitted');
    const expected = (await direct(memoryAdapter(), { view: 'submitted' })).rows;
    const without = expected.findIndex((r) => !r.registration.partnerOpportunityId);
    expect(without, 'a row registered outside the CRM').to.be.at.least(0);
    const row = rows(el)[without]!;
    expect(!!deepQuery(row, '[part~="record-link"]'), 'a record link or button').to.equal(false);
    expect(deepText(row)).to.include(expected[without]!.deal.name);
    await expect(el).to.be.accessible();
  });

  it('without record-href, the deal name is a button that tells the host which record to open', async () => {
    const el = await book();
    const opened: DealRegOpenRecordEvent[] = [];
    el.addEventListener('dealreg-open-record', (e) => opened.push(e));
    const button = deepQuery<HTMLButtonElement>(rows(el)[0]!, 'button[part~="record-link"]')!;
    button.click();
    expect(opened.length).to.equal(1);
    expect(opened[0]!.detail.href).to.equal(null);
    expect(opened[0]!.detail.registrationId).to.equal(rows(el)[0]!.dataset.registrationId);
  });

  it('an empty book says how to fill it', async () => {
    const empty = async (): Promise<BookPage> => {
      const page = await direct(memoryAdapter(), { view: 'expiring-soon' });
      return {
        ...page,
        rows: [],
        nextCursor: null,
        counts: { total: 0, byView: Object.fromEntries(BOOK_VIEWS.map((v) => [v, 0])) as never },
      };
    };
    const el = await book({ ...memoryAdapter(), listRegistrations: empty });
    expect(deepText(deepQuery(el, '[part~="empty"]')!)).to.include("Register a deal from an account's panel");
    for (const view of BOOK_VIEWS) expect(tab(el, view).textContent).to.include('(0)');
    await expect(el).to.be.accessible();
  });

  it('a failed load says so, with Retry, and the host hears it once', async () => {
    const real = memoryAdapter();
    let fail = true;
    const adapter = counting({
      ...real,
      listRegistrations: (query, o) => (fail ? Promise.reject(new DealRegError('network')) : real.listRegistrations!(query, o)),
    });
    const errors: DealRegErrorEvent[] = [];
    document.addEventListener('dealreg-error', (e) => errors.push(e), { once: true });
    const el = await book(adapter);
    expect(deepQuery(el, '[part~="error"]'), 'the error panel').to.exist;
    expect(errors.map((e) => e.detail.operation)).to.deep.equal(['load-book']);
    await expect(el).to.be.accessible();
    fail = false;
    deepQuery<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await until(() => rows(el).length === 25, 'the book after Retry');
    expect(adapter.calls.listRegistrations).to.equal(2);
  });

  it('shows a skeleton while the first page loads, accessible', async () => {
    let answer: (page: BookPage) => void = () => undefined;
    const pending = new Promise<BookPage>((resolve) => (answer = resolve));
    const el = await fixture<DealRegBook>(
      html`<dealreg-book locale="en" .adapter=${{ ...memoryAdapter(), listRegistrations: () => pending }}></dealreg-book>`,
    );
    await until(() => deepQuery(el, '[aria-busy="true"]'), 'the skeleton');
    expect(!!deepQuery(el, '[part~="row"]'), 'a row while loading').to.equal(false);
    await expect(el).to.be.accessible();
    answer(await direct(memoryAdapter(), { view: 'expiring-soon' }));
    await settled(el);
    expect(rows(el).length).to.equal(25);
  });

  it('a page that fails to load says so in place of "Show more", with Retry, and the host hears load-more', async () => {
    const real = memoryAdapter();
    let fail = true;
    const adapter = counting({
      ...real,
      listRegistrations: (query, o) =>
        query.cursor && fail ? Promise.reject(new DealRegError('network')) : real.listRegistrations!(query, o),
    });
    const el = await book(adapter);
    const errors: DealRegErrorEvent[] = [];
    el.addEventListener('dealreg-error', (e) => errors.push(e));
    deepQuery<HTMLButtonElement>(el, '[part~="more-button"]')!.click();
    await until(() => deepQuery(el, '.more-area [part~="retry-button"]'), 'the Retry in place of Show more');
    expect(errors.map((e) => e.detail.operation)).to.deep.equal(['load-more']);
    expect(rows(el).length, 'the rows already shown stay').to.equal(25);
    await expect(el).to.be.accessible();
    fail = false;
    deepQuery<HTMLButtonElement>(el, '.more-area [part~="retry-button"]')!.click();
    await until(() => rows(el).length === 37, 'the second page after Retry');
  });

  it('speaks French', async () => {
    const el = await book(memoryAdapter(), { locale: 'fr' });
    // The vendor is "le constructeur" everywhere in French.
    expect(tab(el, 'submitted').textContent).to.include('En attente du constructeur');
    expect(tab(el, 'active').textContent).to.include('Protections actives');
    expect(deepQuery(el, '[part~="more-button"]')!.textContent).to.include('Afficher plus');
    expect(rows(el)[0]!.textContent).to.match(/Expire bientôt|expire/i);
    await expect(el).to.be.accessible();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = 'zzzz';
    el.shadowRoot!.querySelector<HTMLFormElement>('[part~="search"]')!.requestSubmit();
    await until(() => deepQuery(el, '[part~="empty"]'), 'the empty search');
    expect(deepText(deepQuery(el, '[part~="empty"]')!)).to.include('Aucune déclaration ne correspond à « zzzz »');
    await expect(el).to.be.accessible();
  });

  it("Beta's book never shows Alpha's registrations, and the reverse", async () => {
    const core = backend();
    // The whole book of a partner, every page.
    const ids = async (token: string) => {
      const out = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await direct(memoryAdapter(core, token), { limit: 100, ...(cursor ? { cursor } : {}) });
        for (const row of page.rows) out.add(row.registration.id);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    };
    const alpha = await ids('demo-alpha');
    const beta = await ids('demo-beta');
    for (const [token, other] of [
      ['demo-beta', alpha],
      ['demo-alpha', beta],
    ] as const) {
      const el = await book(memoryAdapter(core, token));
      for (const view of BOOK_VIEWS) {
        await select(el, view);
        const shown = rows(el).map((r) => r.dataset.registrationId!);
        expect(shown.length, `${token} ${view} has rows`).to.be.greaterThan(0);
        expect(
          shown.filter((id) => other.has(id)),
          `${token} ${view}`,
        ).to.deep.equal([]);
      }
    }
  });

  describe('"Download CSV"', () => {
    const saved: Array<{ name: string; blob: Blob }> = [];
    const blobs = new Map<string, Blob>();
    const { createObjectURL } = URL;
    const { click } = HTMLAnchorElement.prototype;
    beforeEach(() => {
      saved.length = 0;
      // The file the browser would save: the Blob behind the link's URL, and the link's name.
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        const url = createObjectURL(blob);
        blobs.set(url, blob as Blob);
        return url;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        const blob = blobs.get(this.href);
        if (blob && this.download) saved.push({ name: this.download, blob });
        else click.call(this);
      };
    });
    afterEach(() => {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    });

    const exportButton = (el: DealRegBook) => deepQuery<HTMLButtonElement>(el, '[part~="export-button"]')!;

    it("exports Alpha's whole book (400 rows) in at most 5 requests, every row once, and says how many", async () => {
      // No view holds all 400 rows: this adapter answers every view with the whole book.
      const real = memoryAdapter();
      const adapter = counting({
        ...real,
        listRegistrations: ({ view: _view, ...query }, o) => real.listRegistrations!(query, o),
      });
      const el = await book(adapter);
      const total = (await direct(memoryAdapter(), {})).counts!.total;
      expect(total, "Alpha's book").to.be.at.least(400);
      await expect(el).to.be.accessible();
      const before = adapter.calls.listRegistrations;
      exportButton(el).click();
      exportButton(el).click();
      await until(() => saved.length === 1, 'the file');
      expect(adapter.calls.listRegistrations - before, 'requests').to.be.at.most(5);
      expect(saved[0]!.name).to.match(/^dealreg-expiring-soon-.*\.csv$/);
      const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
      expect([...bytes.slice(0, 3)], 'UTF-8 BOM').to.deep.equal([0xef, 0xbb, 0xbf]);
      const ids = (await saved[0]!.blob.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]!);
      expect(ids.length, 'every row').to.equal(total);
      expect(new Set(ids).size, 'each once').to.equal(total);
      await until(
        () => deepText(deepQuery(el, '[part~="export-status"]')!).includes(`CSV downloaded: ${total} rows.`),
        'the words',
      );
      await expect(el).to.be.accessible();
    });

    it('in French: Extend and its words, then a CSV split by ";" (its decimal comma: book-csv.test.ts), said in French', async () => {
      const adapter = counting(memoryAdapter());
      const el = await book(adapter, { locale: 'fr' });
      const row = rows(el)[0]!;
      const extend = deepQuery<HTMLButtonElement>(row, '[part~="extend-button"]')!;
      expect(extend.textContent).to.include('Prolonger la protection');
      extend.click();
      await until(() => deepText(el).includes('Protection prolongée jusqu’au'), 'the extension said in French');
      expect(adapter.calls.requestExtension, 'one POST').to.equal(1);
      await expect(el).to.be.accessible();
      expect(exportButton(el).textContent).to.include('Télécharger en CSV');
      exportButton(el).click();
      await until(() => saved.length === 1, 'the file');
      const [header, first] = (await saved[0]!.blob.text()).replace(/^\uFEFF/, '').split('\r\n');
      expect(header!.split(';').length, 'columns split by ";"').to.be.greaterThan(5);
      expect(first, 'the amount, its currency and the status in French').to.match(
        /;\d+(,\d+)?;EUR;.*;(Expire bientôt|Protégée);/,
      );
      await until(
        () => /CSV téléchargé : \d+ lignes\./.test(deepText(deepQuery(el, '[part~="export-status"]')!)),
        'the outcome in French',
      );
      await expect(el).to.be.accessible();
    });

    it('a page that fails says so with Retry, and Retry downloads the file', async () => {
      const real = memoryAdapter();
      let fail = true;
      const adapter = counting({
        ...real,
        listRegistrations: (query, o) =>
          query.limit === 100 && query.cursor && fail
            ? Promise.reject(new DealRegError('network'))
            : real.listRegistrations!(query, o),
      });
      const el = await book(adapter);
      await select(el, 'active');
      const operations: string[] = [];
      el.addEventListener('dealreg-error', (e) => operations.push(e.detail.operation));
      exportButton(el).click();
      await until(() => deepQuery(el, '.export [part~="retry-button"]'), 'the Retry');
      expect(saved).to.deep.equal([]);
      // The export's own operation: a host tells "the file failed" apart from "the book failed to load".
      expect(operations).to.deep.equal(['export-book']);
      expect(deepQuery(el, '.export [part~="error"]')!.getAttribute('data-code')).to.equal('network');
      await expect(el).to.be.accessible();
      fail = false;
      deepQuery<HTMLButtonElement>(el, '.export [part~="retry-button"]')!.click();
      await until(() => saved.length === 1, 'the file after Retry');
      expect(!!deepQuery(el, '.export [part~="error"]'), 'the error after Retry').to.equal(false);
    });
  });
});
