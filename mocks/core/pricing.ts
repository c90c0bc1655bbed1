// The vendor's restricted pricing in the mock: the protected discount and net price of a quote, and
// acc-quoted's quote, seeded already priced.
import type { IsoDate, IsoDateTime } from '../../src/domain/types.ts';
import { transitionQuote } from '../../src/program/lifecycle.ts';
import { quoteValidUntil } from '../../src/program/protection.ts';
import type { InternalOpportunity, InternalQuote, InternalRegistration, Store } from './model.ts';
import { hashString } from './prng.ts';
import type { ScenarioOptions } from './scenarios.ts';

/** A deterministic discount in [12, 22] % that follows from the quote id. */
export function protectedDiscountPercent(quoteId: string): number {
  return 12 + (hashString(quoteId) % 11);
}

/** Net price in the quote's currency, rounded to the cent. */
export function netPriceOf(listPrice: number, discountPercent: number): number {
  return Math.round(listPrice * (100 - discountPercent)) / 100;
}

const at = (date: IsoDate, time: string): IsoDateTime => `${date}T${time}Z`;

/** A quote request on `reg` as the partner sent it on `requestedOn`, its decision due at `decisionDueAtMs`. */
export function seedSubmittedQuote(
  o: Pick<ScenarioOptions, 'nextId'>,
  reg: InternalRegistration,
  requestedOn: IsoDate,
  decisionDueAtMs = 0,
): InternalQuote {
  const requestedAt = at(requestedOn, '11:00:00');
  return {
    id: o.nextId('quo'),
    registrationId: reg.id,
    partnerId: reg.partnerId,
    status: 'submitted',
    requestedAt,
    history: [{ from: null, to: 'submitted', at: requestedAt, by: 'partner' }],
    decisionDueAtMs,
  };
}

/** A quote request on `reg`, requested on one day and priced by the vendor on another; stored and returned. */
export function seedQuotedQuote(
  store: Store,
  o: ScenarioOptions,
  reg: InternalRegistration,
  opp: InternalOpportunity,
  requestedOn: IsoDate,
  quotedOn: IsoDate,
): InternalQuote {
  const submitted = seedSubmittedQuote(o, reg, requestedOn);
  const discountPercent = protectedDiscountPercent(submitted.id);
  const quoted: InternalQuote = {
    ...submitted,
    ...transitionQuote(submitted, 'quoted', { at: at(quotedOn, '09:15:00'), by: 'vendor' }),
    listPrice: opp.amount.value,
    discountPercent,
    netPrice: netPriceOf(opp.amount.value, discountPercent),
    currency: opp.amount.currency,
    validUntil: quoteValidUntil(quotedOn, o.program.quote),
  };
  store.quotes.set(quoted.id, quoted);
  return quoted;
}
