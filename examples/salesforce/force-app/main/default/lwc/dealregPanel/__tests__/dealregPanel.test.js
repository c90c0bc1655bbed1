// <c-dealreg-panel>: loads the static resource once, wires the HTTP adapter once (its token from
// Apex, one callout per token for every panel on the page), gives the panel its records, re-dispatches
// the panel's events under hyphen-free names, and shows a failed load.
import { createElement } from 'lwc';
import DealregPanel from 'c/dealregPanel';
import { loadScript } from 'lightning/platformResourceLoader';
import getPartnerToken from '@salesforce/apex/DealRegController.getPartnerToken';
import { defineFakePanel, fakeDealRegResource, flush, panelIn } from 'dealreg-test/fakeDealReg';
import { RENEW_MARGIN_MS, forgetPartnerToken } from 'c/dealregHost';

jest.mock('@salesforce/apex/DealRegController.getPartnerToken', () => ({ default: jest.fn() }), { virtual: true });

defineFakePanel();

function mount(props = {}) {
  const element = createElement('c-dealreg-panel', { is: DealregPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

describe('c-dealreg-panel', () => {
  let resource;

  beforeEach(() => {
    resource = fakeDealRegResource();
    loadScript.mockImplementation(() => resource.load());
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.restoreAllMocks();
    getPartnerToken.mockReset(); // answers a failed test did not use must not reach the next one
    delete window.DealReg;
    forgetPartnerToken(); // the cache is the page's: each test starts a new page
  });

  /** The getToken of every adapter the panels on the page were given. */
  const tokenGetters = () => window.DealReg.createHttpAdapter.mock.calls.map(([options]) => options.getToken);

  /** Date.now() reads `clock.now`. */
  function fakeClock() {
    const clock = { now: Date.UTC(2017, 1, 14, 9) };
    jest.spyOn(Date, 'now').mockImplementation(() => clock.now);
    return clock;
  }

  it('loads the static resource, then shows the panel for the account it was given', async () => {
    const element = mount({ accountId: '001000000000001AAA', locale: 'fr' });
    await flush();
    expect(loadScript).toHaveBeenCalledTimes(1);
    expect(loadScript.mock.calls[0][1]).toContain('dealreg');
    const panel = panelIn(element);
    expect(panel).not.toBeNull();
    expect(panel.accountId).toBe('001000000000001AAA');
    expect(panel.locale).toBe('fr');
  });

  it('with records, shows the panel for them, wired again when shown anew; without records or an account, the spinner', async () => {
    const element = mount({ locale: 'en' });
    await flush();
    expect(panelIn(element)).toBeNull();
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    const records = { account: { id: '001A', name: 'Nextgen Logistics', country: 'FR' }, opportunities: [] };
    element.records = records;
    await flush();
    const panel = panelIn(element);
    expect(panel.records).toStrictEqual(records);
    expect(panel.records).not.toBe(records); // a copy: the panel may keep it, the host may replace its own
    const next = { ...records, opportunities: [] };
    element.records = next;
    await flush();
    expect(panel.records).toStrictEqual(next);
    expect(panel.adapterSets).toBe(1);

    // Records taken away, then given again: the panel shown anew gets the adapter and is listened to.
    element.records = undefined;
    await flush();
    expect(panelIn(element)).toBeNull();
    element.records = records;
    await flush();
    const shownAgain = panelIn(element);
    expect(shownAgain).not.toBe(panel);
    expect(shownAgain.adapter).toBe(resource.adapter);
    const heard = [];
    element.addEventListener('extended', (event) => heard.push(event.detail));
    shownAgain.fire('dealreg-extended', { registration: { id: 'reg-1' } });
    expect(heard).toEqual([{ registration: { id: 'reg-1' } }]);
  });

  it('wires one HTTP adapter, once, whose token comes from Apex', async () => {
    getPartnerToken.mockResolvedValueOnce({ token: 'token-1', expiresIn: 300 });
    const element = mount({ accountId: '001A', apiBaseUrl: 'https://api.vendor.example/v' });
    await flush();
    element.accountId = '001B';
    element.locale = 'en';
    await flush();
    expect(window.DealReg.createHttpAdapter).toHaveBeenCalledTimes(1);
    const panel = panelIn(element);
    expect(panel.adapterSets).toBe(1);
    expect(panel.adapter).toBe(resource.adapter);
    expect(panel.accountId).toBe('001B');
    const { baseUrl, getToken } = window.DealReg.createHttpAdapter.mock.calls[0][0];
    expect(baseUrl).toBe('https://api.vendor.example/v');
    await expect(getToken()).resolves.toBe('token-1');
    expect(getPartnerToken).toHaveBeenCalledTimes(1);
  });

  it('two panels and ten requests cost one Apex callout; past its expiry less the margin, a new one', async () => {
    const clock = fakeClock();
    getPartnerToken
      .mockResolvedValueOnce({ token: 'token-1', expiresIn: 300 })
      .mockResolvedValueOnce({ token: 'token-2', expiresIn: 300 });
    mount({ accountId: '001A' });
    mount({ accountId: '001B' });
    await flush();
    const getters = tokenGetters();
    expect(getters).toHaveLength(2);
    // Five at once, while the callout is under way, then five one after another.
    const atOnce = await Promise.all([0, 1, 2, 3, 4].map((i) => getters[i % 2]()));
    const inTurn = [];
    for (let i = 0; i < 5; i += 1) {
      clock.now += 1000;
      inTurn.push(await getters[i % 2]());
    }
    expect([...atOnce, ...inTurn]).toEqual(Array(10).fill('token-1'));
    expect(getPartnerToken).toHaveBeenCalledTimes(1);

    const renewAt = Date.UTC(2017, 1, 14, 9) + 300 * 1000 - RENEW_MARGIN_MS;
    clock.now = renewAt - 1;
    await expect(getters[0]()).resolves.toBe('token-1');
    expect(getPartnerToken).toHaveBeenCalledTimes(1);
    clock.now = renewAt;
    await expect(getters[1]()).resolves.toBe('token-2');
    await expect(getters[0]()).resolves.toBe('token-2');
    expect(getPartnerToken).toHaveBeenCalledTimes(2);
  });

  it('a failed callout, a token of unstated lifetime and a token the vendor refused are not reused', async () => {
    fakeClock();
    getPartnerToken
      .mockRejectedValueOnce(new Error('the vendor could not be reached'))
      .mockResolvedValueOnce({ token: 'token-1', expiresIn: null })
      .mockResolvedValueOnce({ token: 'token-2', expiresIn: 300 })
      .mockResolvedValueOnce({ token: 'token-3', expiresIn: 300 });
    const element = mount({ accountId: '001A' });
    await flush();
    const [getToken] = tokenGetters();
    await expect(getToken()).rejects.toThrow('the vendor could not be reached');
    await expect(getToken()).resolves.toBe('token-1');
    await expect(getToken()).resolves.toBe('token-2');
    await expect(getToken()).resolves.toBe('token-2');
    expect(getPartnerToken).toHaveBeenCalledTimes(3);
    const unauthorized = Object.assign(new Error('unauthorized'), { code: 'unauthorized', status: 401, retryable: false });
    element.addEventListener('error', () => {});
    panelIn(element).fire('dealreg-error', { operation: 'load-overview', error: unauthorized });
    await expect(getToken()).resolves.toBe('token-3');
    expect(getPartnerToken).toHaveBeenCalledTimes(4);
  });

  it('without an API base URL it uses the documented default', async () => {
    mount({ accountId: '001A' });
    await flush();
    expect(window.DealReg.createHttpAdapter.mock.calls[0][0].baseUrl).toBe('https://partners.vendor.example/api');
  });

  it('re-dispatches the four panel events under hyphen-free names, with plain details', async () => {
    const element = mount({ accountId: '001A' });
    await flush();
    const heard = [];
    for (const name of ['registered', 'quoterequested', 'extended', 'error']) {
      element.addEventListener(name, (event) => heard.push([name, event.detail]));
    }
    const panel = panelIn(element);
    const registration = { id: 'reg-1', status: 'approved', protectedUntil: '2017-05-15', reasons: [] };
    panel.fire('dealreg-registered', { accountId: '001A', registration });
    panel.fire('dealreg-quote-requested', { registrationId: 'reg-1', quote: { id: 'q-1', status: 'submitted' } });
    panel.fire('dealreg-extended', { registration });
    const error = Object.assign(new Error('rate-limited'), {
      code: 'rate-limited',
      status: 429,
      detail: 'slow down',
      retryable: true,
      stack: 'x',
    });
    panel.fire('dealreg-error', { operation: 'request-quote', error });
    expect(heard).toEqual([
      ['registered', { accountId: '001A', registration }],
      ['quoterequested', { registrationId: 'reg-1', quote: { id: 'q-1', status: 'submitted' } }],
      ['extended', { registration }],
      [
        'error',
        { operation: 'request-quote', error: { code: 'rate-limited', status: 429, detail: 'slow down', retryable: true } },
      ],
    ]);
  });

  it('a failed load shows a message instead of the panel, and no adapter', async () => {
    loadScript.mockRejectedValue(new Error('resource missing'));
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    const element = mount({ accountId: '001A' });
    await flush();
    expect(panelIn(element)).toBeNull();
    const alert = element.shadowRoot.querySelector('[role="alert"]');
    expect(alert.textContent).toBe('The opportunity-protection panel could not be loaded.');
    expect(alert.textContent).not.toContain('resource missing');
    spy.mockRestore();
  });
});
