// <c-dealreg-panel>: the dealreg panel for any LWC. It loads the static resource (once per page),
// gives the panel an HTTP adapter whose token comes from Apex, and re-dispatches the panel's events
// under hyphen-free names (registered, quoterequested, extended, error) so a parent binds them in
// its template. The token is minted by DealRegController through a Named Credential (no secret in the
// browser bundle), one callout per token for every panel on the page (partnerToken.js).
import { LightningElement, api } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import DEALREG from '@salesforce/resourceUrl/dealreg';
import { EVENT_NAMES, plainDetail } from './events';
import { forgetPartnerToken, partnerToken } from './partnerToken';

const DEFAULT_API_BASE_URL = 'https://partners.vendor.example/api';

export default class DealregPanel extends LightningElement {
  /** The account to show (on a record page: the record id). */
  @api accountId;
  /** `en` or `fr`; without it the panel follows the page's language. */
  @api locale;
  /** The vendor's REST base URL; its origin must be a CSP Trusted Site (connect-src). */
  @api apiBaseUrl;

  ready = false;
  loadError;
  adapter;
  wired = false;

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

  renderedCallback() {
    if (this.wired) return;
    const panel = this.template.querySelector('dealreg-panel');
    if (!panel) return;
    this.wired = true;
    // An object goes in as a property, once: the template only sets account-id and locale.
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
