// The vendor's customer master: the identifiers it knows each customer by (docs/program.md §6), and
// how an account reference names a customer. Matching is exact on the canonical identifier: a SIREN
// (given as such or inside a VAT number) or a DUNS number. A name and a country never match.
import { canonicalDuns, canonicalSiren, sirenOf } from '../../src/program/customer-identifiers.ts';
import type { InternalAccount } from './model.ts';
import { problem, type Failure } from './problems.ts';

export interface CustomerIdentifiers {
  siren: string;
  vatNumber?: string;
  duns?: string;
}

/** Every demo customer has a valid SIREN; some a VAT number (its key checked) or a DUNS number too. */
export const DEMO_CUSTOMERS = {
  'acc-nextgen': { siren: '412853673', vatNumber: 'FR41412853673' },
  'acc-dormant': { siren: '328760145' },
  'acc-installed': { siren: '514309822', duns: '275964881' },
  'acc-other-installed': { siren: '776523102' },
  'acc-conflict': { siren: '267194538', duns: '150483782' },
  'acc-protected': { siren: '781340260', vatNumber: 'FR78781340260' },
  'acc-expiring': { siren: '395817646' },
  'acc-quoted': { siren: '447120981', vatNumber: 'FR07447120981' },
  'acc-empty': { siren: '830264750' },
  'acc-large': { siren: '603951286', vatNumber: 'FR85603951286', duns: '731106258' },
  'acc-broken': { siren: '572409167' },
} as const satisfies Record<string, CustomerIdentifiers>;

/** What an account reference names: the vendor's own account id, or a customer identifier (`siren:…`, `duns:…`). */
export type AccountRefTarget = { id: string } | { key: string };

/**
 * Reads an account reference. `siren:` and `duns:` take 9 digits (a SIREN with its check digit); a
 * malformed one is 400. Anything else is a vendor account id, looked up as it is.
 */
export function parseAccountRef(ref: string): AccountRefTarget | Failure {
  if (ref.startsWith('siren:')) {
    const siren = ref.slice(6);
    if (/^\d{9}$/.test(siren) && canonicalSiren(siren) === siren) return { key: ref };
    return problem(400, 'invalid-request', 'siren: must be followed by a SIREN: 9 digits with a valid check digit');
  }
  if (ref.startsWith('duns:')) {
    const duns = ref.slice(5);
    if (/^\d{9}$/.test(duns) && canonicalDuns(duns) === duns) return { key: ref };
    return problem(400, 'invalid-request', 'duns: must be followed by a DUNS number: 9 digits');
  }
  return { id: ref };
}

/** The references an account answers to: `siren:` (its own, or the one inside its VAT number) and `duns:`. */
export function customerKeysOf(account: Pick<InternalAccount, 'siren' | 'vatNumber' | 'duns'>): string[] {
  const keys: string[] = [];
  const siren = sirenOf(account);
  if (siren !== null) keys.push(`siren:${siren}`);
  const duns = account.duns === undefined ? null : canonicalDuns(account.duns);
  if (duns !== null) keys.push(`duns:${duns}`);
  return keys;
}

/** The identifiers a new customer's record holds: the one its reference carried. */
export function identifiersOfKey(key: string): Pick<InternalAccount, 'siren' | 'duns'> {
  return key.startsWith('siren:') ? { siren: key.slice(6) } : { duns: key.slice(5) };
}
