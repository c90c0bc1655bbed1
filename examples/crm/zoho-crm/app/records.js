// @ts-check
// The Zoho CRM recipe of docs/crm-records.md as code: an Account, its Deals and their products
// (Zoho CRM API v2 and later; the widget SDK returns the same records) → dealreg's CrmRecords.
// Pure: no request, no SDK. Nothing is invented: a value Zoho does not hold is left out (never sent
// as ''), and where the panel needs it, the panel names the record and the field.
//
// What widget.js reads with the SDK (the REST call in brackets):
//   account        ZOHO.CRM.API.getRecord({ Entity: 'Accounts', RecordID })            [GET /crm/v8/Accounts/{id}] .data[0]
//   deals          ZOHO.CRM.API.getRelatedRecords({ Entity: 'Accounts', RecordID,
//                    RelatedList: 'Deals' })                                           [GET /crm/v8/Accounts/{id}/Deals] .data
//   dealProducts   per deal id, its Products related list: getRelatedRecords({ Entity: 'Deals',
//                    RecordID: dealId, RelatedList: 'Products' })                      [GET /crm/v8/Deals/{id}/Products] .data
// or, where the org keeps the deal's lines in a subform (with a quantity), `lineSubform` names it
// and `products` holds the Products records its rows point to.

/** @typedef {import('dealreg/embed').CrmRecords} CrmRecords */
/** @typedef {import('dealreg/embed').CrmOpportunity} CrmOpportunity */
/** @typedef {import('dealreg/embed').CrmOpportunityLine} CrmOpportunityLine */

/** A Zoho record: API field names as keys (Account_Name, Closing_Date, lookups as { id, name }…). */
/** @typedef {{ id: string } & Record<string, unknown>} ZohoRecord */

/**
 * @typedef {object} ZohoLineSubform
 * @property {string} field The subform's API name on Deals (e.g. "Deal_Lines").
 * @property {string} [product] Its Products lookup column (default "Product").
 * @property {string} [quantity] Its quantity column (default "Quantity").
 */
/**
 * @typedef {object} ZohoRecordsOptions
 * @property {string} currency The org's home currency: a Deal's Currency field exists only with multiple currencies.
 * @property {string} country For an account whose Billing_Country is neither a two-letter code nor in `countries`.
 * @property {Record<string, string>} [countries] Billing_Country as your org writes it → ISO code ({ France: 'FR' }).
 * @property {string[]} [wonStages] Stages that mean won (default ["Closed Won"]).
 * @property {string[]} [lostStages] Stages that mean lost (default ["Closed Lost", "Closed-Lost to Competition"]).
 * @property {string} [sirenField] The Accounts custom field holding the SIREN (default "SIREN").
 * @property {string} [vatNumberField] The one holding the VAT number (default "VAT_Number").
 * @property {string} [dunsField] The one holding the DUNS number (default "DUNS_Number").
 * @property {ZohoLineSubform} [lineSubform] Read the lines from this subform instead of the Products related list.
 */

/** A field's trimmed text, or undefined when Zoho holds none (null, absent, empty). */
function textOf(value) {
  if (typeof value === 'number') return String(value);
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
function maybe(key, value) {
  return /** @type {{ [P in K]?: V }} */ (value === undefined ? {} : { [key]: value });
}

/** Zoho's Billing_Country is free text: a two-letter code as is, else the org's own name for it. */
function countryOf(value, options) {
  const written = textOf(value);
  if (written !== undefined && /^[A-Za-z]{2}$/.test(written)) return written.toUpperCase();
  return (written !== undefined && options.countries?.[written]) || options.country;
}

/**
 * A Products record as a line: Product_Code is the vendor's product code, Product_Category its family.
 * A product without a code is not the vendor's (left out).
 * @param {ZohoRecord | undefined} product
 * @param {unknown} quantity
 * @returns {CrmOpportunityLine[]}
 */
function lineOf(product, quantity) {
  const sku = textOf(product?.Product_Code);
  if (product === undefined || sku === undefined) return [];
  return [
    /** @type {CrmOpportunityLine} */ ({
      sku,
      ...maybe('family', textOf(product.Product_Category)),
      ...maybe('quantity', typeof quantity === 'number' ? quantity : undefined),
      ...maybe('description', textOf(product.Product_Name)),
    }),
  ];
}

/**
 * The deal's lines: its subform rows (each a product and a quantity), or its Products related list
 * (a related list holds no quantity: each product counts once).
 * @param {ZohoRecord} deal
 * @param {{ dealProducts?: Record<string, ZohoRecord[]>, products?: ZohoRecord[] }} zoho
 * @param {ZohoRecordsOptions} options
 * @returns {CrmOpportunityLine[]}
 */
function linesOf(deal, zoho, options) {
  const subform = options.lineSubform;
  if (subform === undefined) return (zoho.dealProducts?.[deal.id] ?? []).flatMap((product) => lineOf(product, 1));
  const byId = new Map((zoho.products ?? []).map((product) => [product.id, product]));
  const rows = Array.isArray(deal[subform.field]) ? /** @type {Record<string, unknown>[]} */ (deal[subform.field]) : [];
  return rows.flatMap((row) => {
    const lookup = /** @type {{ id?: string } | null | undefined} */ (row[subform.product ?? 'Product']);
    return lineOf(lookup?.id === undefined ? undefined : byId.get(lookup.id), row[subform.quantity ?? 'Quantity']);
  });
}

/**
 * @param {ZohoRecord} deal
 * @param {{ dealProducts?: Record<string, ZohoRecord[]>, products?: ZohoRecord[] }} zoho
 * @param {ZohoRecordsOptions} options
 * @returns {CrmOpportunity}
 */
function opportunityOf(deal, zoho, options) {
  const stage = textOf(deal.Stage);
  const won = stage !== undefined && (options.wonStages ?? ['Closed Won']).includes(stage);
  const lost = stage !== undefined && (options.lostStages ?? ['Closed Lost', 'Closed-Lost to Competition']).includes(stage);
  return /** @type {CrmOpportunity} */ ({
    id: deal.id,
    ...maybe('name', textOf(deal.Deal_Name)),
    amount: {
      ...maybe('value', typeof deal.Amount === 'number' ? deal.Amount : undefined),
      currency: textOf(deal.Currency) ?? options.currency,
    },
    // A date field: Zoho sends it as YYYY-MM-DD already.
    ...maybe('closeDate', textOf(deal.Closing_Date)),
    ...maybe('stage', stage),
    ...maybe('closed', won ? 'won' : lost ? 'lost' : undefined),
    lines: linesOf(deal, zoho, options),
  });
}

/**
 * The records of one Zoho CRM Account: the account (its SIREN, VAT number and DUNS from custom
 * fields), its Deals as the opportunities, their products as the lines.
 * @param {{ account: ZohoRecord, deals: ZohoRecord[], dealProducts?: Record<string, ZohoRecord[]>, products?: ZohoRecord[] }} zoho
 * @param {ZohoRecordsOptions} options
 * @returns {CrmRecords}
 */
export function zohoRecords(zoho, options) {
  const { account } = zoho;
  return /** @type {CrmRecords} */ ({
    account: {
      id: account.id,
      ...maybe('name', textOf(account.Account_Name)),
      country: countryOf(account.Billing_Country, options),
      ...maybe('siren', textOf(account[options.sirenField ?? 'SIREN'])),
      ...maybe('vatNumber', textOf(account[options.vatNumberField ?? 'VAT_Number'])),
      ...maybe('duns', textOf(account[options.dunsField ?? 'DUNS_Number'])),
      ...maybe('website', textOf(account.Website)),
    },
    opportunities: zoho.deals.map((deal) => opportunityOf(deal, zoho, options)),
  });
}
