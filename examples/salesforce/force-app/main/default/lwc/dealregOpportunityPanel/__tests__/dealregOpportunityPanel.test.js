// The Opportunity record page component: Apex reads that one deal and its account, and the panel is
// given exactly those records; an opportunity without an account says so in the card.
import { createElement } from 'lwc';
import DealregOpportunityPanel from 'c/dealregOpportunityPanel';
import getCrmRecords from '@salesforce/apex/DealRegCrmRecords.getCrmRecords';
import { defineFakePanel, eachTestOnANewPage, flush, panelIn } from 'dealreg-test/fakeDealReg';
import { accountReading, accountRecords } from 'dealreg-test/crmReadings';

jest.mock('@salesforce/apex/DealRegController.getPartnerToken', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
  '@salesforce/apex/DealRegCrmRecords.getCrmRecords',
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a factory runs before the imports are bound
  () => require('dealreg-test/fakeDealReg').apexWireModule(),
  { virtual: true },
);

defineFakePanel();

/** What Apex answers on the page of the won deal 006W: its account, that deal and its lines only. */
function dealReading() {
  const reading = accountReading();
  reading.opportunities = reading.opportunities.filter((o) => o.Id === '006W');
  reading.lines = reading.lines.filter((l) => l.OpportunityId === '006W');
  return reading;
}

function mount(props) {
  const element = createElement('c-dealreg-opportunity-panel', { is: DealregOpportunityPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

describe('c-dealreg-opportunity-panel', () => {
  eachTestOnANewPage();

  it('asks Apex for this opportunity with the App Builder fields, and gives the panel its account and this deal only', async () => {
    const element = mount({ recordId: '006W', sirenField: 'Account.SIREN__c', dunsField: 'DUNS__c', currency: 'EUR' });
    getCrmRecords.emit(dealReading());
    await flush();
    expect(getCrmRecords.getLastConfig()).toEqual({
      recordId: '006W',
      sirenField: 'Account.SIREN__c',
      vatNumberField: '',
      dunsField: 'DUNS__c',
    });
    const { account, opportunities } = accountRecords('EUR');
    expect(panelIn(element).records).toStrictEqual({ account, opportunities: [opportunities[1]] });
    expect(element.shadowRoot.querySelector('lightning-card').title).toBe('Opportunity protection');
  });

  it('says in the card that an opportunity without an account cannot be looked at', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const element = mount({ recordId: '006X' });
    getCrmRecords.error({ message: 'no-account' });
    await flush();
    expect(panelIn(element)).toBeNull();
    expect(element.shadowRoot.querySelector('[role="alert"]').textContent).toBe(
      'This opportunity has no account: link it to one to see whether it can be protected.',
    );
  });
});
