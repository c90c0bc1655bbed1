// @ts-check
// The Dynamics 365 recipe of docs/crm-records.md as code (web resource dealreg_/records.js): an
// account, its opportunities and their opportunity products (Dataverse Web API v9.2 JSON) →
// dealreg's CrmRecords. Pure: no request. Nothing is invented: a value Dynamics does not hold is
// left out (never sent as ''), and where the panel needs it, the panel names the record and field.
//
// What panel.js reads (the query options below, so the columns read are the columns mapped):
//   account              GET /api/data/v9.2/accounts(<id>)?$select=…
//   opportunities        GET /api/data/v9.2/opportunities?$filter=_parentaccountid_value eq <id>&$select=…&$expand=…  .value
//   opportunityProducts  GET /api/data/v9.2/opportunityproducts?$filter=opportunityid/_parentaccountid_value eq <id>…  .value

/** @typedef {import('dealreg/embed').CrmRecords} CrmRecords */
/** @typedef {import('dealreg/embed').CrmOpportunity} CrmOpportunity */
/** @typedef {import('dealreg/embed').CrmOpportunityLine} CrmOpportunityLine */

/** A Dataverse row as the Web API returns it (logical names as keys; lookups as _x_value, or expanded). */
/** @typedef {Record<string, unknown>} DataverseRow */

/**
 * @typedef {object} DynamicsRecordsOptions
 * @property {string} country For an account whose address1_country is neither a two-letter code nor in `countries`.
 * @property {Record<string, string>} [countries] address1_country as your org writes it → ISO code ({ France: 'FR' }).
 * @property {string} [sirenColumn] The account column holding the SIREN (default "dealreg_siren").
 * @property {string} [vatNumberColumn] The one holding the VAT number (default "dealreg_vatnumber").
 * @property {string} [dunsColumn] The one holding the DUNS number (default "dealreg_duns").
 */

/** @param {DynamicsRecordsOptions} options */
const identifierColumns = (options) => [
  options.sirenColumn ?? 'dealreg_siren',
  options.vatNumberColumn ?? 'dealreg_vatnumber',
  options.dunsColumn ?? 'dealreg_duns',
];

/** The account's query options. @param {DynamicsRecordsOptions} options */
export function accountQuery(options) {
  return `$select=${['name', 'address1_country', 'websiteurl', ...identifierColumns(options)].join(',')}`;
}
export const OPPORTUNITY_QUERY =
  '$select=name,estimatedvalue,estimatedclosedate,actualclosedate,statecode,stepname' +
  '&$expand=transactioncurrencyid($select=isocurrencycode)';
export const PRODUCT_QUERY =
  '$select=quantity,productdescription,_opportunityid_value' +
  '&$expand=productid($select=productnumber,name;$expand=parentproductid($select=name))';

/** statecode of an opportunity: 0 open, 1 won, 2 lost. */
const CLOSED = /** @type {const} */ ({ 1: 'won', 2: 'lost' });

/** A column's trimmed text, or undefined when Dataverse holds none (null, absent, empty). */
function columnText(value) {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * `{ [key]: value }`, or nothing when there is no value: an absent field is left out, not sent empty.
 * @template {string} K
 * @template V
 * @param {K} key
 * @param {V | undefined} value
 * @returns {{ [P in K]?: V }}
 */
function some(key, value) {
  return /** @type {{ [P in K]?: V }} */ (value === undefined ? {} : { [key]: value });
}

/** A Date Only column ("2017-05-31"; older orgs send "2017-05-31T00:00:00Z"): its day. */
function dayOf(value) {
  const day = columnText(value)?.slice(0, 10);
  return day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/** address1_country is free text: a two-letter code as is, else the org's own name for it. */
function countryOf(value, options) {
  const named = columnText(value);
  if (named !== undefined && /^[A-Za-z]{2}$/.test(named)) return named.toUpperCase();
  return (named !== undefined && options.countries?.[named]) || options.country;
}

/**
 * An opportunity product as a line: the product's number (ID) is the vendor's product code, its
 * parent (a product family) the family. A write-in product (no catalogue product) is left out.
 * @param {DataverseRow} row
 * @returns {CrmOpportunityLine[]}
 */
function lineOf(row) {
  const product = /** @type {DataverseRow | null | undefined} */ (row.productid);
  const sku = columnText(product?.productnumber);
  if (!product || sku === undefined) return [];
  const family = /** @type {DataverseRow | null | undefined} */ (product.parentproductid);
  return [
    /** @type {CrmOpportunityLine} */ ({
      sku,
      ...some('family', columnText(family?.name)),
      ...some('quantity', typeof row.quantity === 'number' ? row.quantity : undefined),
      ...some('description', columnText(row.productdescription) ?? columnText(product.name)),
    }),
  ];
}

/**
 * @param {DataverseRow} row
 * @param {Map<string, CrmOpportunityLine[]>} lines
 * @returns {CrmOpportunity}
 */
function opportunityOf(row, lines) {
  const id = /** @type {string} */ (row.opportunityid);
  const closed = CLOSED[/** @type {number} */ (row.statecode)];
  const currency = /** @type {DataverseRow | null | undefined} */ (row.transactioncurrencyid);
  return /** @type {CrmOpportunity} */ ({
    id,
    ...some('name', columnText(row.name)),
    amount: {
      ...some('value', typeof row.estimatedvalue === 'number' ? row.estimatedvalue : undefined),
      ...some('currency', columnText(currency?.isocurrencycode)),
    },
    // A closed opportunity closed on its actual date; an open one is expected on its estimate.
    ...some('closeDate', (closed && dayOf(row.actualclosedate)) || dayOf(row.estimatedclosedate)),
    ...some('stage', columnText(row.stepname)),
    ...some('closed', closed),
    lines: lines.get(id) ?? [],
  });
}

/**
 * The records of one Dynamics 365 account: the account (its SIREN, VAT number and DUNS from custom
 * columns), its opportunities, their opportunity products as the lines.
 * @param {{ account: DataverseRow, opportunities: DataverseRow[], opportunityProducts: DataverseRow[] }} dynamics
 * @param {DynamicsRecordsOptions} options
 * @returns {CrmRecords}
 */
export function dynamicsRecords({ account, opportunities, opportunityProducts }, options) {
  /** @type {Map<string, CrmOpportunityLine[]>} */
  const lines = new Map();
  for (const row of opportunityProducts) {
    const opportunityId = /** @type {string} */ (row._opportunityid_value);
    lines.set(opportunityId, [...(lines.get(opportunityId) ?? []), ...lineOf(row)]);
  }
  const [siren, vatNumber, duns] = identifierColumns(options).map((column) => columnText(account[column]));
  return /** @type {CrmRecords} */ ({
    account: {
      id: /** @type {string} */ (account.accountid),
      ...some('name', columnText(account.name)),
      country: countryOf(account.address1_country, options),
      ...some('siren', siren),
      ...some('vatNumber', vatNumber),
      ...some('duns', duns),
      ...some('website', columnText(account.websiteurl)),
    },
    opportunities: opportunities.map((row) => opportunityOf(row, lines)),
  });
}
