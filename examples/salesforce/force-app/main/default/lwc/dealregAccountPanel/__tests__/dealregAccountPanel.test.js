// The Account record page component: the record id becomes the panel's account-id, the wrapper's
// hyphen-free events are bound in its template, and each outcome is a toast in the user's language.
import { createElement } from 'lwc';
import DealregAccountPanel from 'c/dealregAccountPanel';
import { loadScript } from 'lightning/platformResourceLoader';
import { defineFakePanel, fakeDealRegResource, flush, panelIn } from 'dealreg-test/fakeDealReg';

jest.mock('@salesforce/apex/DealRegController.getPartnerToken', () => ({ default: jest.fn() }), { virtual: true });

defineFakePanel();

async function mount(props) {
  const element = createElement('c-dealreg-account-panel', { is: DealregAccountPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  const toasts = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));
  await flush();
  return { element, toasts, panel: panelIn(element) };
}

describe('c-dealreg-account-panel', () => {
  beforeEach(() => {
    const resource = fakeDealRegResource();
    loadScript.mockImplementation(() => resource.load());
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    delete window.DealReg;
  });

  it('passes the record id to the panel as its account, and follows it to another record', async () => {
    const { element, panel } = await mount({ recordId: '001000000000001AAA' });
    expect(panel.accountId).toBe('001000000000001AAA');
    element.recordId = '001000000000002AAA';
    await flush();
    expect(panelIn(element).accountId).toBe('001000000000002AAA');
    expect(window.DealReg.createHttpAdapter).toHaveBeenCalledTimes(1);
    expect(panelIn(element).adapterSets).toBe(1);
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

  it('toasts a failed action, but not a failed load the panel already shows in place', async () => {
    const { panel, toasts } = await mount({ recordId: '001A' });
    panel.fire('dealreg-error', { operation: 'load-overview', error: { code: 'offline' } });
    panel.fire('dealreg-error', { operation: 'request-quote', error: { code: 'quote-already-open', status: 409 } });
    expect(toasts).toEqual([
      { title: 'The action did not go through', message: 'Reason: quote-already-open.', variant: 'error' },
    ]);
  });

  it('shows the load failure in the card when the static resource does not load', async () => {
    loadScript.mockRejectedValue(new Error('404'));
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    const { element, panel } = await mount({ recordId: '001A' });
    expect(panel).toBeNull();
    const wrapper = element.shadowRoot.querySelector('c-dealreg-panel');
    expect(wrapper.shadowRoot.querySelector('[role="alert"]').textContent).toBe(
      'The opportunity-protection panel could not be loaded.',
    );
    spy.mockRestore();
  });
});
