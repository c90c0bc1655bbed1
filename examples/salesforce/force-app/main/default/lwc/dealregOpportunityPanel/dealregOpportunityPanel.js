// The Opportunity record page component: the dealreg panel with this one deal and its account (Apex
// reads the opportunity's account, and only this opportunity). All of it is c/dealregRecordPanel;
// this bundle is what Lightning App Builder offers on Opportunity pages. Its properties are the
// Account page component's, declared again: App Builder reads them from this class only.
import { api } from 'lwc';
import DealregRecordPanel from 'c/dealregRecordPanel';

export default class DealregOpportunityPanel extends DealregRecordPanel {
  /** The Opportunity id, from the record page. */
  @api recordId;
  @api apiBaseUrl;
  @api sirenField;
  @api vatNumberField;
  @api dunsField;
  @api currency;
}
