// The HTML web resource on the Account form (dealreg_/panel.html): it frames the vendor's panel
// with dealreg/embed. The form script (account_form.js) tells it the account through
// window.dealregSetAccount; the token comes from a Dataverse custom API (dealreg_GetPartnerToken,
// a plug-in that calls the vendor with the org's credential), called with the user's own session.
import { mountDealRegFrame } from './embed.js';

const PANEL = 'https://partners.vendor.example/embed/';
let mounted;

async function partnerToken() {
  const response = await fetch('/api/data/v9.2/dealreg_GetPartnerToken', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'OData-Version': '4.0' },
    body: '{}',
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()).Token;
}

/** Called by the form script on load, and again when the form shows another account. */
window.dealregSetAccount = (accountId, locale) => {
  if (mounted) return mounted.setAccount(accountId);
  mounted = mountDealRegFrame(document.getElementById('dealreg'), {
    src: PANEL,
    accountId,
    locale,
    getToken: partnerToken,
    onEvent(event) {
      // The form script listens too (e.g. to refresh a subgrid after a registration).
      window.dispatchEvent(new CustomEvent('dealreg-event', { detail: event }));
    },
  });
};
