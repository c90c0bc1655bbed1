/* global ZOHO */
// A Zoho CRM widget on the Accounts module: Zoho shows the widget in a frame and tells it the
// record (PageLoad); the widget frames the vendor's panel with dealreg/embed. The token comes
// through a Zoho CRM Connection ("dealreg_vendor", OAuth to the vendor, set up by the admin):
// Zoho's servers call the vendor's token endpoint, so no vendor secret is in the widget.
import { mountDealRegFrame } from './embed.js'; // dist/embed.js, copied here before `zet pack`

const PANEL = 'https://partners.vendor.example/embed/';
const CONNECTION = 'dealreg_vendor';

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
ZOHO.embeddedApp.on('PageLoad', (data) => {
  // EntityId is the Account's record id (an array on some pages: take the first).
  const accountId = String(Array.isArray(data.EntityId) ? data.EntityId[0] : data.EntityId);
  if (mounted) return mounted.setAccount(accountId);
  mounted = mountDealRegFrame(document.getElementById('dealreg'), {
    src: PANEL,
    accountId,
    locale: navigator.language,
    getToken: partnerToken,
    onEvent(event) {
      // A Zoho toast is not available to widgets in every location: the panel shows outcomes itself.
      if (event.type === 'dealreg-error') console.warn('dealreg', event.detail.operation, event.detail.error.code);
    },
  });
});
ZOHO.embeddedApp.init();
