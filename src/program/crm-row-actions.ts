// A row's one primary action, and the others it still offers in a neutral style: one brand button
// per row, for the most urgent thing the rep can do on it (issue 19 §3).
import type { OpportunityState } from '../domain/status.ts';
import type { IsoDate, IsoDateTime, QuoteRequest } from '../domain/types.ts';
import { isProtectionActive, isQuoteOpen, type ProtectionView } from './protection.ts';

export type RowAction = 'register' | 'extend' | 'request-quote';

export interface RowActions {
  /** The brand button; null when the row's next step is not an action (awaiting the vendor, closed…). */
  primary: RowAction | null;
  /** Offered too, as neutral buttons, in this order. */
  secondary: RowAction[];
}

export interface RowActionFacts {
  /** Free to register and the vendor says it qualifies (see crmRows). */
  registrable: boolean;
  /** Won or lost in the CRM: the deal is over, nothing is offered on it. */
  closedInCrm: boolean;
  state: OpportunityState;
  protection: ProtectionView | undefined;
  quote: Pick<QuoteRequest, 'status' | 'validUntil'> | undefined;
  at: IsoDate | IsoDateTime;
}

/**
 * - register: when registrable (never beside another action: registering needs no protection held);
 * - extend: first when the protection is expiring soon and the extension window is open;
 * - request-quote: while this partner's protection holds and no quote request is open (rule 4);
 * - extend, when its window opens before "expiring soon" starts (a program whose window is longer).
 */
export function rowActions(facts: RowActionFacts): RowActions {
  if (facts.closedInCrm) return { primary: null, secondary: [] };
  const { protection, quote, at } = facts;
  const canExtend = protection?.canExtend === true;
  const canQuote = protection !== undefined && isProtectionActive(protection) && !(quote && isQuoteOpen(quote, at));
  const expiring = facts.state === 'expiring-soon';
  const offered: RowAction[] = [];
  if (facts.registrable) offered.push('register');
  if (canExtend && expiring) offered.push('extend');
  if (canQuote) offered.push('request-quote');
  if (canExtend && !expiring) offered.push('extend');
  return { primary: offered[0] ?? null, secondary: offered.slice(1) };
}
