// The Account record page component: the dealreg panel for this account (recordId → account-id),
// with a toast for each outcome. It binds the wrapper's hyphen-free events in its template.
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LANG from '@salesforce/i18n/lang';
import { cardTitle, toastFor } from './toasts';

export default class DealregAccountPanel extends LightningElement {
  /** The Account id, from the record page. */
  @api recordId;
  /** Set in Lightning App Builder (the component's properties). */
  @api apiBaseUrl;

  locale = typeof LANG === 'string' && LANG.toLowerCase().startsWith('fr') ? 'fr' : 'en';

  get title() {
    return cardTitle(this.locale);
  }

  handleRegistered(event) {
    this.toast('registered', event.detail);
  }

  handleQuoteRequested(event) {
    this.toast('quoterequested', event.detail);
  }

  handleExtended(event) {
    this.toast('extended', event.detail);
  }

  handleError(event) {
    this.toast('error', event.detail);
  }

  toast(name, detail) {
    const toast = toastFor(name, detail, this.locale);
    if (toast) this.dispatchEvent(new ShowToastEvent(toast));
  }
}
