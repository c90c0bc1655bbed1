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
import type { InternalOpportunity, InternalQuote, InternalRegistration, Partner, Store } from './model.ts';
import { createIdSource, netPriceOf, protectedDiscountPercent, type ScenarioOptions } from './scenarios.ts';

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
  return randomId(prefix, (id) => s.store.registrations.has(id) || s.store.quotes.has(id));
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
 * The opportunities of opp's account that are the same deal as opp (rule 1). Opportunities do not
 * change: cached until the program or the store does.
 */
export function sameDealOpportunities(s: MockState, opp: InternalOpportunity): readonly string[] {
  const cached = s.sameDealCache.get(opp.id);
  if (cached) return cached;
  const same: string[] = [];
  for (const id of s.indexes.opportunitiesOfAccount(opp.accountId)) {
    s.visited += 1;
    const other = s.store.opportunities.get(id);
    if (other && sameDeal(s, opp, other)) same.push(id);
  }
  s.sameDealCache.set(opp.id, same);
  return same;
}
