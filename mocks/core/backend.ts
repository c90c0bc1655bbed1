// The in-memory vendor backend (docs/program.md and docs/rest-contract.md): the REST contract as method calls, every
// program rule decided by the engine in src/program (never re-implemented here), answers built
// from allowlists (public.ts). No MSW and no DOM here: the browser worker, the Node server and
// the tests all drive this same object.
//
// It is assembled from one module per concern: state.ts (the store, its indexes and settling),
// gate.ts (token, latency, outages, idempotency), request-checks.ts (bodies and parameters, on
// src/schemas/check.ts; deal-checks.ts for a CRM deal), queries.ts (overview, pages, quote read),
// previews.ts (a CRM deal's decision before any click), book.ts (the partner's book), commands.ts (register, quote request,
// extension) and deal-commands.ts (register a CRM deal); customers.ts and catalogue.ts are the
// vendor's customer master and product catalogue. Concurrency: each gate awaits the simulated
// latency first, then the query or command decides and writes synchronously (gate.ts).
import type { BackendCore, CoreResult, QueryParams } from './backend-core.ts';
import type { IsoDateTime } from '../../src/domain/types.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import { SAMPLE_DEMO_CLOCK, SAMPLE_PROGRAM } from './sample-program.ts';
import { listRegistrations } from './book.ts';
import { extend, requestQuote } from './commands.ts';
import { registerAny } from './deal-commands.ts';
import { createGate, type GateSettings } from './gate.ts';
import type {
  InternalAccount,
  InternalAsset,
  InternalOpportunity,
  InternalQuote,
  InternalRegistration,
  Partner,
  Store,
} from './model.ts';
import { mulberry32 } from './prng.ts';
import { previewDeals } from './previews.ts';
import { getOneQuote, opportunityPage, overview } from './queries.ts';
import { describeRegistration } from './request-checks.ts';
import { buildDemoStore, DEFAULT_SEED, DEMO_PARTNERS, type ScenarioOptions } from './scenarios.ts';
import { createState, reseed } from './state.ts';

export interface MockBackendOptions {
  /** The backend's "today" (default: the sample demo clock, 2017-02-14T09:00:00Z). It does not tick. */
  clock?: IsoDateTime;
  /**
   * The date the seeded demo records are dated from (default: `clock`, so they move with it).
   * Set it to keep them fixed (e.g. the sample demo clock) while `clock` only moves "today": then a
   * backend created at a date shows exactly what one moved there with `setClock` shows.
   */
  anchor?: IsoDateTime;
  /** Simulated latency per request: fixed, or uniformly drawn from [min, max]. */
  latencyMs?: number | [number, number];
  /** Share of requests answered 503 `service-unavailable` (Retry-After 1 s), 0..1. Nothing is processed then. */
  failureRate?: number;
  /** Real milliseconds after a quote request before the vendor's pricing decision shows. */
  quoteDecisionDelayMs?: number;
  /** Seeds the demo data (acc-large and the demo records' ids). Ids minted at run time are random. */
  seed?: number;
  /** Source of randomness for latency and failures (default: a PRNG seeded from `seed`). */
  random?: () => number;
  program?: ProgramDefinition;
  /** Extra partners beside alpha and beta (e.g. 20 partners racing for one deal in a test). */
  partners?: Partner[];
  /** Real-time clock in ms, for quote decisions and idempotency key expiry (default Date.now). */
  realTime?: () => number;
  /**
   * Builds the seeded store (default: the demo scenarios, buildDemoStore). A test seeds here what the
   * contract cannot create, such as won and lost registrations.
   */
  scenarios?: (options: ScenarioOptions) => Store;
}

export interface MockBackend extends BackendCore {
  listRegistrations(token: string | null, query: QueryParams): Promise<CoreResult>;
  setClock(at: IsoDateTime): void;
  now(): IsoDateTime;
  configure(o: Partial<MockBackendOptions>): void;
  /** Back to the seeded demo scenarios (dated from the anchor, else the current clock); forgets idempotency keys. */
  reset(): void;
  /** For tests: deep copies of the raw internal records (with partnerId). */
  inspect(): {
    registrations: InternalRegistration[];
    quotes: InternalQuote[];
    assets: InternalAsset[];
    opportunities: InternalOpportunity[];
    accounts: InternalAccount[];
  };
  /** Bearer token → partner id ('demo-alpha' → 'alpha', 'demo-beta' → 'beta'). */
  tokens: Record<string, string>;
  /** Adds a partner and its token. */
  addPartner(partner: Partner): void;
  /** Whether a bearer token is known: lets the REST router refuse a stranger before reading a body. */
  knowsToken(token: string | null): boolean;
  /**
   * For tests and benches: stored records (registrations, quotes, opportunities, orders, assets) examined
   * since creation. A measure of work that does not depend on the machine.
   */
  recordsVisited(): number;
}

const DEFAULTS = {
  latencyMs: 0 as number | [number, number],
  failureRate: 0,
  quoteDecisionDelayMs: 1500,
  seed: DEFAULT_SEED,
};

function normalizeClock(at: IsoDateTime): IsoDateTime {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid mock clock: ${at}`);
  return new Date(ms).toISOString();
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const seed = options.seed ?? DEFAULTS.seed;
  const state = createState({
    clock: normalizeClock(options.clock ?? SAMPLE_DEMO_CLOCK),
    anchor: options.anchor === undefined ? null : normalizeClock(options.anchor),
    program: options.program ?? SAMPLE_PROGRAM,
    seed,
    partners: [...DEMO_PARTNERS, ...(options.partners ?? [])],
    realTime: options.realTime ?? (() => Date.now()),
    quoteDecisionDelayMs: options.quoteDecisionDelayMs ?? DEFAULTS.quoteDecisionDelayMs,
    scenarios: options.scenarios ?? buildDemoStore,
  });
  const tokens: Record<string, string> = {};
  for (const p of state.partners) tokens[p.token] = p.id;
  const settings: GateSettings = {
    latencyMs: options.latencyMs ?? DEFAULTS.latencyMs,
    failureRate: options.failureRate ?? DEFAULTS.failureRate,
    random: options.random ?? mulberry32(seed),
  };
  const gate = createGate(settings, { tokens, partners: state.partners }, () => state.realTime());

  const backend: MockBackend = {
    tokens,

    getAccountOverview(token, accountId) {
      return gate.read(token, (partner) => overview(state, partner, accountId));
    },
    registerOpportunity(token, body, idempotencyKey) {
      return gate.write(
        token,
        idempotencyKey,
        () => describeRegistration(body),
        (partner) => registerAny(state, partner, body),
      );
    },
    previewDeals(token, accountRef, body) {
      return gate.read(token, (partner) => previewDeals(state, partner, accountRef, body));
    },
    requestQuote(token, registrationId, idempotencyKey) {
      return gate.write(
        token,
        idempotencyKey,
        () => `POST /v1/registrations/${registrationId}/quote-requests`,
        (partner) => requestQuote(state, partner, registrationId),
      );
    },
    getQuote(token, quoteId) {
      return gate.read(token, (partner) => getOneQuote(state, partner, quoteId));
    },
    getOpportunities(token, accountId, cursor, limit) {
      return gate.read(token, (partner) => opportunityPage(state, partner, accountId, cursor, limit));
    },
    listRegistrations(token, query) {
      return gate.read(token, (partner) => listRegistrations(state, partner, query));
    },
    requestExtension(token, registrationId, idempotencyKey) {
      return gate.write(
        token,
        idempotencyKey,
        () => `POST /v1/registrations/${registrationId}/extension`,
        (partner) => extend(state, partner, registrationId),
      );
    },

    setClock(at) {
      state.clock = normalizeClock(at);
    },
    now() {
      return state.clock;
    },
    configure(o) {
      if (o.clock !== undefined) state.clock = normalizeClock(o.clock);
      if (o.anchor !== undefined) state.anchor = normalizeClock(o.anchor); // seeds at the next reset()
      if (o.program !== undefined) {
        state.program = o.program;
        state.sameDealCache.clear(); // rule 1's window is the program's
      }
      if (o.latencyMs !== undefined) settings.latencyMs = o.latencyMs;
      if (o.failureRate !== undefined) settings.failureRate = Math.min(1, Math.max(0, o.failureRate));
      if (o.quoteDecisionDelayMs !== undefined) state.quoteDecisionDelayMs = o.quoteDecisionDelayMs;
      if (o.seed !== undefined) state.seed = o.seed;
      if (o.random !== undefined) settings.random = o.random;
      else if (o.seed !== undefined) settings.random = mulberry32(state.seed);
      if (o.realTime !== undefined) state.realTime = o.realTime;
      for (const p of o.partners ?? []) backend.addPartner(p);
    },
    reset() {
      reseed(state);
      gate.forgetKeys();
    },
    inspect() {
      return {
        registrations: structuredClone([...state.store.registrations.values()]),
        quotes: structuredClone([...state.store.quotes.values()]),
        assets: structuredClone(state.store.assets),
        opportunities: structuredClone([...state.store.opportunities.values()]),
        accounts: structuredClone([...state.store.accounts.values()]),
      };
    },
    addPartner(partner) {
      const existing = state.partners.findIndex((p) => p.id === partner.id);
      if (existing >= 0) state.partners.splice(existing, 1, partner);
      else state.partners.push(partner);
      tokens[partner.token] = partner.id;
    },
    knowsToken(token) {
      return gate.partnerOf(token) !== null;
    },
    recordsVisited() {
      return state.visited;
    },
  };
  return backend;
}
