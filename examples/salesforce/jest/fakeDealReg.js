// Test helpers for the LWC jest tests, imported as `dealreg-test/fakeDealReg` (jest.config.js maps
// it; outside force-app, so never deployed): stand-ins for the static resource (dist/dealreg.closed.js),
// for <dealreg-panel> and <dealreg-book>, and for the Apex wire that reads the CRM records. jsdom
// cannot run the real bundle's closed shadow roots and adopted stylesheets; the real bundle is tested
// in Chromium by the repo's own suites.
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import { loadScript } from 'lightning/platformResourceLoader';

/** What the fake elements share: how often the adapter was set, and firing an element's event. */
class FakeDealRegElement extends HTMLElement {
  constructor() {
    super();
    this.adapterSets = 0;
    this._adapter = undefined;
    // Like the real elements: a property, so LWC sets it as a property.
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

/** Defines a <dealreg-panel> that records how it was wired and can fire the panel's events. */
export function defineFakePanel() {
  if (customElements.get('dealreg-panel')) return;
  class FakeDealRegPanel extends FakeDealRegElement {
    constructor() {
      super();
      this.accountId = '';
      this.records = undefined;
    }
  }
  customElements.define('dealreg-panel', FakeDealRegPanel);
}

/**
 * Defines a <dealreg-book> whose rows' links behave as the real one's: a click on a link in its
 * shadow root fires dealreg-open-record (cancellable) from the element, and a cancelled one cancels
 * the click, so the browser follows no link.
 */
export function defineFakeBook() {
  if (customElements.get('dealreg-book')) return;
  class FakeDealRegBook extends FakeDealRegElement {
    constructor() {
      super();
      this.recordHref = '';
      this.accountHref = '';
      this.attachShadow({ mode: 'open' });
    }
    /** Clicks a row's link (`click`: the MouseEvent's init, e.g. { ctrlKey: true }); answers both events. */
    clickRecord(detail, click = {}) {
      // No href: jsdom cannot navigate, and whether the click is cancelled is all that matters here.
      const link = document.createElement('a');
      let opened;
      link.addEventListener('click', (event) => {
        opened = new Event('dealreg-open-record', { bubbles: true, composed: true, cancelable: true });
        opened.detail = detail;
        if (!this.dispatchEvent(opened)) event.preventDefault();
      });
      this.shadowRoot.replaceChildren(link);
      const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ...click });
      link.dispatchEvent(event);
      return { opened, click: event };
    }
  }
  customElements.define('dealreg-book', FakeDealRegBook);
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

/** The <dealreg-book> a component renders. */
export function bookIn(element) {
  return element.shadowRoot.querySelector('dealreg-book');
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
