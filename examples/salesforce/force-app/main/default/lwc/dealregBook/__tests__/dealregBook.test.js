// The book on a Home or App page: the static resource loaded and the adapter wired with the Apex token
// the panels share, links to the rows' Opportunities, each row opened through NavigationMixin when
// Salesforce knows its deal (and nothing opened otherwise), the actions' outcomes toasted, a failed
// load said in the card, and the App Builder targets it is offered on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'lwc';
import DealregBook from 'c/dealregBook';
import { partnerToken } from 'c/dealregHost';
import { loadScript } from 'lightning/platformResourceLoader';
import { navigate } from 'lightning/navigation';
import { bookIn, defineFakeBook, eachTestOnANewPage, flush } from 'dealreg-test/fakeDealReg';

jest.mock('@salesforce/apex/DealRegController.getPartnerToken', () => ({ default: jest.fn() }), { virtual: true });

defineFakeBook();

async function mount(props = {}) {
  const element = createElement('c-dealreg-book', { is: DealregBook });
  Object.assign(element, props);
  document.body.appendChild(element);
  const toasts = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));
  await flush();
  return { element, toasts, book: bookIn(element) };
}

/** An 18-character Opportunity id, and the link record-href makes of a CRM id. */
const OPPORTUNITY_ID = '006Wk00000AbCdEIAV';
const linkTo = (id) => `/lightning/r/Opportunity/${id}/view`;

/** dealreg-open-record's detail for a row. */
const row = (ids) => ({ registrationId: 'reg-1', accountId: 'acc-book-001', partnerOpportunityId: null, href: null, ...ids });

const opportunityPage = (recordId) => ({
  type: 'standard__recordPage',
  attributes: { recordId, objectApiName: 'Opportunity', actionName: 'view' },
});

describe('c-dealreg-book', () => {
  eachTestOnANewPage();

  it('shows a spinner while the static resource loads, then the book with the adapter, the Apex token, Opportunity links and the user’s language', async () => {
    let loaded;
    const load = loadScript.getMockImplementation();
    loadScript.mockImplementation(() => new Promise((resolve) => (loaded = resolve)).then(load));
    const { element } = await mount();
    expect(bookIn(element)).toBeNull();
    expect(element.shadowRoot.querySelector('lightning-spinner').alternativeText).toBe('Loading your registered deals');
    loaded();
    await flush();

    const book = bookIn(element);
    expect(loadScript).toHaveBeenCalledTimes(1);
    expect(loadScript.mock.calls[0][1]).toContain('dealreg');
    const { createHttpAdapter } = window.DealReg;
    expect(createHttpAdapter).toHaveBeenCalledTimes(1);
    const [{ baseUrl, getToken }] = createHttpAdapter.mock.calls[0];
    expect(baseUrl).toBe('https://partners.vendor.example/api');
    expect(getToken).toBe(partnerToken); // the panels' cache: one callout per token for the whole page
    expect(book.adapter).toBe(createHttpAdapter.mock.results[0].value);
    expect(book.adapterSets).toBe(1);
    expect(book.recordHref).toBe('/lightning/r/Opportunity/{partnerOpportunityId}/view');
    expect(book.accountHref).toBe(''); // the vendor's account id names no Account here
    expect(book.locale).toBe('en');
    expect(element.shadowRoot.querySelector('lightning-card').title).toBe('My registered deals');
  });

  it('passes the API base URL set in App Builder', async () => {
    await mount({ apiBaseUrl: 'https://eu.vendor.example/api' });
    expect(window.DealReg.createHttpAdapter.mock.calls[0][0].baseUrl).toBe('https://eu.vendor.example/api');
  });

  it('opens a row registered from Salesforce on its Opportunity page through NavigationMixin, and the element follows no link', async () => {
    const { book } = await mount();
    const { opened, click } = book.clickRecord(row({ partnerOpportunityId: OPPORTUNITY_ID, href: linkTo(OPPORTUNITY_ID) }));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(opportunityPage(OPPORTUNITY_ID), undefined);
    expect(opened.defaultPrevented).toBe(true);
    expect(click.defaultPrevented).toBe(true);

    book.clickRecord(row({ partnerOpportunityId: '006Wk00000AbCdE', href: linkTo('006Wk00000AbCdE') })); // a 15-character id
    expect(navigate).toHaveBeenLastCalledWith(opportunityPage('006Wk00000AbCdE'), undefined);
  });

  it('leaves a Ctrl, ⌘ or Shift click to the browser, which opens the link in a new tab or window', async () => {
    const { book } = await mount();
    const detail = row({ partnerOpportunityId: OPPORTUNITY_ID, href: linkTo(OPPORTUNITY_ID) });
    for (const key of ['ctrlKey', 'metaKey', 'shiftKey']) {
      const { opened, click } = book.clickRecord(detail, { [key]: true });
      expect([key, opened.defaultPrevented, click.defaultPrevented]).toEqual([key, false, false]);
    }
    expect(navigate).not.toHaveBeenCalled();
    book.clickRecord(detail); // a plain click again: the keys of the last click are not kept
    expect(navigate).toHaveBeenCalledWith(opportunityPage(OPPORTUNITY_ID), undefined);
  });

  it('opens no Account page for a row without a CRM id: its account id is the vendor’s, and the event goes on', async () => {
    const { book } = await mount();
    // Even shaped like an Account id, the vendor's id is no record of this org.
    for (const accountId of ['acc-book-001', '001Wk00000XyZabIAB']) {
      const { opened, click } = book.clickRecord(row({ accountId }));
      expect([accountId, opened.defaultPrevented, click.defaultPrevented]).toEqual([accountId, false, false]);
    }
    expect(navigate).not.toHaveBeenCalled();
  });

  it('opens nothing for a CRM id Salesforce does not know, and does not follow the link made of it', async () => {
    const { book } = await mount();
    // A deal typed into a panel without records, another CRM's id, an Account id, a truncated id.
    for (const id of ['typed-4f1c2a9e-0b7d-4c4e-9a51-2f0e1d3c5b6a', '1234567890', '001Wk00000XyZabIAB', '006Wk00000AbCd']) {
      const { opened, click } = book.clickRecord(row({ partnerOpportunityId: id, href: linkTo(id) }));
      expect([id, opened.defaultPrevented, click.defaultPrevented]).toEqual([id, true, true]);
      // Not even in a new tab: the link leads nowhere.
      expect(
        book.clickRecord(row({ partnerOpportunityId: id, href: linkTo(id) }), { ctrlKey: true }).click.defaultPrevented,
      ).toBe(true);
    }
    expect(navigate).not.toHaveBeenCalled();
  });

  it('toasts an extension, a quote request and a failed action, as the record pages do, but not a failed load', async () => {
    const { book, toasts } = await mount();
    book.fire('dealreg-extended', { registration: { status: 'approved', protectedUntil: '2017-06-14' } });
    book.fire('dealreg-quote-requested', { registrationId: 'reg-1', quote: { id: 'q-1', status: 'submitted' } });
    book.fire('dealreg-error', { operation: 'load-book', error: { code: 'network' } });
    book.fire('dealreg-error', { operation: 'extend', error: { code: 'extension-not-available', status: 409 } });
    expect(toasts).toEqual([
      { title: 'Protection extended', message: 'Protected until 2017-06-14.', variant: 'success' },
      {
        title: 'Restricted quote requested',
        message: 'You will see the quote here once the vendor has answered.',
        variant: 'success',
      },
      { title: 'The action did not go through', message: 'Reason: extension-not-available.', variant: 'error' },
    ]);
  });

  it('says in the card that the book could not be loaded when the static resource does not load', async () => {
    loadScript.mockRejectedValue(new Error('404'));
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const { element, book } = await mount();
    expect(book).toBeNull();
    const alert = element.shadowRoot.querySelector('[role="alert"]');
    expect(alert.textContent).toBe('Your registered deals could not be loaded. Reload the page to try again.');
    expect(alert.textContent).not.toContain('404');
  });

  it('is offered on Home and App pages only, with App Builder properties the component declares', () => {
    const xml = readFileSync(join(__dirname, '..', 'dealregBook.js-meta.xml'), 'utf8');
    const meta = new DOMParser().parseFromString(xml, 'application/xml');
    const texts = (selector) => [...meta.querySelectorAll(selector)].map((node) => node.textContent.trim());
    expect(meta.querySelector('parsererror')).toBeNull();
    expect(texts('isExposed')).toEqual(['true']);
    expect(texts('targets > target').sort()).toEqual(['lightning__AppPage', 'lightning__HomePage']);
    const configured = [...meta.querySelectorAll('targetConfig')].flatMap((config) => config.getAttribute('targets').split(','));
    expect(configured.sort()).toEqual(['lightning__AppPage', 'lightning__HomePage']);
    // App Builder checks each property against the @api of the bundle's own class.
    const element = createElement('c-dealreg-book', { is: DealregBook });
    const properties = [...meta.querySelectorAll('targetConfig > property')].map((property) => property.getAttribute('name'));
    expect(properties).toEqual(['apiBaseUrl']);
    for (const name of properties) expect([name, name in element]).toEqual([name, true]);
    expect('recordId' in element).toBe(false); // not every name: only the @api ones
  });
});
