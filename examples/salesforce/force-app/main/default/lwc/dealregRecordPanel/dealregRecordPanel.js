// The dealreg panel on a record page, fed with the CRM's own records: the Account and its
// Opportunities with their product lines, or on an Opportunity page that one deal and its account.
// DealRegCrmRecords reads them (one cacheable Apex call, with sharing and field-level security),
// c/crmRecords maps them to the panel's records, and c-dealreg-panel shows them. Which Account fields
// hold the SIREN, VAT number and DUNS is set in Lightning App Builder. The card says in the user's
// words why a read failed, and a toast tells each outcome of the panel's actions.
//
// A base class, not exposed: dealregAccountPanel and dealregOpportunityPanel extend it and use its
// template, each on its object's record page. They declare the public properties this class reads
// (recordId, apiBaseUrl, sirenField, vatNumberField, dunsField, currency): the platform checks a
// bundle's App Builder properties against the @api of the bundle's own class, not inherited ones.
import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import USER_CURRENCY from '@salesforce/i18n/currency';
import getCrmRecords from '@salesforce/apex/DealRegCrmRecords.getCrmRecords';
import { crmRecordsFrom } from 'c/crmRecords';
import { USER_LOCALE, toastFor } from 'c/dealregHost';
import { cardTitle, readFailure } from './messages';

export default class DealregRecordPanel extends LightningElement {
  locale = USER_LOCALE;
  /** The panel's records, a new object on each read (the panel compares by identity). */
  records;
  readError;
  wiredReading;
  refreshHandlerId;

  // An undefined wire parameter keeps Apex from being called at all: an unset field goes as ''.
  get sirenFieldSetting() {
    return this.sirenField || '';
  }

  get vatNumberFieldSetting() {
    return this.vatNumberField || '';
  }

  get dunsFieldSetting() {
    return this.dunsField || '';
  }

  @wire(getCrmRecords, {
    recordId: '$recordId',
    sirenField: '$sirenFieldSetting',
    vatNumberField: '$vatNumberFieldSetting',
    dunsField: '$dunsFieldSetting',
  })
  receiveReading(result) {
    this.wiredReading = result;
    const { data, error } = result;
    if (error) {
      // The details (a stack, an internal message) go to the console; the card says what the user can do.
      console.error('dealreg: the CRM records could not be read', error);
      this.readError = readFailure(error, this.locale);
      this.records = undefined;
    } else if (data) {
      this.readError = undefined;
      // Without a currency set in App Builder, the user's: in a single-currency org, the org's.
      this.records = crmRecordsFrom(data, { defaultCurrency: this.currency || USER_CURRENCY });
    }
  }

  get title() {
    return cardTitle(this.locale);
  }

  connectedCallback() {
    // Apex results are not Lightning Data Service records: when the page refreshes its view (after
    // an edit, say), read them again, so the panel sees a changed amount, close date or line.
    this.refreshHandlerId = registerRefreshHandler(this, this.refreshRecords);
  }

  disconnectedCallback() {
    unregisterRefreshHandler(this.refreshHandlerId);
  }

  refreshRecords() {
    return this.wiredReading ? refreshApex(this.wiredReading).then(() => true) : Promise.resolve(true);
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
