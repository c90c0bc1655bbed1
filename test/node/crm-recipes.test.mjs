// The CRM recipes of docs/crm-records.md, run on what each CRM's API answers: a realistic payload of
// HubSpot (CRM v3 objects), Zoho CRM (API v2+) and Dynamics 365 (Dataverse Web API) → the exact
// records, which the panel's own reader (readCrmRecords) takes with no problem. A value the CRM does
// not hold is left out, never sent as ''; lines that are not the vendor's products are left out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dynamicsRecords } from '../../examples/crm/dynamics365/solution/WebResources/dealreg_/records.js';
import { hubspotRecords } from '../../examples/crm/hubspot/bridge/records.js';
import { zohoRecords } from '../../examples/crm/zoho-crm/app/records.js';
import { readCrmRecords } from '../../src/schemas/crm-records.ts';

/** An expected opportunity (every payload here is in euros). */
const crmDeal = (id, name, value, closeDate, stage, lines, closed) => ({
  id,
  name,
  amount: { value, currency: 'EUR' },
  closeDate,
  stage,
  ...(closed === undefined ? {} : { closed }),
  lines,
});

/** The records as the panel reads them: nothing left out, nothing named. */
function assertReadAsIs(records) {
  const reading = readCrmRecords(records);
  assert.deepEqual(reading.problems, []);
  assert.deepEqual(reading.records, records);
}

describe('the HubSpot recipe (CRM v3 objects)', () => {
  const company = {
    id: '18472950331',
    properties: {
      name: 'Transports Delmas',
      domain: 'delmas-transports.fr',
      website: null,
      country: 'France',
      hs_country_code: 'FR',
      siren: '732 829 320',
      vat_number: 'FR44732829320',
      duns_number: null,
      hs_object_id: '18472950331',
    },
    createdAt: '2016-03-02T09:12:44.120Z',
    updatedAt: '2017-02-10T16:03:01.981Z',
    archived: false,
  };
  const deal = (id, properties, lineIds) => ({
    id,
    properties: { hs_object_id: id, pipeline: 'default', ...properties },
    createdAt: '2016-11-02T10:00:00.000Z',
    updatedAt: '2017-02-01T10:00:00.000Z',
    archived: false,
    associations: { 'line items': { results: lineIds.map((lid) => ({ id: lid, type: 'deal_to_line_item' })) } },
  });
  const deals = [
    deal(
      '11802266501',
      {
        dealname: 'Synergy refresh – Lyon DC',
        amount: '184500.00',
        deal_currency_code: 'EUR',
        // Midnight in Paris, the portal's zone: still 31 May there, 30 May in UTC.
        closedate: '2017-05-30T22:00:00Z',
        dealstage: 'contractsent',
        hs_is_closed: 'false',
        hs_is_closed_won: 'false',
      },
      ['5230118001', '5230118002', '5230118003'],
    ),
    deal(
      '11802266502',
      {
        dealname: 'Rack servers 2016',
        amount: '42000',
        closedate: '2016-12-15T11:00:00Z',
        dealstage: 'closedwon',
        hs_is_closed: 'true',
        hs_is_closed_won: 'true',
      },
      ['5230118004'],
    ),
    deal(
      '11802266503',
      {
        dealname: 'Flash storage pilot',
        amount: '0',
        closedate: '2017-01-20T11:00:00Z',
        dealstage: 'closedlost',
        hs_is_closed: 'true',
        hs_is_closed_won: 'false',
      },
      [],
    ),
  ];
  const lineItem = (id, properties) => ({ id, properties: { hs_object_id: id, price: '1000.00', ...properties } });
  const lineItems = [
    lineItem('5230118001', { hs_sku: 'SY480-G10', name: 'Synergy 480 Gen10 compute module', quantity: '6' }),
    lineItem('5230118002', { hs_sku: 'SY12000-FRM', name: 'Synergy 12000 frame', quantity: '1' }),
    // Typed on the deal, no product behind it: not the vendor's, left out.
    lineItem('5230118003', { hs_sku: null, name: 'Installation (partner services)', quantity: '1' }),
    lineItem('5230118004', { hs_sku: 'DL380-G10', name: 'Rack server DL380 Gen10', quantity: '4' }),
  ];
  const options = {
    currency: 'EUR',
    timeZone: 'Europe/Paris',
    stageLabels: { contractsent: 'Contract sent', closedwon: 'Closed won', closedlost: 'Closed lost' },
  };

  it('maps the company, its deals and their line items to the exact records', () => {
    const records = hubspotRecords({ company, deals, lineItems }, options);
    assert.deepEqual(records, {
      account: {
        id: '18472950331',
        name: 'Transports Delmas',
        country: 'FR',
        siren: '732 829 320',
        vatNumber: 'FR44732829320',
        website: 'delmas-transports.fr',
      },
      opportunities: [
        crmDeal('11802266501', 'Synergy refresh – Lyon DC', 184500, '2017-05-31', 'Contract sent', [
          { sku: 'SY480-G10', quantity: 6, description: 'Synergy 480 Gen10 compute module' },
          { sku: 'SY12000-FRM', quantity: 1, description: 'Synergy 12000 frame' },
        ]),
        crmDeal(
          '11802266502',
          'Rack servers 2016',
          42000,
          '2016-12-15',
          'Closed won',
          [{ sku: 'DL380-G10', quantity: 4, description: 'Rack server DL380 Gen10' }],
          'won',
        ),
        crmDeal('11802266503', 'Flash storage pilot', 0, '2017-01-20', 'Closed lost', [], 'lost'),
      ],
    });
    assertReadAsIs(records);
  });

  it('leaves out what the portal does not hold, never an empty string', () => {
    const bare = { ...company, properties: { name: 'Transports Delmas', hs_country_code: null, siren: '', vat_number: '  ' } };
    const { account } = hubspotRecords({ company: bare, deals: [], lineItems: [] }, { ...options, country: 'FR' });
    assert.deepEqual(account, { id: '18472950331', name: 'Transports Delmas', country: 'FR' });
    const [open] = hubspotRecords(
      { company, deals: [deal('1', { dealname: 'No amount yet' }, [])], lineItems: [] },
      options,
    ).opportunities;
    assert.deepEqual(open, { id: '1', name: 'No amount yet', amount: { currency: 'EUR' }, lines: [] });
    // The panel names that deal and its fields rather than guess them.
    const named = readCrmRecords({ account: { id: 'a', name: 'A', country: 'FR' }, opportunities: [open] }).problems;
    assert.deepEqual(
      named.map((p) => [p.record, p.field]),
      [['1', 'amount.value']],
    );
  });

  it('reads the association under either of the names HubSpot gives it, and custom identifier properties', () => {
    const renamed = { ...deals[1], associations: { line_items: deals[1].associations['line items'] } };
    const custom = { ...company, properties: { ...company.properties, siren: null, siren__c: '732829320' } };
    const records = hubspotRecords({ company: custom, deals: [renamed], lineItems }, { ...options, sirenProperty: 'siren__c' });
    assert.equal(records.account.siren, '732829320');
    assert.deepEqual(
      records.opportunities[0].lines.map((l) => l.sku),
      ['DL380-G10'],
    );
  });
});

describe('the Zoho CRM recipe (API v2+)', () => {
  const account = {
    id: '4876876000000457001',
    Account_Name: 'Clinique Saint-Roch',
    Billing_Country: 'France',
    Website: 'https://www.clinique-saint-roch.fr',
    SIREN: '552120222',
    VAT_Number: null,
    DUNS_Number: '',
    Owner: { name: 'Claire Martin', id: '4876876000000225013', email: 'claire.martin@partner.example' },
    $currency_symbol: '€',
    Created_Time: '2015-06-11T10:20:00+02:00',
  };
  const deal = (id, fields) => ({
    id,
    Account_Name: { name: 'Clinique Saint-Roch', id: '4876876000000457001' },
    Owner: { name: 'Claire Martin', id: '4876876000000225013' },
    Probability: 60,
    Modified_Time: '2017-02-01T09:00:00+01:00',
    ...fields,
  });
  const deals = [
    deal('4876876000001201001', {
      Deal_Name: 'Hyperconvergence bloc opératoire',
      Amount: 96000,
      Currency: 'EUR',
      Closing_Date: '2017-04-28',
      Stage: 'Negotiation/Review',
    }),
    deal('4876876000001201002', {
      Deal_Name: 'Baies de stockage',
      Amount: 38500.5,
      Closing_Date: '2016-10-14',
      Stage: 'Closed Won',
    }),
    deal('4876876000001201003', {
      Deal_Name: 'Serveurs tour',
      Amount: 12000,
      Closing_Date: '2016-09-01',
      Stage: 'Closed-Lost to Competition',
    }),
  ];
  const product = (id, code, name, category) => ({
    id,
    Product_Code: code,
    Product_Name: name,
    Product_Category: category,
    Unit_Price: 1000,
    Product_Active: true,
  });
  const hc380 = product('4876876000000602001', 'HC380-4N', 'Hyperconverged system 380', 'hyperconverged');
  const msa = product('4876876000000602002', 'MSA2050-SAN', 'Disk array MSA 2050 SAN', null);
  const services = product('4876876000000602003', null, 'Formation équipe IT', 'Services');
  const ml350 = product('4876876000000602004', 'ML350-G10', 'Tower server ML350 Gen10', 'tower-servers');
  const dealProducts = {
    '4876876000001201001': [hc380, services],
    '4876876000001201002': [msa],
    '4876876000001201003': [ml350],
  };
  const options = { currency: 'EUR', country: 'FR' };

  it('maps the Account, its Deals and their Products related list to the exact records', () => {
    const records = zohoRecords({ account, deals, dealProducts }, options);
    assert.deepEqual(records, {
      account: {
        id: '4876876000000457001',
        name: 'Clinique Saint-Roch',
        country: 'FR',
        siren: '552120222',
        website: 'https://www.clinique-saint-roch.fr',
      },
      opportunities: [
        crmDeal('4876876000001201001', 'Hyperconvergence bloc opératoire', 96000, '2017-04-28', 'Negotiation/Review', [
          { sku: 'HC380-4N', family: 'hyperconverged', quantity: 1, description: 'Hyperconverged system 380' },
        ]),
        crmDeal(
          '4876876000001201002',
          'Baies de stockage',
          38500.5,
          '2016-10-14',
          'Closed Won',
          [{ sku: 'MSA2050-SAN', quantity: 1, description: 'Disk array MSA 2050 SAN' }],
          'won',
        ),
        crmDeal(
          '4876876000001201003',
          'Serveurs tour',
          12000,
          '2016-09-01',
          'Closed-Lost to Competition',
          [{ sku: 'ML350-G10', family: 'tower-servers', quantity: 1, description: 'Tower server ML350 Gen10' }],
          'lost',
        ),
      ],
    });
    assertReadAsIs(records);
  });

  it('reads the lines from a subform with quantities when the org keeps one', () => {
    const withLines = {
      ...deals[0],
      Deal_Lines: [
        { id: '4876876000001300001', Product: { name: 'Hyperconverged system 380', id: hc380.id }, Quantity: 3 },
        { id: '4876876000001300002', Product: { name: 'Formation équipe IT', id: services.id }, Quantity: 2 },
        { id: '4876876000001300003', Product: null, Quantity: 1 },
      ],
    };
    const records = zohoRecords(
      { account, deals: [withLines], products: [hc380, services] },
      { ...options, lineSubform: { field: 'Deal_Lines' } },
    );
    assert.deepEqual(records.opportunities[0].lines, [
      { sku: 'HC380-4N', family: 'hyperconverged', quantity: 3, description: 'Hyperconverged system 380' },
    ]);
    assertReadAsIs(records);
  });

  it('leaves out what the org does not hold, never an empty string; a country name maps through the org’s own table', () => {
    const bare = { id: '4876876000000457009', Account_Name: 'Brasserie Kerlann', Billing_Country: 'Belgique', SIREN: '  ' };
    const records = zohoRecords({ account: bare, deals: [], dealProducts: {} }, { ...options, countries: { Belgique: 'BE' } });
    assert.deepEqual(records.account, { id: '4876876000000457009', name: 'Brasserie Kerlann', country: 'BE' });
    const [noAmount] = zohoRecords(
      { account, deals: [deal('9', { Deal_Name: 'Sans montant', Amount: null })] },
      options,
    ).opportunities;
    assert.deepEqual(noAmount, { id: '9', name: 'Sans montant', amount: { currency: 'EUR' }, lines: [] });
  });
});

describe('the Dynamics 365 recipe (Dataverse Web API)', () => {
  const account = {
    '@odata.context': 'https://contoso.crm4.dynamics.com/api/data/v9.2/$metadata#accounts(name,address1_country)/$entity',
    '@odata.etag': 'W/"4412281"',
    accountid: '8d3b7c1e-5f20-e711-80f3-3863bb34ea58',
    name: 'Mutuelle des Artisans',
    address1_country: 'France',
    websiteurl: 'https://www.mutuelle-artisans.fr',
    dealreg_siren: null,
    dealreg_vatnumber: 'FR44732829320',
    dealreg_duns: '150483782',
  };
  const currency = { isocurrencycode: 'EUR', transactioncurrencyid: '5a7e1c3b-2a0e-e711-80f1-3863bb34ea58' };
  const opportunity = (id, columns) => ({
    '@odata.etag': 'W/"4413001"',
    opportunityid: id,
    _parentaccountid_value: account.accountid,
    transactioncurrencyid: currency,
    ...columns,
  });
  const opportunities = [
    opportunity('c1a2b3c4-0001-e711-80f3-3863bb34ea58', {
      name: 'Renouvellement réseau siège',
      estimatedvalue: 58200,
      estimatedclosedate: '2017-06-30',
      actualclosedate: null,
      statecode: 0,
      stepname: '2-Develop',
    }),
    opportunity('c1a2b3c4-0002-e711-80f3-3863bb34ea58', {
      name: 'Serveurs agence Lille',
      estimatedvalue: 21000,
      estimatedclosedate: '2016-11-30',
      actualclosedate: '2016-11-18',
      statecode: 1,
      stepname: '3-Close',
    }),
    opportunity('c1a2b3c4-0003-e711-80f3-3863bb34ea58', {
      name: 'Stockage archives',
      estimatedvalue: 15000,
      estimatedclosedate: '2016-08-31',
      actualclosedate: '2016-09-05T00:00:00Z',
      statecode: 2,
      stepname: '1-Qualify',
    }),
  ];
  const line = (opportunityId, quantity, product, productdescription = null) => ({
    '@odata.etag': 'W/"4413100"',
    opportunityproductid: `${opportunityId.slice(0, 8)}-line-${quantity}`,
    _opportunityid_value: opportunityId,
    quantity,
    productdescription,
    productid: product,
  });
  const switch5940 = { productnumber: 'FF5940-48G', name: 'Switch 5940, 48 ports', parentproductid: { name: 'networking' } };
  const dl360 = { productnumber: 'DL360-G10', name: 'Rack server DL360 Gen10', parentproductid: null };
  const af40 = { productnumber: 'AF40-FLASH', name: 'All-flash array AF40', parentproductid: { name: 'flash-storage' } };
  const opportunityProducts = [
    line(opportunities[0].opportunityid, 2, switch5940),
    // A write-in product: no catalogue product behind it, not the vendor's.
    line(opportunities[0].opportunityid, 1, null, 'Câblage et recettage'),
    line(opportunities[1].opportunityid, 3, dl360),
    line(opportunities[2].opportunityid, 1, af40),
  ];
  const options = { country: 'FR', countries: { France: 'FR' } };

  it('maps the account, its opportunities and their opportunity products to the exact records', () => {
    const records = dynamicsRecords({ account, opportunities, opportunityProducts }, options);
    assert.deepEqual(records, {
      account: {
        id: '8d3b7c1e-5f20-e711-80f3-3863bb34ea58',
        name: 'Mutuelle des Artisans',
        country: 'FR',
        vatNumber: 'FR44732829320',
        duns: '150483782',
        website: 'https://www.mutuelle-artisans.fr',
      },
      opportunities: [
        crmDeal('c1a2b3c4-0001-e711-80f3-3863bb34ea58', 'Renouvellement réseau siège', 58200, '2017-06-30', '2-Develop', [
          { sku: 'FF5940-48G', family: 'networking', quantity: 2, description: 'Switch 5940, 48 ports' },
        ]),
        crmDeal(
          'c1a2b3c4-0002-e711-80f3-3863bb34ea58',
          'Serveurs agence Lille',
          21000,
          '2016-11-18',
          '3-Close',
          [{ sku: 'DL360-G10', quantity: 3, description: 'Rack server DL360 Gen10' }],
          'won',
        ),
        crmDeal(
          'c1a2b3c4-0003-e711-80f3-3863bb34ea58',
          'Stockage archives',
          15000,
          '2016-09-05',
          '1-Qualify',
          [{ sku: 'AF40-FLASH', family: 'flash-storage', quantity: 1, description: 'All-flash array AF40' }],
          'lost',
        ),
      ],
    });
    assertReadAsIs(records);
  });

  it('leaves out what the org does not hold, never an empty string', () => {
    const bare = { accountid: account.accountid, name: 'Mutuelle des Artisans', address1_country: null, dealreg_duns: '' };
    const records = dynamicsRecords({ account: bare, opportunities: [], opportunityProducts: [] }, options);
    assert.deepEqual(records.account, { id: account.accountid, name: 'Mutuelle des Artisans', country: 'FR' });
    const undated = opportunity('c1a2b3c4-0009-e711-80f3-3863bb34ea58', {
      name: 'Sans date',
      estimatedvalue: 1000,
      statecode: 0,
    });
    const [mapped] = dynamicsRecords({ account, opportunities: [undated], opportunityProducts: [] }, options).opportunities;
    assert.deepEqual(mapped, {
      id: 'c1a2b3c4-0009-e711-80f3-3863bb34ea58',
      name: 'Sans date',
      amount: { value: 1000, currency: 'EUR' },
      lines: [],
    });
  });
});
