// <c-dealreg-panel>: loads the static resource once, wires the HTTP adapter once (its token from
// Apex), re-dispatches the panel's events under hyphen-free names, and shows a failed load.
import { createElement } from 'lwc';
import DealregPanel from 'c/dealregPanel';
import { loadScript } from 'lightning/platformResourceLoader';
import getPartnerToken from '@salesforce/apex/DealRegController.getPartnerToken';
import { defineFakePanel, fakeDealRegResource, flush, panelIn } from 'dealreg-test/fakeDealReg';

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
    delete window.DealReg;
  });

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

  it('wires one HTTP adapter, once, whose token comes from Apex on every request', async () => {
    getPartnerToken.mockResolvedValueOnce('token-1').mockResolvedValueOnce('token-2');
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
    await expect(getToken()).resolves.toBe('token-2');
    expect(getPartnerToken).toHaveBeenCalledTimes(2);
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
