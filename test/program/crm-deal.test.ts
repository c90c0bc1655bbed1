import { expect } from '@open-wc/testing';
import { DealRegError } from '../../src/errors.ts';
import { accountRefOf, dealRegistrationRequest, dealSubmission } from '../../src/program/crm-deal.ts';
import { ACCOUNT, crmDeal } from './crm-fixtures.ts';

describe('a CRM deal as sent to the vendor', () => {
  it('the account goes by its SIREN, else the SIREN inside its VAT number, else its DUNS; never by name', () => {
    expect(accountRefOf({ siren: '404 833 048', duns: '150483782' })).to.equal('siren:404833048');
    expect(accountRefOf({ vatNumber: 'FR83404833048', duns: '150483782' })).to.equal('siren:404833048');
    expect(accountRefOf({ duns: '15-048-3782' })).to.equal('duns:150483782');
    expect(accountRefOf({ siren: '404833049', duns: '150483782' }), 'a SIREN that fails its check').to.equal('duns:150483782');
    expect(accountRefOf({})).to.equal(null);
  });

  it('the deal is the CRM data: its id as partnerOpportunityId, lines with the family and description only where the CRM has them', () => {
    const deal = crmDeal('006X', '2017-05-31', {
      stage: 'Proposal',
      lines: [
        { sku: 'SYN-480', family: 'composable', quantity: 2, description: 'Synergy frame' },
        { sku: 'DL-380', quantity: 4 },
      ],
    });
    expect(dealSubmission(deal)).to.deep.equal({
      partnerOpportunityId: '006X',
      name: 'Deal 006X',
      amount: { value: 120000, currency: 'EUR' },
      closeDate: '2017-05-31',
      lines: [
        { sku: 'SYN-480', family: 'composable', quantity: 2, description: 'Synergy frame' },
        { sku: 'DL-380', quantity: 4 },
      ],
    });
  });

  it('one request carries the account reference, the CRM deal, the presales activities once each, the customer and the note', () => {
    const deal = crmDeal('006X');
    const request = dealRegistrationRequest(
      { ...ACCOUNT, duns: '150483782' },
      deal,
      ['workshop', 'sizing', 'workshop'],
      '  PoC in March ',
    );
    expect(request).to.deep.equal({
      accountId: 'siren:404833048',
      deal: dealSubmission(deal),
      presalesActivities: ['workshop', 'sizing'],
      customer: { name: 'Boulangeries Dupont', country: 'FR' },
      note: 'PoC in March',
    });
    expect(dealRegistrationRequest(ACCOUNT, deal, ['demo'], '   ')).not.to.have.property('note');
  });

  it('a deal closed in the CRM, or an account the vendor cannot match, is never sent', () => {
    const refused = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    for (const closed of ['won', 'lost'] as const) {
      const error = refused(() => dealRegistrationRequest(ACCOUNT, crmDeal('006X', '2017-06-01', { closed }), ['workshop']));
      expect(error).to.be.instanceOf(DealRegError).and.to.have.property('code', 'invalid-request');
    }
    const { siren: _siren, ...unmatched } = ACCOUNT;
    const error = refused(() => dealRegistrationRequest(unmatched, crmDeal('006X'), ['workshop']));
    expect(error).to.be.instanceOf(DealRegError).and.to.have.property('code', 'invalid-request');
  });
});
