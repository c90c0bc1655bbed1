// What every dealreg component on a Lightning page shares (imported as c/dealregHost: LWC lets another
// bundle import only a bundle's main module): the static resource and the HTTP adapter whose token
// comes from Apex (one callout per token for every element on the page: partnerToken.js), the
// elements' events as plain data under hyphen-free names (events.js), the toasts (toasts.js), and the
// user's language.
import { loadScript } from 'lightning/platformResourceLoader';
import DEALREG from '@salesforce/resourceUrl/dealreg';
import LANG from '@salesforce/i18n/lang';
import { EVENT_NAMES, plainDetail } from './events';
import { forgetPartnerToken, partnerToken } from './partnerToken';

export { EVENT_NAMES, plainDetail } from './events';
export { RENEW_MARGIN_MS, forgetPartnerToken, partnerToken } from './partnerToken';
export { toastFor } from './toasts';

export const DEFAULT_API_BASE_URL = 'https://partners.vendor.example/api';

/** `fr` for a French-speaking user, else `en`: the languages the elements and these components speak. */
export const USER_LOCALE = typeof LANG === 'string' && LANG.toLowerCase().startsWith('fr') ? 'fr' : 'en';

/**
 * Loads the static resource (dist/dealreg.closed.js: the dealreg-* elements with closed shadow
 * roots, and the global DealReg; loadScript loads it once per page) and answers an HTTP adapter for
 * the vendor's API at `apiBaseUrl` (its origin a CSP Trusted Site), its token asked for on every
 * request: the cached one until shortly before it expires, then a new one from Apex. When it cannot
 * be loaded, undefined: the cause (a script error, an Apex message) is logged, never shown.
 */
export async function loadAdapter(component, apiBaseUrl) {
  try {
    await loadScript(component, DEALREG);
    return window.DealReg.createHttpAdapter({ baseUrl: apiBaseUrl || DEFAULT_API_BASE_URL, getToken: partnerToken });
  } catch (error) {
    console.error('dealreg: the static resource could not be loaded', error);
    return undefined;
  }
}

/**
 * Hears the element's registered, quote-requested, extended and error events and hands each to
 * `heard(name, detail)` under its hyphen-free name, its detail as plain data. A token the vendor
 * refused (revoked, or its clock disagrees) is forgotten first, so the next request gets a new one.
 */
export function listenTo(element, heard) {
  for (const [from, to] of EVENT_NAMES) {
    element.addEventListener(from, (event) => {
      const detail = plainDetail(event);
      if (to === 'error' && detail.error.code === 'unauthorized') forgetPartnerToken();
      heard(to, detail);
    });
  }
}
