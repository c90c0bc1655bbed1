// The identifiers a vendor knows its customers by: the French SIREN (9 digits, Luhn), the French
// VAT number (FR, a two-digit key, the SIREN) and the DUNS number (9 digits). Matching a customer is
// exact on these; a name and a country never match (a fuzzy match is a back-office job).

/** The identifiers of one customer, as a CRM account may hold them (each optional). */
export interface CustomerIdentifiers {
  siren?: string;
  vatNumber?: string;
  duns?: string;
}

/** Spaces, dots and dashes are how people type these numbers; they carry no meaning. */
const normalize = (value: string): string => value.replace(/[\s.\-\u00a0]/g, '').toUpperCase();

/** The Luhn check on a string of digits: from the right, every second digit doubled (minus 9 above 9). */
function luhnHolds(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A SIREN in its canonical form (9 digits), or null when it is not one: wrong length or check digit. */
export function canonicalSiren(value: string): string | null {
  const siren = normalize(value);
  return /^\d{9}$/.test(siren) && luhnHolds(siren) ? siren : null;
}

/** The French VAT key of a SIREN: (12 + 3 × (SIREN mod 97)) mod 97, on two digits. */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, '0');
}

/** A French VAT number in its canonical form (FR, key, SIREN), or null when its SIREN or key is wrong. */
export function canonicalVatNumber(value: string): string | null {
  const match = /^FR(\d{2})(\d{9})$/.exec(normalize(value));
  if (!match) return null;
  const key = match[1]!;
  const siren = match[2]!;
  return canonicalSiren(siren) !== null && frenchVatKey(siren) === key ? `FR${key}${siren}` : null;
}

/** A DUNS number in its canonical form (9 digits; D&B publishes no check digit), or null. */
export function canonicalDuns(value: string): string | null {
  const duns = normalize(value);
  return /^\d{9}$/.test(duns) ? duns : null;
}

/** The SIREN a set of identifiers names, directly or inside its VAT number; null when none. */
export function sirenOf(ids: CustomerIdentifiers): string | null {
  if (ids.siren !== undefined) {
    const siren = canonicalSiren(ids.siren);
    if (siren !== null) return siren;
  }
  if (ids.vatNumber !== undefined) {
    const vat = canonicalVatNumber(ids.vatNumber);
    if (vat !== null) return vat.slice(4);
  }
  return null;
}
