/* global ZOHO */
// A Zoho CRM widget on the Accounts module: Zoho shows the widget in a frame and tells it the
// record (PageLoad); the widget reads the Account, its Deals and their products with the SDK, and
// frames the vendor's panel with them as records (./records.js, the recipe of docs/crm-records.md).
// The token comes through a Zoho CRM Connection ("dealreg_vendor", OAuth to the vendor, set up by
// the admin): Zoho's servers call the vendor's token endpoint, so no vendor secret is in the widget.
import { mountDealRegFrame } from './embed.js'; // dist/embed.js, copied here before `zet pack`
import { zohoRecords } from './records.js';

const PANEL = 'https://partners.vendor.example/embed/';
const CONNECTION = 'dealreg_vendor';
// Where this org keeps what the recipe needs (see records.js for each option, e.g. lineSubform).
const RECORDS = {
  currency: 'EUR',
  country: 'FR',
  countries: { France: 'FR', Belgique: 'BE', Belgium: 'BE', Suisse: 'CH', Switzerland: 'CH' },
  sirenField: 'SIREN',
  vatNumberField: 'VAT_Number',
  dunsField: 'DUNS_Number',
};

/** The SDK answers a related list with `data`, or with no data when it is empty. */
const dataOf = (answer) => (Array.isArray(answer?.data) ? answer.data : []);

/** The Account, its Deals (first 200) and each Deal's Products related list, as Zoho holds them. */
async function crmRecords(accountId) {
  const [account] = dataOf(await ZOHO.CRM.API.getRecord({ Entity: 'Accounts', RecordID: accountId }));
  const deals = dataOf(
    await ZOHO.CRM.API.getRelatedRecords({
      Entity: 'Accounts',
      RecordID: accountId,
      RelatedList: 'Deals',
      page: 1,
      per_page: 200,
    }),
  );
  const dealProducts = Object.fromEntries(
    await Promise.all(
      deals.map(async (deal) => [
        deal.id,
        dataOf(await ZOHO.CRM.API.getRelatedRecords({ Entity: 'Deals', RecordID: deal.id, RelatedList: 'Products' })),
      ]),
    ),
  );
  return zohoRecords({ account, deals, dealProducts }, RECORDS);
}

async function partnerToken() {
  const answer = await ZOHO.CRM.CONNECTION.invoke(CONNECTION, {
    url: 'https://partners.vendor.example/oauth/partner-token',
    method: 'POST',
    param_type: 2,
    parameters: {},
  });
  // invoke() wraps the vendor's JSON body; read the token where your Zoho edition puts it.
  const body = answer?.details?.statusMessage ?? answer;
  const token = typeof body === 'string' ? JSON.parse(body).access_token : body?.access_token;
  if (typeof token !== 'string') throw new Error('no token in the connection answer');
  return token;
}

let mounted;
ZOHO.embeddedApp.on('PageLoad', async (data) => {
  // EntityId is the Account's record id (an array on some pages: take the first). The vendor does
  // not know it: the records carry the account's SIREN, VAT number or DUNS instead.
  const records = await crmRecords(String(Array.isArray(data.EntityId) ? data.EntityId[0] : data.EntityId));
  if (mounted) return mounted.setRecords(records);
  mounted = mountDealRegFrame(document.getElementById('dealreg'), {
    src: PANEL,
    records,
    locale: navigator.language,
    getToken: partnerToken,
    onEvent(event) {
      // A Zoho toast is not available to widgets in every location: the panel shows outcomes itself.
      if (event.type === 'dealreg-error') console.warn('dealreg', event.detail.operation, event.detail.error.code);
      // Deals left out as invalid name the record and field to fix in Zoho (e.g. a Deal with no Amount).
      if (event.type === 'dealreg-error' && event.detail.problems) console.warn('dealreg: left out', event.detail.problems);
    },
  });
});
ZOHO.embeddedApp.init();
