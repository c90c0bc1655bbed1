// The HTML web resource on the Account form (dealreg_/panel.html): it frames the vendor's panel
// with dealreg/embed. The form script (account_form.js) tells it the account through
// window.dealregSetAccount; it reads the account, its opportunities and their products with the
// Web API (the user's own session and security roles) and passes them as records (./records.js,
// the recipe of docs/crm-records.md). The token comes from a Dataverse custom API
// (dealreg_GetPartnerToken, a plug-in that calls the vendor with the org's credential).
import { mountDealRegFrame } from './embed.js';
import { accountQuery, dynamicsRecords, OPPORTUNITY_QUERY, PRODUCT_QUERY } from './records.js';

const PANEL = 'https://partners.vendor.example/embed/';
const API = '/api/data/v9.2';
// Where this org keeps what the recipe needs (see records.js for each option).
const RECORDS = {
  country: 'FR',
  countries: { France: 'FR', Belgique: 'BE', Belgium: 'BE', Suisse: 'CH', Switzerland: 'CH' },
  sirenColumn: 'dealreg_siren',
  vatNumberColumn: 'dealreg_vatnumber',
  dunsColumn: 'dealreg_duns',
};
const HEADERS = { Accept: 'application/json', 'OData-Version': '4.0', 'OData-MaxVersion': '4.0' };
let mounted;

async function partnerToken() {
  const response = await fetch(`${API}/dealreg_GetPartnerToken`, {
    method: 'POST',
    headers: { ...HEADERS, 'Content-Type': 'application/json' },
    body: '{}',
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()).Token;
}

async function get(path) {
  const response = await fetch(`${API}/${path}`, { headers: HEADERS, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** The account, its opportunities and their opportunity products, as the Web API answers them. */
async function crmRecords(accountId) {
  const [account, opportunities, products] = await Promise.all([
    get(`accounts(${accountId})?${accountQuery(RECORDS)}`),
    get(`opportunities?$filter=_parentaccountid_value eq ${accountId}&${OPPORTUNITY_QUERY}`),
    get(`opportunityproducts?$filter=opportunityid/_parentaccountid_value eq ${accountId}&${PRODUCT_QUERY}`),
  ]);
  return dynamicsRecords({ account, opportunities: opportunities.value, opportunityProducts: products.value }, RECORDS);
}

/** Called by the form script on load, and again when the form shows another account. */
window.dealregSetAccount = async (accountId, locale) => {
  // The account's GUID means nothing to the vendor: the records carry its SIREN, VAT number or DUNS.
  const records = await crmRecords(accountId);
  if (mounted) return mounted.setRecords(records);
  mounted = mountDealRegFrame(document.getElementById('dealreg'), {
    src: PANEL,
    records,
    locale,
    getToken: partnerToken,
    onEvent(event) {
      // The form script listens too (e.g. to refresh a subgrid after a registration).
      window.dispatchEvent(new CustomEvent('dealreg-event', { detail: event }));
    },
  });
};
