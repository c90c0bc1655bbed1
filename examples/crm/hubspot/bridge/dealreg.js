// The bridge page HubSpot's iframe modal shows: it is the framed panel's parent. It trades the
// card's single-use launch code for a session (kept in memory), then mounts the vendor's panel
// and answers its token requests from the partner's backend.
import { mountDealRegFrame } from './embed.js'; // dist/embed.js, served beside this page

const PANEL = 'https://partners.vendor.example/embed/';

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

const session = await startSession();
mountDealRegFrame(document.getElementById('dealreg'), {
  src: PANEL,
  accountId: params.get('company'),
  locale: params.get('locale') ?? 'en',
  async getToken() {
    const response = await fetch('/hubspot/partner-token', { method: 'POST', headers: { Authorization: `Bearer ${session}` } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()).token;
  },
  onEvent(event) {
    if (event.type === 'dealreg-error') console.warn('dealreg', event.detail.operation, event.detail.error.code);
  },
});
