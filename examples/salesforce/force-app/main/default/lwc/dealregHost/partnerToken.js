// The vendor token, one Apex callout per token: every dealreg component on the page (the panels, the
// book) shares this module, so they reuse one token until shortly before it expires, and the
// requests made while it is being fetched wait for that one callout. Apex answers { token, expiresIn }
// (seconds, the vendor's OAuth `expires_in`); the expiry is counted on this browser's clock from when
// the answer arrives, so the server's clock and the callout's duration do not matter.
import getPartnerToken from '@salesforce/apex/DealRegController.getPartnerToken';

/** Fetched again this long before it expires, so a request (and its retries) still carries a live token. */
export const RENEW_MARGIN_MS = 60 * 1000;

/** { token: Promise<string>, renewAt: ms }, or undefined: nothing fetched, or forgotten. */
let current;

/** The partner token: the cached one while it has more than the margin left, else a new one from Apex. */
export function partnerToken() {
  if (current && Date.now() < current.renewAt) return current.token;
  const entry = { renewAt: Infinity }; // shared while the callout is under way
  entry.token = getPartnerToken().then(
    (answer) => {
      const expiresIn = answer ? answer.expiresIn : undefined;
      // Without a lifetime the vendor did not state, the token is used for the requests waiting on it only.
      entry.renewAt = typeof expiresIn === 'number' && expiresIn > 0 ? Date.now() + expiresIn * 1000 - RENEW_MARGIN_MS : 0;
      return answer ? answer.token : undefined;
    },
    (error) => {
      // A failed callout is not kept: the next request asks again.
      if (current === entry) current = undefined;
      throw error;
    },
  );
  current = entry;
  return entry.token;
}

/** Forgets the token, so the next request asks Apex for a new one (the vendor refused this one). */
export function forgetPartnerToken() {
  current = undefined;
}
