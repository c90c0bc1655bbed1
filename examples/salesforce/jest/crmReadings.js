// What DealRegCrmRecords.getCrmRecords answers (SObjects as JSON), for the tests of the mapping and
// of the record page components; imported as `dealreg-test/crmReadings`. The customer is the demo's
// acc-nextgen (SIREN 412 853 673, VAT number FR41412853673); the SKUs are the demo catalogue's.

/** An Account page's reading: an open deal of two lines, a won deal, a lost one without lines. */
export function accountReading() {
  return {
    account: {
      Id: '001A',
      Name: 'Nextgen Logistics',
      BillingCountryCode: 'FR',
      ShippingCountryCode: 'BE',
      Website: 'https://nextgen.example',
      SIREN__c: '412 853 673',
      VAT_Number__c: 'FR41412853673',
      DUNS__c: '150483782',
    },
    sirenField: 'SIREN__c',
    vatNumberField: 'VAT_Number__c',
    dunsField: 'DUNS__c',
    opportunities: [
      {
        Id: '006A',
        Name: 'Data centre refresh',
        Amount: 182000,
        CloseDate: '2017-04-28',
        StageName: 'Proposal/Price Quote',
        IsClosed: false,
        IsWon: false,
      },
      {
        Id: '006W',
        Name: 'Branch servers',
        Amount: 24000,
        CloseDate: '2016-11-30',
        StageName: 'Closed Won',
        IsClosed: true,
        IsWon: true,
      },
      {
        Id: '006L',
        Name: 'Backup array',
        Amount: 51000.5,
        CloseDate: '2016-12-15',
        StageName: 'Closed Lost',
        IsClosed: true,
        IsWon: false,
      },
    ],
    lines: [
      {
        Id: '00kA1',
        OpportunityId: '006A',
        Quantity: 8,
        Description: 'Compute for the new cluster',
        Product2: { ProductCode: 'SY480-G10', Family: 'Composable infrastructure', Name: 'Synergy 480 Gen10 compute module' },
      },
      {
        Id: '00kA2',
        OpportunityId: '006A',
        Quantity: 1,
        Product2: { ProductCode: 'SY12000-FRM', Family: 'Composable infrastructure', Name: 'Synergy 12000 frame' },
      },
      {
        Id: '00kW1',
        OpportunityId: '006W',
        Quantity: 12,
        Product2: { ProductCode: 'DL360-G10', Family: 'Rack servers', Name: 'Rack server DL360 Gen10' },
      },
    ],
  };
}

/** The records the panel is given for accountReading(), amounts in `currency`. */
export function accountRecords(currency) {
  return {
    account: {
      id: '001A',
      name: 'Nextgen Logistics',
      country: 'FR',
      siren: '412 853 673',
      vatNumber: 'FR41412853673',
      duns: '150483782',
      website: 'https://nextgen.example',
    },
    opportunities: [
      {
        id: '006A',
        name: 'Data centre refresh',
        amount: { value: 182000, currency },
        closeDate: '2017-04-28',
        stage: 'Proposal/Price Quote',
        lines: [
          { sku: 'SY480-G10', family: 'Composable infrastructure', quantity: 8, description: 'Compute for the new cluster' },
          { sku: 'SY12000-FRM', family: 'Composable infrastructure', quantity: 1, description: 'Synergy 12000 frame' },
        ],
      },
      {
        id: '006W',
        name: 'Branch servers',
        amount: { value: 24000, currency },
        closeDate: '2016-11-30',
        stage: 'Closed Won',
        closed: 'won',
        lines: [{ sku: 'DL360-G10', family: 'Rack servers', quantity: 12, description: 'Rack server DL360 Gen10' }],
      },
      {
        id: '006L',
        name: 'Backup array',
        amount: { value: 51000.5, currency },
        closeDate: '2016-12-15',
        stage: 'Closed Lost',
        closed: 'lost',
        lines: [],
      },
    ],
  };
}
