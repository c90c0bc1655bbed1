// The Account record page component: the dealreg panel with this account's opportunities and their
// product lines. All of it is c/dealregRecordPanel (its logic and its template); this bundle is what
// Lightning App Builder offers on Account pages, with the properties its .js-meta.xml declares.
import { api } from 'lwc';
import DealregRecordPanel from 'c/dealregRecordPanel';

export default class DealregAccountPanel extends DealregRecordPanel {
  /** The Account id, from the record page. */
  @api recordId;
  // Set in Lightning App Builder: the vendor's API, the Account fields that hold the identifiers
  // (Account.SIREN__c; blank when the org keeps none), the currency of a single-currency org's amounts.
  @api apiBaseUrl;
  @api sirenField;
  @api vatNumberField;
  @api dunsField;
  @api currency;
}
