// The rep's book on a Lightning Home or App page: this partner's registrations across all its
// accounts (<dealreg-book>), with the panel's static resource, adapter and Apex token (c/dealregHost:
// one callout per token for every dealreg component on the page), its actions' outcomes toasted as
// the record pages toast them, and each row's record opened in Salesforce (opening.js says which).
//
// A row's deal links to `/lightning/r/Opportunity/{partnerOpportunityId}/view` (record-href), so it
// is a real link: Ctrl/⌘-click, Shift-click, the middle button and the context menu open it in a new
// tab or window. A plain click is cancelled and goes through NavigationMixin instead, which keeps the
// app's own navigation (a console app opens a workspace tab; no page reload). The element tells
// dealreg-open-record from within the link's click, so a capturing click listener on the element
// sees the modifier keys first (the link itself is in its closed shadow root).
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { USER_LOCALE, listenTo, loadAdapter, toastFor } from 'c/dealregHost';
import { bookText } from './messages';
import { openingOf } from './opening';

const RECORD_HREF = '/lightning/r/Opportunity/{partnerOpportunityId}/view';

export default class DealregBook extends NavigationMixin(LightningElement) {
  /** Set in Lightning App Builder: the vendor's REST base URL, its origin a CSP Trusted Site. */
  @api apiBaseUrl;

  locale = USER_LOCALE;
  recordHref = RECORD_HREF;
  ready = false;
  loadError;
  adapter;
  /** The <dealreg-book> given the adapter and listened to: a new one is wired again. */
  wiredBook;
  /** Whether the click under way asks for a new tab or window. */
  newTab = false;

  get text() {
    return bookText(this.locale);
  }

  async connectedCallback() {
    if (this.adapter) return; // moved in the page: already loaded
    this.adapter = await loadAdapter(this, this.apiBaseUrl);
    this.ready = Boolean(this.adapter);
    if (!this.ready) this.loadError = this.text.loadFailed;
  }

  renderedCallback() {
    const book = this.template.querySelector('dealreg-book');
    if (!book || book === this.wiredBook) return;
    this.wiredBook = book;
    // The adapter goes in as a property, once: the template sets record-href and locale.
    book.adapter = this.adapter;
    listenTo(book, (name, detail) => {
      const toast = toastFor(name, detail, this.locale);
      if (toast) this.dispatchEvent(new ShowToastEvent(toast));
    });
    book.addEventListener(
      'click',
      (event) => {
        this.newTab = event.ctrlKey || event.metaKey || event.shiftKey;
      },
      { capture: true },
    );
    book.addEventListener('dealreg-open-record', (event) => this.openRecord(event));
  }

  openRecord(event) {
    const { page, cancel } = openingOf(event.detail, { newTab: this.newTab });
    if (cancel) event.preventDefault();
    if (page) this[NavigationMixin.Navigate](page);
  }
}
