// The Account record page component: it reads the account and its opportunities with their lines
// through Apex (the identifier fields set in App Builder), gives them to the panel as its records,
// says in the card why a read failed, reads again when the page refreshes, and toasts each outcome.
import { types } from 'node:util';
import { createElement } from 'lwc';
import DealregAccountPanel from 'c/dealregAccountPanel';
import { loadScript } from 'lightning/platformResourceLoader';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import { refreshApex } from '@salesforce/apex';
import getCrmRecords from '@salesforce/apex/DealRegCrmRecords.getCrmRecords';
import { defineFakePanel, eachTestOnANewPage, flush, panelIn } from 'dealreg-test/fakeDealReg';
import { accountReading, accountRecords } from 'dealreg-test/crmReadings';

jest.mock('@salesforce/apex/DealRegController.getPartnerToken', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
  '@salesforce/apex/DealRegCrmRecords.getCrmRecords',
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a factory runs before the imports are bound
  () => require('dealreg-test/fakeDealReg').apexWireModule(),
  { virtual: true },
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

defineFakePanel();

const { isProxy } = types;

const APP_BUILDER = { sirenField: 'Account.SIREN__c', vatNumberField: 'VAT_Number__c', dunsField: 'Account.DUNS__c' };

/** Mounts the component; with `reading`, Apex answers it. */
async function mount(props, reading = accountReading()) {
  const element = createElement('c-dealreg-account-panel', { is: DealregAccountPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  const toasts = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));
  if (reading) getCrmRecords.emit(reading);
  await flush();
  return { element, toasts, panel: panelIn(element) };
}

const alertIn = (element) => element.shadowRoot.querySelector('[role="alert"]');

describe('c-dealreg-account-panel', () => {
  eachTestOnANewPage();

  it('reads the account with the identifier fields set in App Builder, and gives the panel its records, not an account id', async () => {
    const { panel } = await mount({ recordId: '001A', ...APP_BUILDER });
    expect(getCrmRecords.getLastConfig()).toEqual({
      recordId: '001A',
      sirenField: 'Account.SIREN__c',
      vatNumberField: 'VAT_Number__c',
      dunsField: 'Account.DUNS__c',
    });
    // Multi-line, won and lost deals; the amounts in the user's currency (USD in jest) in a single-currency org.
    expect(panel.records).toStrictEqual(accountRecords('USD'));
    expect(isProxy(panel.records)).toBe(false); // plain data, not LWC's read-only proxy of the parent's object
    expect(panel.accountId).toBe(''); // never set: the records name the account
  });

  it('sends an unset identifier field as blank, so Apex is still called', async () => {
    await mount({ recordId: '001A', sirenField: 'Account.SIREN__c' });
    expect(getCrmRecords.getLastConfig()).toEqual({
      recordId: '001A',
      sirenField: 'Account.SIREN__c',
      vatNumberField: '',
      dunsField: '',
    });
  });

  it('shows the spinner, not the panel, until the records are read', async () => {
    const { element, panel } = await mount({ recordId: '001A' }, null);
    expect(panel).toBeNull();
    const wrapper = element.shadowRoot.querySelector('c-dealreg-panel');
    expect(wrapper.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    getCrmRecords.emit(accountReading());
    await flush();
    expect(panelIn(element).records.account.id).toBe('001A');
  });

  it('gives the amounts the currency set in App Builder when the org has one currency', async () => {
    const { panel } = await mount({ recordId: '001A', currency: 'EUR' });
    expect(panel.records).toStrictEqual(accountRecords('EUR'));
  });

  it('leaves out what field-level security hid, and a line whose product has no code keeps no SKU', async () => {
    const reading = accountReading();
    reading.dunsField = null; // not readable by this user: Apex answers no field name
    delete reading.account.Website;
    delete reading.opportunities[1].Amount;
    reading.lines[1].Product2 = { Family: 'Services', Name: 'Installation services' };
    reading.lines[2] = { Id: '00kW1', OpportunityId: '006W', Quantity: 12 }; // Product2 not readable
    const { panel } = await mount({ recordId: '001A', ...APP_BUILDER }, reading);
    const expected = accountRecords('USD');
    delete expected.account.duns;
    delete expected.account.website;
    delete expected.opportunities[1].amount;
    expected.opportunities[0].lines[1] = { family: 'Services', quantity: 1, description: 'Installation services' };
    expected.opportunities[1].lines = [{ quantity: 12 }];
    expect(panel.records).toStrictEqual(expected);
  });

  it('follows the page to another account: new records, the same adapter', async () => {
    const { element } = await mount({ recordId: '001A' });
    const before = panelIn(element).records;
    element.recordId = '001B';
    await flush();
    expect(getCrmRecords.getLastConfig().recordId).toBe('001B');
    const other = accountReading();
    other.account = { Id: '001B', Name: 'Dormant Industries', BillingCountryCode: 'FR' };
    other.opportunities = [];
    getCrmRecords.emit(other);
    await flush();
    const panel = panelIn(element);
    expect(panel.records).toStrictEqual({
      account: { id: '001B', name: 'Dormant Industries', country: 'FR' },
      opportunities: [],
    });
    expect(before.account.id).toBe('001A'); // the host replaced the object, it did not change it
    expect(window.DealReg.createHttpAdapter).toHaveBeenCalledTimes(1);
    expect(panel.adapterSets).toBe(1);
  });

  it('reads the records again when the page refreshes its view, and gives the panel a new object', async () => {
    const { element, panel } = await mount({ recordId: '001A' });
    expect(registerRefreshHandler).toHaveBeenCalledTimes(1); // once, on connect
    const [component, handler] = registerRefreshHandler.mock.calls[0];
    await expect(handler.call(component)).resolves.toBe(true);
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(refreshApex.mock.calls[0][0].data).toEqual(accountReading());

    const first = panel.records;
    const changed = accountReading();
    changed.opportunities[0].Amount = 190000;
    getCrmRecords.emit(changed);
    await flush();
    expect(panel.records).not.toBe(first);
    expect(panel.records.opportunities[0].amount).toStrictEqual({ value: 190000, currency: 'USD' });

    const id = registerRefreshHandler.mock.results[0].value;
    document.body.removeChild(element);
    expect(unregisterRefreshHandler).toHaveBeenCalledWith(id);
  });

  it('says in the card why the records could not be read, and shows no panel', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    const { element } = await mount({ recordId: '001A' }, null);
    getCrmRecords.error({ message: 'no-access' });
    await flush();
    expect(panelIn(element)).toBeNull();
    expect(element.shadowRoot.querySelector('c-dealreg-panel')).toBeNull();
    expect(alertIn(element).textContent).toBe(
      'You cannot read this account’s opportunities and their products. Ask your Salesforce administrator for read ' +
        'access to accounts, opportunities, opportunity products and products.',
    );

    getCrmRecords.error({ message: 'unknown-field:Account.SIRN__c' });
    await flush();
    expect(alertIn(element).textContent).toBe(
      'Account.SIRN__c, set for this component in Lightning App Builder, is not an Account field. ' +
        'Ask your Salesforce administrator to correct it.',
    );

    // An unexpected failure: the general sentence, the details in the console only.
    getCrmRecords.error();
    await flush();
    expect(alertIn(element).textContent).toBe(
      'The account and its opportunities could not be read from Salesforce. Reload the page to try again.',
    );
    expect(alertIn(element).textContent).not.toContain('internal server error');
    expect(spy).toHaveBeenCalledTimes(3);

    // Read again (the page refreshed): the panel comes back.
    getCrmRecords.emit(accountReading());
    await flush();
    expect(alertIn(element)).toBeNull();
    expect(panelIn(element).records.account.id).toBe('001A');
  });

  it('passes the API base URL set in App Builder', async () => {
    await mount({ recordId: '001A', apiBaseUrl: 'https://eu.vendor.example/api' });
    expect(window.DealReg.createHttpAdapter.mock.calls[0][0].baseUrl).toBe('https://eu.vendor.example/api');
  });

  it('toasts an approved and a rejected registration, a quote request and an extension', async () => {
    const { panel, toasts } = await mount({ recordId: '001A' });
    panel.fire('dealreg-registered', {
      accountId: '001A',
      registration: { status: 'approved', protectedUntil: '2017-05-15', reasons: [] },
    });
    panel.fire('dealreg-registered', { accountId: '001A', registration: { status: 'rejected', reasons: ['already-protected'] } });
    panel.fire('dealreg-quote-requested', { registrationId: 'reg-1', quote: { id: 'q-1', status: 'submitted' } });
    panel.fire('dealreg-extended', { registration: { status: 'approved', protectedUntil: '2017-06-14' } });
    expect(toasts).toEqual([
      { title: 'Opportunity protected', message: 'Protected until 2017-05-15.', variant: 'success' },
      { title: 'Registration rejected', message: 'already-protected', variant: 'warning' },
      {
        title: 'Restricted quote requested',
        message: 'You will see the quote here once the vendor has answered.',
        variant: 'success',
      },
      { title: 'Protection extended', message: 'Protected until 2017-06-14.', variant: 'success' },
    ]);
  });

  it('toasts a failed action, but not a failed load or invalid records the panel already shows in place', async () => {
    const { panel, toasts } = await mount({ recordId: '001A' });
    panel.fire('dealreg-error', { operation: 'load-overview', error: { code: 'offline' } });
    panel.fire('dealreg-error', { operation: 'read-records', error: { code: 'invalid-records' } });
    panel.fire('dealreg-error', { operation: 'request-quote', error: { code: 'quote-already-open', status: 409 } });
    expect(toasts).toEqual([
      { title: 'The action did not go through', message: 'Reason: quote-already-open.', variant: 'error' },
    ]);
  });

  it('shows the load failure in the card when the static resource does not load', async () => {
    loadScript.mockRejectedValue(new Error('404'));
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const { element, panel } = await mount({ recordId: '001A' });
    expect(panel).toBeNull();
    const wrapper = element.shadowRoot.querySelector('c-dealreg-panel');
    expect(wrapper.shadowRoot.querySelector('[role="alert"]').textContent).toBe(
      'The opportunity-protection panel could not be loaded.',
    );
  });
});
