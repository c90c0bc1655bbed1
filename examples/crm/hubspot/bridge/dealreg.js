// The bridge page HubSpot's iframe modal shows: it is the framed panel's parent. It trades the
// card's single-use launch code for a session (kept in memory), reads the company's deals from the
// partner's backend, and mounts the vendor's panel with them as records (./records.js, the recipe
// of docs/crm-records.md); it answers the panel's token requests from the partner's backend.
import { mountDealRegFrame } from './embed.js'; // dist/embed.js, served beside this page
import { hubspotRecords } from './records.js';

const PANEL = 'https://partners.vendor.example/embed/';
// Where this portal keeps what the recipe needs (see records.js for each option).
const RECORDS = {
  currency: 'EUR',
  country: 'FR',
  timeZone: 'Europe/Paris',
  sirenProperty: 'siren',
  vatNumberProperty: 'vat_number',
  dunsProperty: 'duns_number',
};

const params = new URLSearchParams(location.search);
const launchCode = new URLSearchParams(location.hash.slice(1)).get('launch');
// The code is single-use, but it leaves the address bar and history at once all the same.
history.replaceState(null, '', location.pathname + location.search);

async function startSession() {
  const response = await fetch('/hubspot/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ launchCode, companyId: params.get('company') }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()).session; // short-lived, this page's memory only
}

/**
 * The company, its deals and their line items, as HubSpot's CRM API answers them: the partner's
 * backend reads them with the app's HubSpot token (records.js lists the calls) and passes them on.
 */
async function crmObjects() {
  const response = await fetch('/hubspot/crm-objects', { method: 'POST', headers: { Authorization: `Bearer ${session}` } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json(); // { company, deals, lineItems }
}

const session = await startSession();
// The HubSpot company id means nothing to the vendor: the records carry the company's SIREN, VAT
// number or DUNS, and each deal's HubSpot id comes back on its registration.
mountDealRegFrame(document.getElementById('dealreg'), {
  src: PANEL,
  records: hubspotRecords(await crmObjects(), RECORDS),
  locale: params.get('locale') ?? 'en',
  async getToken() {
    const response = await fetch('/hubspot/partner-token', { method: 'POST', headers: { Authorization: `Bearer ${session}` } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()).token;
  },
  onEvent(event) {
    if (event.type !== 'dealreg-error') return;
    console.warn('dealreg', event.detail.operation, event.detail.error.code);
    // Invalid records are left out (a deal with no amount, no close date…): each names the record and field to fix in HubSpot.
    if (event.detail.problems) console.warn('dealreg: left out', event.detail.problems);
  },
});
