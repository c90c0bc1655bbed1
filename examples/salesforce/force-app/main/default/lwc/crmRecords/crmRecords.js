// What the record page reads from Salesforce (DealRegCrmRecords.getCrmRecords), as the dealreg
// panel's records: the account with the identifiers the vendor knows its customers by, and its
// opportunities with their product lines. Plain data in, plain data out: no LWC, no org.
//
// A field the user may not read arrives absent (Apex strips it), and an empty one is left out: the
// mapping never guesses a value. What the panel then cannot use (an opportunity without an amount,
// a line whose product has no code) it names itself, record and field, and never sends.

/** A field's text, trimmed; undefined when absent or empty. A number field (a SIREN kept as a number) reads as its digits. */
function text(value) {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The object without its undefined properties, so a field left out is absent, not `undefined`. */
function compact(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/**
 * ISO 3166 alpha-2: the billing country's code, else the shipping one's (State and Country/Territory
 * Picklists). Without those picklists the country is free text, taken only when it is already a code.
 */
function countryOf(account) {
  for (const field of ['BillingCountryCode', 'ShippingCountryCode', 'BillingCountry', 'ShippingCountry']) {
    const value = text(account[field]);
    if (value !== undefined && /^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  }
  return undefined;
}

function accountFrom(reading) {
  const account = reading.account || {};
  // The fields set in Lightning App Builder, as Apex answers them: their API names, or null when
  // unset or not readable by this user.
  const identifier = (field) => (field ? text(account[field]) : undefined);
  return compact({
    id: account.Id,
    name: text(account.Name),
    country: countryOf(account),
    siren: identifier(reading.sirenField),
    vatNumber: identifier(reading.vatNumberField),
    duns: identifier(reading.dunsField),
    website: text(account.Website),
  });
}

function closedOf(opportunity) {
  if (opportunity.IsClosed !== true) return undefined;
  return opportunity.IsWon === true ? 'won' : 'lost';
}

function lineFrom(line) {
  const product = line.Product2 || {};
  return compact({
    sku: text(product.ProductCode),
    family: text(product.Family),
    quantity: line.Quantity,
    // The line's own description, else the product's name: what a rep reads beside an unknown SKU.
    description: text(line.Description) || text(product.Name),
  });
}

function opportunityFrom(opportunity, lines, defaultCurrency) {
  const value = opportunity.Amount;
  return compact({
    id: opportunity.Id,
    name: text(opportunity.Name),
    // CurrencyIsoCode exists in multi-currency orgs only; elsewhere every amount is in the org's currency.
    amount:
      typeof value === 'number' ? compact({ value, currency: text(opportunity.CurrencyIsoCode) || defaultCurrency }) : undefined,
    closeDate: opportunity.CloseDate,
    stage: text(opportunity.StageName),
    closed: closedOf(opportunity),
    lines: lines.map(lineFrom),
  });
}

/**
 * The panel's records from what Apex read: `{ account, opportunities, lines, sirenField,
 * vatNumberField, dunsField }` (SObjects as JSON; lines carry their OpportunityId).
 * `defaultCurrency` is the currency of an amount whose opportunity has no CurrencyIsoCode.
 */
export function crmRecordsFrom(reading, { defaultCurrency } = {}) {
  const linesOf = new Map();
  for (const line of reading.lines || []) {
    if (!linesOf.has(line.OpportunityId)) linesOf.set(line.OpportunityId, []);
    linesOf.get(line.OpportunityId).push(line);
  }
  return {
    account: accountFrom(reading),
    opportunities: (reading.opportunities || []).map((opportunity) =>
      opportunityFrom(opportunity, linesOf.get(opportunity.Id) || [], text(defaultCurrency)),
    ),
  };
}
