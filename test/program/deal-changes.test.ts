import { expect } from '@open-wc/testing';
import { changesSinceRegistration } from '../../src/program/deal-changes.ts';
import { crmDeal, snapshotOf } from './crm-fixtures.ts';

describe('what the CRM changed since a deal was registered', () => {
  const registered = crmDeal('006X', '2017-05-31', {
    lines: [
      { sku: 'SYN-480', family: 'composable', quantity: 2 },
      { sku: 'DL-380', quantity: 4 },
    ],
  });
  const snapshot = snapshotOf(registered);

  it('nothing, when only the order of the lines, their split or the name changed', () => {
    const same = crmDeal('006X', '2017-05-31', {
      name: 'Renamed in the CRM',
      lines: [
        { sku: 'DL-380', quantity: 1 },
        { sku: 'SYN-480', quantity: 2 },
        { sku: 'DL-380', quantity: 3 },
      ],
    });
    expect(changesSinceRegistration(same, snapshot)).to.deep.equal([]);
  });

  it('the amount, the close date, then each SKU whose quantity moved, from the snapshot to the CRM', () => {
    const now = crmDeal('006X', '2017-06-30', {
      amount: { value: 150000, currency: 'EUR' },
      lines: [
        { sku: 'SYN-480', quantity: 3 },
        { sku: 'BL-460', quantity: 8 },
      ],
    });
    expect(changesSinceRegistration(now, snapshot)).to.deep.equal([
      { field: 'amount', from: { value: 120000, currency: 'EUR' }, to: { value: 150000, currency: 'EUR' } },
      { field: 'closeDate', from: '2017-05-31', to: '2017-06-30' },
      { field: 'line', sku: 'BL-460', from: 0, to: 8 },
      { field: 'line', sku: 'DL-380', from: 4, to: 0 },
      { field: 'line', sku: 'SYN-480', from: 2, to: 3 },
    ]);
  });

  it('a currency change alone is a change of amount', () => {
    const now = { ...registered, amount: { value: 120000, currency: 'USD' } };
    expect(changesSinceRegistration(now, snapshot)).to.deep.equal([
      { field: 'amount', from: { value: 120000, currency: 'EUR' }, to: { value: 120000, currency: 'USD' } },
    ]);
  });
});
