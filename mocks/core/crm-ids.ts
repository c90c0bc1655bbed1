// The ids a partner's CRM gives the demo customers and their deals (Salesforce-like: `001…` for an
// account, `006…` for an opportunity, 15 characters). Each partner's CRM has its own: they follow
// from the partner and the vendor's record, so the scenarios' registrations (scenarios.ts) and the
// CRM records (demo-crm.ts) name the same deals without sharing any state.
import { hashString } from './prng.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Six base-62 characters of a 32-bit hash (62⁶ > 2³², so every hash has its own). */
function base62(hash: number): string {
  let text = '';
  for (let rest = hash, i = 0; i < 6; i += 1, rest = Math.floor(rest / 62)) text = BASE62[rest % 62]! + text;
  return text;
}

function crmId(prefix: string, partnerId: string, key: string): string {
  return `${prefix}${base62(hashString(`${partnerId}\u0000${key}`))}${base62(hashString(`${key}\u0000${partnerId}`))}`;
}

/** The partner's CRM id of a demo customer (an Account). */
export const crmAccountId = (partnerId: string, accountId: string): string => crmId('001', partnerId, accountId);

/** The partner's CRM id of a deal (an Opportunity), from the vendor's record of it or a CRM-only key. */
export const crmOpportunityId = (partnerId: string, key: string): string => crmId('006', partnerId, key);
