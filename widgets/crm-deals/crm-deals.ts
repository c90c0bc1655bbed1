// Defines <dealreg-crm-deals>: the panel's list when it is given the host's records, loaded beside
// the entry the first time a panel gets records (crm-code.ts).
import { defineElement } from '../element/define.ts';
import { DealRegCrmDeals } from './crm-deals.component.ts';

defineElement('dealreg-crm-deals', DealRegCrmDeals);

export { DealRegCrmDeals };
export { readRecords } from './records-reading.ts';

declare global {
  interface HTMLElementTagNameMap {
    'dealreg-crm-deals': DealRegCrmDeals;
  }
}
export { renderRecordsPanel } from '../panel/records-panel.ts';
