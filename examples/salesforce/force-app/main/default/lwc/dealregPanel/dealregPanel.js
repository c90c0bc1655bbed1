// <c-dealreg-panel>: the dealreg panel for any LWC, given the CRM's records (or, without a CRM behind
// it, a vendor account id). It loads the static resource (once per page), gives the panel an HTTP
// adapter whose token comes from Apex, and re-dispatches the panel's events under hyphen-free names
// (registered, quoterequested, extended, error) so a parent binds them in its template. The token
// is minted by DealRegController through a Named Credential (no secret in the browser bundle), one
// callout per token for every panel on the page (partnerToken.js).
import { LightningElement, api } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import DEALREG from '@salesforce/resourceUrl/dealreg';
import { EVENT_NAMES, plainDetail } from './events';
import { forgetPartnerToken, partnerToken } from './partnerToken';

const DEFAULT_API_BASE_URL = 'https://partners.vendor.example/api';

export default class DealregPanel extends LightningElement {
  /** The vendor's account to show, for a host without CRM records. With `records`, not needed. */
  @api accountId;

  /**
   * The CRM's records ({ account, opportunities }): the panel's deals are these opportunities.
   * LWC hands an object to a child as a read-only proxy; the panel is given a plain copy, which it
   * may keep and clone. Replace the object to change it: a new one is what tells the panel.
   */
  @api
  get records() {
    return this.plainRecords;
  }
  set records(value) {
    this.plainRecords = value ? JSON.parse(JSON.stringify(value)) : undefined;
  }
  /** `en` or `fr`; without it the panel follows the page's language. */
  @api locale;
  /** The vendor's REST base URL; its origin must be a CSP Trusted Site (connect-src). */
  @api apiBaseUrl;

  ready = false;
  plainRecords;
  loadError;
  adapter;
  /** The <dealreg-panel> given the adapter and listened to: a new one (shown again) is wired again. */
  wiredPanel;

  async connectedCallback() {
    if (this.adapter) return; // moved in the page: already loaded
    try {
      // dist/dealreg.closed.js: defines the dealreg-* elements (closed shadow roots) and the global DealReg.
      await loadScript(this, DEALREG);
      this.adapter = window.DealReg.createHttpAdapter({
        baseUrl: this.apiBaseUrl || DEFAULT_API_BASE_URL,
        // Asked on every request: the cached token until shortly before it expires, then a new one.
        getToken: partnerToken,
      });
      this.ready = true;
    } catch (error) {
      // The cause (a script error, an Apex message) stays out of the page: it is logged only.
      console.error('dealreg: the panel could not be loaded', error);
      this.loadError = 'The opportunity-protection panel could not be loaded.';
    }
  }

  /** Shown once loaded and given something to show: until the records are read, the spinner stays. */
  get showPanel() {
    return this.ready && Boolean(this.plainRecords || this.accountId);
  }

  renderedCallback() {
    const panel = this.template.querySelector('dealreg-panel');
    if (!panel || panel === this.wiredPanel) return;
    this.wiredPanel = panel;
    // The adapter goes in as a property, once: the template sets account-id, records and locale.
    panel.adapter = this.adapter;
    for (const [from, to] of EVENT_NAMES) {
      panel.addEventListener(from, (event) => {
        const detail = plainDetail(event);
        // The vendor refused the token (revoked, or its clock disagrees): the next request gets a new one.
        if (to === 'error' && detail.error.code === 'unauthorized') forgetPartnerToken();
        this.dispatchEvent(new CustomEvent(to, { detail }));
      });
    }
  }
}
