// The framed panel in a distributor portal with a strict CSP of its own: the portal loads only
// dealreg/embed (dist/embed.js, ~1.2 kB, no Lit), frames the panel from the vendor's origin, and
// hands it the partner's token from its own session when the frame asks.
//   ?account=acc-conflict         the account to show (default acc-protected)
//   ?frame=URL                    where dist/embed/ is served (default http://localhost:8081/index.html)
// `npm run portal:framed` serves all three origins (see README.md beside this file).
import { mountDealRegFrame } from '../../../dist/embed.js';

const params = new URLSearchParams(location.search);
const mounted = mountDealRegFrame(document.getElementById('dealreg'), {
  src: params.get('frame') ?? 'http://localhost:8081/index.html',
  accountId: params.get('account') ?? 'acc-protected',
  locale: document.documentElement.lang,
  theme: { '--dealreg-color-brand': '#12355b', '--dealreg-radius': '0.5rem' },
  // The portal's session endpoint answers with a short-lived partner token (never in a URL).
  async getToken() {
    const response = await fetch('/session/dealreg-token', { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) throw new Error(`no token (HTTP ${response.status})`);
    return response.text();
  },
  onEvent(event) {
    const said = {
      'dealreg-registered': () => `Registration ${event.detail.registration.status}.`,
      'dealreg-quote-requested': () => 'Restricted quote requested.',
      'dealreg-extended': () => `Protection extended to ${event.detail.registration.protectedUntil}.`,
      'dealreg-error': () => `Could not ${event.detail.operation}: ${event.detail.error.code}.`,
    }[event.type];
    // Other events (dealreg-deal-states, for a host with CRM records) say nothing here.
    if (said) document.getElementById('last-event').textContent = said();
  },
});

// The account list switches the account in place: no reload of the frame.
for (const link of document.querySelectorAll('#account-list a')) {
  link.addEventListener('click', (e) => {
    e.preventDefault();
    mounted.setAccount(link.dataset.account);
    history.replaceState(null, '', `?${new URLSearchParams({ ...Object.fromEntries(params), account: link.dataset.account })}`);
    for (const other of document.querySelectorAll('#account-list a')) other.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'page');
  });
}
