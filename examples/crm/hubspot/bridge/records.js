// @ts-check
// The HubSpot recipe of docs/crm-records.md as code: HubSpot CRM v3 objects → dealreg's CrmRecords.
// Pure: it takes what HubSpot's API answered and returns the records the panel reads; it makes no
// request. Nothing is invented: a value HubSpot does not hold is left out (never sent as ''), and
// where the panel needs it, the panel names the record and the field.
//
// What the partner's backend reads (with its HubSpot token) and hands to the bridge page as is:
//   company    GET /crm/v3/objects/companies/{companyId}
//                ?properties=name,domain,website,country,hs_country_code,siren,vat_number,duns_number
//                &associations=deals                       (its deals' ids)
//   deals      GET /crm/v3/objects/deals/{dealId}?associations=line_items
//                &properties=dealname,amount,deal_currency_code,closedate,dealstage,hs_is_closed,hs_is_closed_won
//   lineItems  POST /crm/v3/objects/line_items/batch/read
//                { properties: ["hs_sku", "name", "quantity"], inputs: [{ id }, …] }  (the deals' line items)

/** @typedef {import('dealreg/embed').CrmRecords} CrmRecords */
/** @typedef {import('dealreg/embed').CrmOpportunity} CrmOpportunity */
/** @typedef {import('dealreg/embed').CrmOpportunityLine} CrmOpportunityLine */

/**
 * A HubSpot CRM object as the v3 API returns it: properties are strings (or null when unset).
 * @typedef {{ id: string, properties: Record<string, string | null | undefined> }} HubSpotObject
 */
/**
 * A deal read with `associations=line_items` (HubSpot names the association "line items").
 * @typedef {HubSpotObject & { associations?: Record<string, { results: { id: string }[] }> }} HubSpotDeal
 */
/**
 * @typedef {object} HubSpotRecordsOptions
 * @property {string} currency The portal's company currency: deal_currency_code is set only in multi-currency portals.
 * @property {string} [country] For a company without a two-letter country code (ISO 3166-1 alpha-2).
 * @property {string} [timeZone] The portal's time zone: a close date is a day there (default UTC).
 * @property {Record<string, string>} [stageLabels] dealstage ids → labels (GET /crm/v3/pipelines/deals).
 * @property {string} [sirenProperty] The custom company property holding the SIREN (default "siren").
 * @property {string} [vatNumberProperty] The one holding the VAT number (default "vat_number").
 * @property {string} [dunsProperty] The one holding the DUNS number (default "duns_number").
 * @property {string} [familyProperty] A line item property holding the product family, if the portal keeps one.
 */

/** A property's trimmed text, or undefined when HubSpot holds none. */
function text(value) {
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
function field(key, value) {
  return /** @type {{ [P in K]?: V }} */ (value === undefined ? {} : { [key]: value });
}

/** HubSpot's number properties are strings ("12500.00"); undefined when unset or not a number. */
function numberOf(value) {
  const t = text(value);
  const n = t === undefined ? Number.NaN : Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** closedate is an instant (e.g. 2017-05-31T22:00:00Z): the deal closes on that day in the portal's zone. */
function dayOf(value, timeZone) {
  const t = text(value);
  const instant = t === undefined ? Number.NaN : Date.parse(t);
  if (Number.isNaN(instant)) return undefined;
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    instant,
  );
  const part = (type) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A two-letter country code as HubSpot may hold it (hs_country_code, or a country typed as a code). */
function countryCode(value) {
  const t = text(value);
  return t !== undefined && /^[A-Za-z]{2}$/.test(t) ? t.toUpperCase() : undefined;
}

/**
 * One line item as a CRM line: hs_sku is the vendor's product code. A line without one is not the
 * vendor's product (a service typed on the deal): it is left out.
 * @param {HubSpotObject} item
 * @param {HubSpotRecordsOptions} options
 * @returns {CrmOpportunityLine[]}
 */
function lineOf(item, options) {
  const p = item.properties;
  const sku = text(p.hs_sku);
  if (sku === undefined) return [];
  return [
    /** @type {CrmOpportunityLine} */ ({
      sku,
      ...field('family', options.familyProperty && text(p[options.familyProperty])),
      ...field('quantity', numberOf(p.quantity)),
      ...field('description', text(p.name)),
    }),
  ];
}

/**
 * @param {HubSpotDeal} deal
 * @param {Map<string, HubSpotObject>} lineItems
 * @param {HubSpotRecordsOptions} options
 * @returns {CrmOpportunity}
 */
function opportunityOf(deal, lineItems, options) {
  const p = deal.properties;
  const stage = text(p.dealstage);
  const associated = deal.associations?.['line items'] ?? deal.associations?.line_items;
  const closed = p.hs_is_closed_won === 'true' ? 'won' : p.hs_is_closed === 'true' ? 'lost' : undefined;
  return /** @type {CrmOpportunity} */ ({
    id: deal.id,
    ...field('name', text(p.dealname)),
    amount: { ...field('value', numberOf(p.amount)), currency: text(p.deal_currency_code) ?? options.currency },
    ...field('closeDate', dayOf(p.closedate, options.timeZone ?? 'UTC')),
    ...field('stage', stage && (options.stageLabels?.[stage] ?? stage)),
    ...field('closed', closed),
    lines: (associated?.results ?? []).flatMap(({ id }) => {
      const item = lineItems.get(id);
      return item ? lineOf(item, options) : [];
    }),
  });
}

/**
 * The records of one HubSpot company: the company as the account (its SIREN, VAT number and DUNS
 * from custom properties), its deals as the opportunities, their line items as the lines.
 * @param {{ company: HubSpotObject, deals: HubSpotDeal[], lineItems: HubSpotObject[] }} hubspot
 * @param {HubSpotRecordsOptions} options
 * @returns {CrmRecords}
 */
export function hubspotRecords({ company, deals, lineItems }, options) {
  const p = company.properties;
  const byId = new Map(lineItems.map((item) => [item.id, item]));
  return /** @type {CrmRecords} */ ({
    account: {
      id: company.id,
      ...field('name', text(p.name)),
      ...field('country', countryCode(p.hs_country_code) ?? countryCode(p.country) ?? options.country),
      ...field('siren', text(p[options.sirenProperty ?? 'siren'])),
      ...field('vatNumber', text(p[options.vatNumberProperty ?? 'vat_number'])),
      ...field('duns', text(p[options.dunsProperty ?? 'duns_number'])),
      ...field('website', text(p.website) ?? text(p.domain)),
    },
    opportunities: deals.map((deal) => opportunityOf(deal, byId, options)),
  });
}
