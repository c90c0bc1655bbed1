// Setup of the portal example's pages (portal.html, an account; portal-dashboard.html, the book): the
// HTTP adapter against the mock REST server (`npm run mock-server`, http://127.0.0.1:8787/api), and
// the account from the URL.
//   ?account=acc-conflict   the account to show (default acc-protected)
//   ?token=demo-beta        the signed-in partner's bearer token (default demo-alpha)
//   ?api=/api               another REST base URL (the CSP test serves the API on the page's origin)
import { createHttpAdapter } from '../dist/dealreg.js';

const params = new URLSearchParams(location.search);
const baseUrl = params.get('api') ?? 'http://127.0.0.1:8787/api';
const token = params.get('token') ?? 'demo-alpha';
const accountId = params.get('account') ?? 'acc-protected';

const provider = document.getElementById('provider');
const panel = document.getElementById('panel');

// A real portal gets the token from its session (and refreshes it); getToken is called per request.
provider.adapter = createHttpAdapter({ baseUrl, getToken: () => token });
panel?.setAttribute('account-id', accountId);

// Links keep the page's settings (token, api): the account list, the menu, and the book's rows.
const keepParams = (href) => {
  const url = new URL(href, location.href);
  for (const [key, value] of params) if (key !== 'account') url.searchParams.set(key, value);
  return url.href;
};
for (const link of document.querySelectorAll('#account-list a, a[data-keep-params]')) {
  link.href = keepParams(link.href);
  if (link.closest('#account-list') && new URL(link.href).searchParams.get('account') === accountId) {
    link.setAttribute('aria-current', 'page');
  }
}
const book = document.getElementById('book');
if (book) book.setAttribute('account-href', decodeURI(keepParams(book.getAttribute('account-href'))));

// The host reacts to the elements' events (they bubble and are composed).
document.addEventListener('dealreg-registered', (event) => {
  console.info('portal: registration', event.detail);
});
document.addEventListener('dealreg-quote-requested', (event) => {
  console.info('portal: quote request', event.detail);
});
document.addEventListener('dealreg-error', (event) => {
  console.warn('portal: dealreg error', event.detail.operation, event.detail.error.code);
});
