// Test helpers for the LWC jest tests, imported as `dealreg-test/fakeDealReg` (jest.config.js maps
// it; outside force-app, so never deployed): stand-ins for the static resource (dist/dealreg.closed.js),
// for <dealreg-panel> and for the Apex wire that reads the CRM records. jsdom cannot run the real
// bundle's closed shadow roots and adopted stylesheets; the real bundle is tested in Chromium by the
// repo's own suites.
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import { loadScript } from 'lightning/platformResourceLoader';

/** Defines a <dealreg-panel> that records how it was wired and can fire the panel's events. */
export function defineFakePanel() {
  if (customElements.get('dealreg-panel')) return;
  class FakeDealRegPanel extends HTMLElement {
    constructor() {
      super();
      this.adapterSets = 0;
      this._adapter = undefined;
      // Like the real element: these are properties, so LWC sets them as properties.
      this.accountId = '';
      this.records = undefined;
      this.locale = undefined;
    }
    get adapter() {
      return this._adapter;
    }
    set adapter(value) {
      this.adapterSets += 1;
      this._adapter = value;
    }
    fire(type, detail) {
      const event = new Event(type, { bubbles: true, composed: true });
      event.detail = detail;
      this.dispatchEvent(event);
    }
  }
  customElements.define('dealreg-panel', FakeDealRegPanel);
}

/** What loading the static resource does: window.DealReg with createHttpAdapter. */
export function fakeDealRegResource() {
  const adapter = { getAccountOverview: jest.fn() };
  return {
    adapter,
    load() {
      window.DealReg = { createHttpAdapter: jest.fn(() => adapter) };
      return Promise.resolve();
    },
  };
}

/** The <dealreg-panel> inside an element that hosts one (at any depth of LWC shadow roots). */
export function panelIn(element) {
  const root = element.shadowRoot;
  const direct = root.querySelector('dealreg-panel');
  if (direct) return direct;
  const wrapper = root.querySelector('c-dealreg-panel');
  return wrapper ? wrapper.shadowRoot.querySelector('dealreg-panel') : null;
}

/** Lets the resource load, LWC re-render and renderedCallback run. */
export async function flush() {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The module jest puts in place of an Apex method used with @wire: `emit(data)`, `error(body)`. */
export function apexWireModule() {
  return { default: createApexTestWireAdapter(jest.fn()) };
}

/** Each test on a new record page: the static resource loads the stand-in; afterwards the page is emptied and every mock reset. */
export function eachTestOnANewPage() {
  beforeEach(() => {
    const resource = fakeDealRegResource();
    loadScript.mockImplementation(() => resource.load());
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.restoreAllMocks();
    delete window.DealReg;
  });
}
