// The mock backend's state and what reading it involves: the store and its indexes, the clock, the
// program, and the settling of records as time passes (lazy: evaluated on read, no timers). The
// queries and the commands share one MockState; every function here is synchronous, so a handler
// that calls them after its last `await` sees and changes one consistent store.
import type { InstalledBaseSummary, IsoDateTime, OrderFacts } from '../../src/domain/types.ts';
import type { ProgramDefinition, ProtectionTerms } from '../../src/domain/program.ts';
import { addDays, compareDates } from '../../src/program/dates.ts';
import { transitionQuote, transitionRegistration } from '../../src/program/lifecycle.ts';
import { isProtectionActive, protectionState, quoteState, quoteValidUntil } from '../../src/program/protection.ts';
import { footprintOf, isSameOpportunity } from '../../src/program/same-opportunity.ts';
import { createCursorCodec, type CursorCodec } from './cursor.ts';
import { randomId } from './ids.ts';
import { indexStore, type StoreIndexes } from './indexes.ts';
import { parseAccountRef } from './customers.ts';
import type { InternalAccount, InternalOpportunity, InternalQuote, InternalRegistration, Partner, Store } from './model.ts';
import { isFailure, type Failure } from './problems.ts';
import { netPriceOf, protectedDiscountPercent } from './pricing.ts';
import { createIdSource, type ScenarioOptions } from './scenarios.ts';

export interface MockState {
  /** The backend's "today". It does not tick. */
  clock: IsoDateTime;
  /** The date the seeded records are dated from at the next reset (null: the clock). */
  anchor: IsoDateTime | null;
  program: ProgramDefinition;
  seed: number;
  /** The demo partners and any added; changed in place. */
  readonly partners: Partner[];
  store: Store;
  indexes: StoreIndexes;
  /** Stored records examined since creation: a measure of work that does not depend on the machine. */
  visited: number;
  /** Real-time clock in ms: when a quote decision shows, when an idempotency key expires. */
  realTime: () => number;
  /** Real milliseconds after a quote request before the vendor's pricing decision shows. */
  quoteDecisionDelayMs: number;
  /** Per opportunity: the ids of its account's opportunities that are the same deal (rule 1), itself included. */
  readonly sameDealCache: Map<string, readonly string[]>;
  /** Installed-base summaries per (account, partner), valid for one date and one program. */
  summaries: { date: string; program: ProgramDefinition; byKey: Map<string, InstalledBaseSummary> };
  /** One HMAC secret per backend, random: no client can mint a cursor, and none outlives the backend. */
  readonly cursors: CursorCodec;
  /** Builds the seeded store (the demo scenarios unless a test seeds what the contract cannot create). */
  readonly scenarios: (options: ScenarioOptions) => Store;
}

export type StateInit = Pick<
  MockState,
  'clock' | 'anchor' | 'program' | 'seed' | 'partners' | 'realTime' | 'quoteDecisionDelayMs' | 'scenarios'
>;

export function createState(init: StateInit): MockState {
  const store = demoStore(init);
  return {
    ...init,
    store,
    indexes: indexStore(store),
    visited: 0,
    sameDealCache: new Map(),
    summaries: noSummaries(init.program),
    cursors: createCursorCodec(),
  };
}

/** The seeded id source builds the demo store only, so the demo data repeats for a seed. */
function demoStore(s: Pick<MockState, 'anchor' | 'clock' | 'program' | 'seed' | 'partners' | 'scenarios'>): Store {
  return s.scenarios({
    anchor: s.anchor ?? s.clock,
    program: s.program,
    seed: s.seed,
    partners: s.partners,
    nextId: createIdSource(s.seed),
  });
}

const noSummaries = (program: ProgramDefinition): MockState['summaries'] => ({ date: '', program, byKey: new Map() });

/** Back to the seeded demo store (dated from the anchor, else the clock), with fresh indexes and caches. */
export function reseed(s: MockState): void {
  s.sameDealCache.clear();
  s.store = demoStore(s);
  s.indexes = indexStore(s.store);
  s.summaries = noSummaries(s.program);
}

export const termsOf = (s: MockState): ProtectionTerms => s.program.protection;

/** Ids minted at run time: random, so no partner can predict another's (see ids.ts). */
export function mintId(s: MockState, prefix: string): string {
  return randomId(prefix, (id) => s.store.registrations.has(id) || s.store.quotes.has(id) || s.store.opportunities.has(id));
}

/**
 * What an account reference names: a known account; `{ newCustomer }`, the key of a `siren:`/`duns:`
 * reference the customer master has no record of (a new account: no order on record); null, a vendor
 * id it does not know; or the 400 of a malformed identifier.
 */
export function resolveAccount(s: MockState, ref: string): InternalAccount | { newCustomer: string } | null | Failure {
  const target = parseAccountRef(ref);
  if (isFailure(target)) return target;
  if ('id' in target) return s.store.accounts.get(target.id) ?? null;
  const id = s.indexes.customerOf(target.key);
  const account = id === undefined ? undefined : s.store.accounts.get(id);
  return account ?? { newCustomer: target.key };
}

/** Ids and ISO date-times order by code point, as the engine orders them; a collator could disagree. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a partner sees this opportunity listed: the vendor's own, or the record of that partner's CRM deal. */
export const listedTo = (opp: InternalOpportunity, partnerId: string): boolean =>
  opp.partnerId === undefined || opp.partnerId === partnerId;

/** Stores an opportunity (a partner's CRM deal): rule 1's cache no longer holds. */
export function putOpportunity(s: MockState, opp: InternalOpportunity): void {
  s.indexes.putOpportunity(opp);
  s.sameDealCache.clear();
}

/**
 * The account's registrations as one partner may weigh them: its own (settled, oldest first) and the
 * opportunities another partner's active protection holds (never whose).
 */
export function registrationsSeenBy(
  s: MockState,
  partnerId: string,
  accountId: string,
): { own: InternalRegistration[]; heldByOthers: Set<string> } {
  const own: InternalRegistration[] = [];
  const heldByOthers = new Set<string>();
  for (const stored of registrationsAt(s, s.indexes.registrationsOfAccount(accountId))) {
    const reg = settleRegistration(s, stored);
    if (reg.partnerId === partnerId) own.push(reg);
    else if (isProtectionActive(protectionState(reg, s.clock, termsOf(s)))) heldByOthers.add(reg.opportunityId);
  }
  own.sort((a, b) => byCodePoint(a.submittedAt, b.submittedAt));
  return { own, heldByOthers };
}

/** The stored registrations behind a list of ids, counted as visited. */
export function* registrationsAt(s: MockState, ids: Iterable<string>): Generator<InternalRegistration> {
  for (const id of ids) {
    s.visited += 1;
    const reg = s.store.registrations.get(id);
    if (reg) yield reg;
  }
}

/** The quote requests of a registration, settled, counted as visited. */
export function quotesOfRegistration(s: MockState, registrationId: string): InternalQuote[] {
  const quotes: InternalQuote[] = [];
  for (const id of s.indexes.quotesOfRegistration(registrationId)) {
    s.visited += 1;
    const stored = s.store.quotes.get(id);
    if (stored) quotes.push(settleQuote(s, stored));
  }
  return quotes;
}

/** The account's last vendor infrastructure order, by anyone and by this partner, up to the clock. */
export function orderFacts(s: MockState, accountId: string, partnerId: string): OrderFacts {
  let last: string | null = null;
  let byYou: string | null = null;
  for (const order of s.store.orders) {
    s.visited += 1;
    if (order.accountId !== accountId || compareDates(order.orderedAt, s.clock) > 0) continue;
    if (last === null || compareDates(order.orderedAt, last) > 0) last = order.orderedAt;
    if (order.partnerId === partnerId && (byYou === null || compareDates(order.orderedAt, byYou) > 0)) byYou = order.orderedAt;
  }
  return { lastInfraOrderAt: last, lastInfraOrderByYouAt: byYou };
}

const startOfDay = (date: string): IsoDateTime => `${date}T00:00:00.000Z`;

/** approved → expired once the protection period is over (history says when it ended). */
export function settleRegistration(s: MockState, reg: InternalRegistration): InternalRegistration {
  if (reg.status !== 'approved' || reg.protectedUntil === undefined) return reg;
  if (protectionState(reg, s.clock, termsOf(s)).state !== 'expired') return reg;
  const ended = transitionRegistration(reg, 'expired', {
    at: startOfDay(addDays(reg.protectedUntil, 1)),
    by: 'system',
    reason: 'protection-period-ended',
  });
  const settled = { ...ended, partnerId: reg.partnerId };
  s.indexes.putRegistration(settled);
  return settled;
}

/** The vendor's pricing decision shows quoteDecisionDelayMs after the request; a quoted price expires after validUntil. */
export function settleQuote(s: MockState, quote: InternalQuote): InternalQuote {
  const { clock, program } = s;
  let q = quote;
  if (q.status === 'submitted' && s.realTime() >= q.decisionDueAtMs) {
    const reg = s.store.registrations.get(q.registrationId);
    const opp = reg ? s.store.opportunities.get(reg.opportunityId) : undefined;
    const ctx = { at: clock, by: 'vendor' as const };
    if (!reg || !opp || !isProtectionActive(protectionState(reg, clock, termsOf(s)))) {
      q = {
        ...q,
        ...transitionQuote(q, 'declined', { ...ctx, reason: 'protection-expired' }),
        reasons: ['protection-expired'],
      };
    } else {
      const discountPercent = protectedDiscountPercent(q.id);
      q = {
        ...q,
        ...transitionQuote(q, 'quoted', ctx),
        listPrice: opp.amount.value,
        discountPercent,
        netPrice: netPriceOf(opp.amount.value, discountPercent),
        currency: opp.amount.currency,
        validUntil: quoteValidUntil(clock, program.quote),
      };
    }
  }
  if (q.status === 'quoted' && q.validUntil !== undefined && quoteState(q, clock).state === 'expired') {
    q = { ...q, ...transitionQuote(q, 'expired', { at: startOfDay(addDays(q.validUntil, 1)), by: 'system' }) };
  }
  if (q !== quote) s.indexes.putQuote(q);
  return q;
}

function sameDeal(s: MockState, a: InternalOpportunity, b: InternalOpportunity): boolean {
  return a.id === b.id || isSameOpportunity(footprintOf(a.accountId, a), footprintOf(b.accountId, b), termsOf(s));
}

/**
 * The opportunities of opp's account that are the same deal as opp (rule 1). Cached per stored
 * opportunity until the program changes or an opportunity is stored; a deal not stored yet (a CRM
 * deal being registered) is weighed afresh.
 */
export function sameDealOpportunities(s: MockState, opp: InternalOpportunity): readonly string[] {
  const stored = s.store.opportunities.get(opp.id) === opp;
  const cached = stored ? s.sameDealCache.get(opp.id) : undefined;
  if (cached) return cached;
  const same: string[] = [];
  for (const id of s.indexes.opportunitiesOfAccount(opp.accountId)) {
    s.visited += 1;
    const other = s.store.opportunities.get(id);
    if (other && sameDeal(s, opp, other)) same.push(id);
  }
  if (stored) s.sameDealCache.set(opp.id, same);
  return same;
}
