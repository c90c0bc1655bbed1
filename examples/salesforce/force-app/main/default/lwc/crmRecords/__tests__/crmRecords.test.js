// The mapping from what Apex reads (SObjects as JSON) to the dealreg panel's records: every field
// of the records, what a field left out by field-level security becomes, and what is never guessed.
import { crmRecordsFrom } from 'c/crmRecords';
import { accountReading as reading, accountRecords } from 'dealreg-test/crmReadings';

describe('crmRecordsFrom', () => {
  it('maps the account, a multi-line open deal and the won and lost ones, in the order read', () => {
    expect(crmRecordsFrom(reading(), { defaultCurrency: 'EUR' })).toStrictEqual(accountRecords('EUR'));
  });

  it("takes each opportunity's CurrencyIsoCode in a multi-currency org, the default otherwise", () => {
    const multi = reading();
    multi.opportunities[0].CurrencyIsoCode = 'USD';
    multi.opportunities[1].CurrencyIsoCode = 'GBP';
    const amounts = crmRecordsFrom(multi, { defaultCurrency: 'EUR' }).opportunities.map((o) => o.amount);
    expect(amounts).toStrictEqual([
      { value: 182000, currency: 'USD' },
      { value: 24000, currency: 'GBP' },
      { value: 51000.5, currency: 'EUR' },
    ]);
  });

  it('leaves out the SKU of a product without a code, and family and description when there are none', () => {
    const data = reading();
    data.lines = [
      { Id: '00kA1', OpportunityId: '006A', Quantity: 3, Product2: { ProductCode: '  ', Name: 'Installation services' } },
      { Id: '00kA2', OpportunityId: '006A', Quantity: 2, Product2: { Family: 'Networking' } },
      { Id: '00kA3', OpportunityId: '006A', Quantity: 1, Product2: { ProductCode: 'FF5940-48G' } },
    ];
    expect(crmRecordsFrom(data, { defaultCurrency: 'EUR' }).opportunities[0].lines).toStrictEqual([
      { quantity: 3, description: 'Installation services' },
      { family: 'Networking', quantity: 2 },
      { sku: 'FF5940-48G', quantity: 1 },
    ]);
  });

  it('leaves out what field-level security hid: absent fields stay absent, never guessed', () => {
    const data = reading();
    // Apex strips what the user may not read: the SIREN field (its name comes back null), the
    // website, the amount, the products' family, a line's product altogether (Product2 not readable).
    data.sirenField = null;
    delete data.account.Website;
    delete data.opportunities[0].Amount;
    data.lines = [
      { Id: '00kA1', OpportunityId: '006A', Quantity: 8, Product2: { ProductCode: 'SY480-G10' } },
      { Id: '00kA2', OpportunityId: '006A', Quantity: 1 },
    ];
    const records = crmRecordsFrom(data, { defaultCurrency: 'EUR' });
    expect(records.account).toStrictEqual({
      id: '001A',
      name: 'Nextgen Logistics',
      country: 'FR',
      vatNumber: 'FR41412853673',
      duns: '150483782',
    });
    expect(records.opportunities[0]).toStrictEqual({
      id: '006A',
      name: 'Data centre refresh',
      closeDate: '2017-04-28',
      stage: 'Proposal/Price Quote',
      lines: [{ sku: 'SY480-G10', quantity: 8 }, { quantity: 1 }],
    });
  });

  it('reads the identifiers from the fields set in App Builder only, and leaves an empty one out', () => {
    const data = reading();
    data.account = {
      Id: '001A',
      Name: 'Nextgen Logistics',
      BillingCountryCode: 'FR',
      Siren_Number__c: 412853673,
      Tax_Id__c: ' ',
      DUNS__c: '150483782',
    };
    Object.assign(data, { sirenField: 'Siren_Number__c', vatNumberField: 'Tax_Id__c', dunsField: null });
    expect(crmRecordsFrom(data).account).toStrictEqual({
      id: '001A',
      name: 'Nextgen Logistics',
      country: 'FR',
      siren: '412853673',
    });
  });

  it('takes the shipping country when there is no billing one, and a country name only if it is a code', () => {
    const country = (account) => crmRecordsFrom({ account: { Id: '001A', Name: 'N', ...account } }).account.country;
    expect(country({ ShippingCountryCode: 'BE' })).toBe('BE');
    expect(country({ BillingCountryCode: null, ShippingCountryCode: 'DE', BillingCountry: 'France' })).toBe('DE');
    expect(country({ BillingCountry: 'fr' })).toBe('FR');
    expect(country({ BillingCountry: 'FR', ShippingCountry: 'DE' })).toBe('FR');
    expect(country({ BillingCountry: 'France' })).toBeUndefined();
  });

  it('an account without opportunities has none, and lines of no opportunity read are ignored', () => {
    const data = reading();
    data.opportunities = [];
    expect(crmRecordsFrom(data).opportunities).toStrictEqual([]);
    const records = crmRecordsFrom({ account: { Id: '001A', Name: 'N' } });
    expect(records).toStrictEqual({ account: { id: '001A', name: 'N' }, opportunities: [] });
  });
});
