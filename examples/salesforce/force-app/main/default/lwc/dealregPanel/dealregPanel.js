// <c-dealreg-panel>: the dealreg panel for any LWC, given the CRM's records (or, without a CRM behind
// it, a vendor account id). It loads the static resource (once per page), gives the panel an HTTP
// adapter whose token comes from Apex, and re-dispatches the panel's events under hyphen-free names
// (registered, quoterequested, extended, error) so a parent binds them in its template. The token
// is minted by DealRegController through a Named Credential (no secret in the browser bundle), one
// callout per token for every dealreg component on the page (c/dealregHost, shared with the book).
import { LightningElement, api } from 'lwc';
import { listenTo, loadAdapter } from 'c/dealregHost';

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
    this.adapter = await loadAdapter(this, this.apiBaseUrl);
    this.ready = Boolean(this.adapter);
    if (!this.ready) this.loadError = 'The opportunity-protection panel could not be loaded.';
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
    listenTo(panel, (name, detail) => this.dispatchEvent(new CustomEvent(name, { detail })));
  }
}
