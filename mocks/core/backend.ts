// The in-memory vendor backend (docs/program.md and docs/rest-contract.md): the REST contract as method calls, every
// program rule decided by the engine in src/program (never re-implemented here), answers built
// from allowlists (public.ts). No MSW and no DOM here: the browser worker, the Node server and
// the tests all drive this same object.
//
// Concurrency: JavaScript runs one task at a time, so a decision is race-free as long as its
// check and its insert run with no `await` between them. Every handler below awaits the simulated
// latency FIRST, then decides and writes synchronously. A read that signs a paging cursor reads the
// store synchronously too, and awaits the signature only once its answer is decided.
import type { BackendCore, CoreResult } from './backend-core.ts';
import type {
  InstalledBaseSummary,
  IsoDateTime,
  OpportunityCounts,
  OpportunityPage,
  OrderFacts,
  Registration,
} from '../../src/domain/types.ts';
import { PRESALES_ACTIVITIES, type PresalesActivity } from '../../src/domain/status.ts';
import { DealRegError } from '../../src/errors.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import { SAMPLE_DEMO_CLOCK, SAMPLE_PROGRAM } from './sample-program.ts';
import { addDays, compareDates, toIsoDate } from '../../src/program/dates.ts';
import { evaluateEligibility } from '../../src/program/eligibility.ts';
import { summarizeInstalledBase } from '../../src/program/installed-base.ts';
import {
  approveRegistration,
  extendProtection,
  quoteRefusal,
  rejectRegistration,
  transitionQuote,
  transitionRegistration,
} from '../../src/program/lifecycle.ts';
import {
  compareUrgency,
  emptyStateCounts,
  latestRegistrationByOpportunity,
  standingOf,
  urgencyKey,
  type UrgencyKey,
} from '../../src/program/opportunity-state.ts';
import { isProtectionActive, protectionState, quoteState, quoteValidUntil } from '../../src/program/protection.ts';
import { blocksNewRegistration, rejectionReasons } from '../../src/program/registrability.ts';
import { footprintOf, isSameOpportunity, type OpportunityFootprint } from '../../src/program/same-opportunity.ts';
import { createCursorCodec, type CursorCodec } from './cursor.ts';
import { canonicalJson, fingerprintOf, MAX_BODY_DEPTH, nestsDeeperThan } from './fingerprint.ts';
import { createIdempotencyStore, type IdempotencyStore } from './idempotency.ts';
import { randomId } from './ids.ts';
import { indexStore, type StoreIndexes } from './indexes.ts';
import type { InternalAsset, InternalOpportunity, InternalQuote, InternalRegistration, Partner, Store } from './model.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageAfter } from './paging.ts';
import { ok, problem } from './problems.ts';
import { mulberry32 } from './prng.ts';
import {
  toPublicAccount,
  toPublicAsset,
  toPublicOpportunity,
  toPublicOrderFacts,
  toPublicPartner,
  toPublicProgram,
  toPublicQuote,
  toPublicRegistration,
} from './public.ts';
import {
  buildDemoStore,
  createIdSource,
  DEFAULT_SEED,
  DEMO_PARTNERS,
  netPriceOf,
  protectedDiscountPercent,
  type ScenarioOptions,
} from './scenarios.ts';

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
  /**
   * Builds the seeded store (default: the demo scenarios, buildDemoStore). A test seeds here what the
   * contract cannot create, such as won and lost registrations.
   */
  scenarios?: (options: ScenarioOptions) => Store;
  /** Real-time clock in ms, for quote decisions and idempotency key expiry (default Date.now). */
  realTime?: () => number;
}

export interface MockBackend extends BackendCore {
  setClock(at: IsoDateTime): void;
  now(): IsoDateTime;
  configure(o: Partial<MockBackendOptions>): void;
  /** Back to the seeded demo scenarios (dated from the anchor, else the current clock); forgets idempotency keys. */
  reset(): void;
  /** For tests: deep copies of the raw internal records (with partnerId). */
  inspect(): { registrations: InternalRegistration[]; quotes: InternalQuote[]; assets: InternalAsset[] };
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

const NOTE_MAX_LENGTH = 2000;
const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
const RETRY_AFTER_SECONDS = 1;

type Failure = CoreResult & { ok: false };

function normalizeClock(at: IsoDateTime): IsoDateTime {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid mock clock: ${at}`);
  return new Date(ms).toISOString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface ValidRegistrationBody {
  accountId: string;
  opportunityId: string;
  presalesActivities: PresalesActivity[];
  note?: string;
}

function validateRegistrationBody(body: unknown): ValidRegistrationBody | Failure {
  if (!isRecord(body)) return problem(400, 'invalid-request', 'the body must be a JSON object');
  const { accountId, opportunityId, presalesActivities, note } = body;
  if (typeof accountId !== 'string' || accountId === '')
    return problem(400, 'invalid-request', 'accountId must be a non-empty string');
  if (typeof opportunityId !== 'string' || opportunityId === '') {
    return problem(400, 'invalid-request', 'opportunityId must be a non-empty string');
  }
  if (!Array.isArray(presalesActivities) || !presalesActivities.every((a): a is string => typeof a === 'string')) {
    return problem(400, 'invalid-request', 'presalesActivities must be an array of strings');
  }
  const unknown = presalesActivities.filter((a) => !(PRESALES_ACTIVITIES as readonly string[]).includes(a));
  if (unknown.length > 0) return problem(400, 'invalid-request', `unknown presales activity: ${unknown.join(', ')}`);
  if (note !== undefined && (typeof note !== 'string' || note.length > NOTE_MAX_LENGTH)) {
    return problem(400, 'invalid-request', `note must be a string of at most ${NOTE_MAX_LENGTH} characters`);
  }
  const valid: ValidRegistrationBody = {
    accountId,
    opportunityId,
    presalesActivities: [...new Set(presalesActivities as PresalesActivity[])],
  };
  if (note !== undefined) valid.note = note;
  return valid;
}

// Ids and ISO date-times order by code point, as the engine orders them; a collator could disagree.
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  let clock = normalizeClock(options.clock ?? SAMPLE_DEMO_CLOCK);
  let anchor = options.anchor === undefined ? null : normalizeClock(options.anchor);
  let program: ProgramDefinition = options.program ?? SAMPLE_PROGRAM;
  let latencyMs = options.latencyMs ?? DEFAULTS.latencyMs;
  let failureRate = options.failureRate ?? DEFAULTS.failureRate;
  let quoteDecisionDelayMs = options.quoteDecisionDelayMs ?? DEFAULTS.quoteDecisionDelayMs;
  let seed = options.seed ?? DEFAULTS.seed;
  let random = options.random ?? mulberry32(seed);
  let realTime = options.realTime ?? (() => Date.now());
  const partners: Partner[] = [...DEMO_PARTNERS, ...(options.partners ?? [])];
  const tokens: Record<string, string> = {};
  for (const p of partners) tokens[p.token] = p.id;

  let visited = 0;
  /** Per opportunity: the ids of its account's opportunities that are the same deal (rule 1), itself included. */
  const sameDealCache = new Map<string, readonly string[]>();
  let store: Store = freshStore();
  let indexes: StoreIndexes = indexStore(store);
  let idempotency: IdempotencyStore = freshIdempotency();
  /** One HMAC secret per backend, random: no client can mint a cursor, and none outlives the backend. */
  const cursors: CursorCodec = createCursorCodec();
  /** Installed-base summaries per (account, partner), valid for one date and one program. */
  let summaries: { date: string; program: ProgramDefinition; byKey: Map<string, InstalledBaseSummary> } = {
    date: '',
    program,
    byKey: new Map(),
  };

  /** The seeded id source builds the demo store only, so the demo data repeats for a seed. */
  function freshStore(): Store {
    sameDealCache.clear();
    const build = options.scenarios ?? buildDemoStore;
    return build({ anchor: anchor ?? clock, program, seed, partners, nextId: createIdSource(seed) });
  }

  function freshIdempotency(): IdempotencyStore {
    return createIdempotencyStore({ now: () => realTime() });
  }

  /** Ids minted at run time: random, so no partner can predict another's (see ids.ts). */
  function mintId(prefix: string): string {
    return randomId(prefix, (id) => store.registrations.has(id) || store.quotes.has(id));
  }

  // ---- infrastructure: auth, latency, failures, idempotency -------------------------------------

  function partnerOf(token: string | null): Partner | null {
    if (token === null) return null;
    const id = Object.prototype.hasOwnProperty.call(tokens, token) ? tokens[token] : undefined;
    if (id === undefined) return null;
    return partners.find((p) => p.id === id) ?? { id, name: id, token };
  }

  function latency(): number {
    if (typeof latencyMs === 'number') return Math.max(0, latencyMs);
    const [min, max] = latencyMs;
    return Math.max(0, min + random() * (max - min));
  }

  async function delay(): Promise<void> {
    const ms = latency();
    if (ms > 0) await sleep(ms);
    else await Promise.resolve();
  }

  function unavailable(): CoreResult | null {
    if (failureRate <= 0 || random() >= failureRate) return null;
    return { ...problem(503, 'service-unavailable', 'simulated outage, retry shortly'), retryAfterSeconds: RETRY_AFTER_SECONDS };
  }

  const unauthorized = () => problem(401, 'unauthorized', 'a valid bearer token is required');

  async function read(token: string | null, handle: (partner: Partner) => CoreResult | Promise<CoreResult>): Promise<CoreResult> {
    await delay();
    const partner = partnerOf(token);
    if (!partner) return unauthorized();
    return unavailable() ?? handle(partner);
  }

  /**
   * A POST under an idempotency key: a replay returns the first answer; the same key for another
   * request is 422; the same key while the first is still being processed is 409. The store keeps a
   * hash of the request (`describe` gives its canonical text, or the failure that refuses it). The
   * hash is awaited BEFORE the check; from the check to the in-flight mark there is no `await`, and
   * the mark is set before the latency, so overlapping retries see it.
   */
  async function write(
    token: string | null,
    idempotencyKey: string | null,
    describe: () => string | Failure,
    handle: (partner: Partner) => CoreResult,
  ): Promise<CoreResult> {
    const partner = partnerOf(token);
    if (!partner) {
      await delay();
      return unauthorized();
    }
    if (idempotencyKey === null || idempotencyKey.trim() === '' || idempotencyKey.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
      await delay();
      return problem(400, 'invalid-request', 'an Idempotency-Key header (1–255 characters) is required');
    }
    const described = describe();
    if (typeof described !== 'string') {
      await delay();
      return described;
    }
    const fingerprint = await fingerprintOf(described);
    const slot = `${partner.id}\u0000${idempotencyKey}`;
    const seen = idempotency.get(slot);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        await delay();
        return problem(422, 'idempotency-key-reused', 'this Idempotency-Key was used for a different request');
      }
      if (seen.result === null) {
        return problem(409, 'request-in-flight', 'the first request with this Idempotency-Key is still being processed');
      }
      await delay();
      return structuredClone(seen.result);
    }
    const entry = idempotency.begin(slot, fingerprint);
    try {
      await delay();
      const failure = unavailable();
      if (failure) {
        idempotency.forget(slot); // nothing happened: the retry must be processed
        return failure;
      }
      // From here to the end: synchronous. The check-and-insert of every rule is atomic.
      const result = handle(partner);
      entry.result = structuredClone(result);
      return result;
    } catch (error) {
      idempotency.forget(slot);
      throw error;
    }
  }

  // ---- facts and settling (lazy: evaluated on read, no timers) ----------------------------------

  const terms = () => program.protection;
  const startOfDay = (date: string): IsoDateTime => `${date}T00:00:00.000Z`;

  function orderFacts(accountId: string, partnerId: string): OrderFacts {
    let last: string | null = null;
    let byYou: string | null = null;
    for (const order of store.orders) {
      visited += 1;
      if (order.accountId !== accountId || compareDates(order.orderedAt, clock) > 0) continue;
      if (last === null || compareDates(order.orderedAt, last) > 0) last = order.orderedAt;
      if (order.partnerId === partnerId && (byYou === null || compareDates(order.orderedAt, byYou) > 0)) byYou = order.orderedAt;
    }
    return { lastInfraOrderAt: last, lastInfraOrderByYouAt: byYou };
  }

  /** approved → expired once the protection period is over (history says when it ended). */
  function settleRegistration(reg: InternalRegistration): InternalRegistration {
    if (reg.status !== 'approved' || reg.protectedUntil === undefined) return reg;
    if (protectionState(reg, clock, terms()).state !== 'expired') return reg;
    const ended = transitionRegistration(reg, 'expired', {
      at: startOfDay(addDays(reg.protectedUntil, 1)),
      by: 'system',
      reason: 'protection-period-ended',
    });
    const settled = { ...ended, partnerId: reg.partnerId };
    indexes.putRegistration(settled);
    return settled;
  }

  /** The vendor's pricing decision shows quoteDecisionDelayMs after the request; a quoted price expires after validUntil. */
  function settleQuote(quote: InternalQuote): InternalQuote {
    let q = quote;
    if (q.status === 'submitted' && realTime() >= q.decisionDueAtMs) {
      const reg = store.registrations.get(q.registrationId);
      const opp = reg ? store.opportunities.get(reg.opportunityId) : undefined;
      const ctx = { at: clock, by: 'vendor' as const };
      if (!reg || !opp || !isProtectionActive(protectionState(reg, clock, terms()))) {
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
    if (q !== quote) indexes.putQuote(q);
    return q;
  }

  function footprintOfOpportunity(opp: InternalOpportunity): OpportunityFootprint {
    return footprintOf(opp.accountId, opp);
  }

  function sameDeal(a: InternalOpportunity, b: InternalOpportunity): boolean {
    return a.id === b.id || isSameOpportunity(footprintOfOpportunity(a), footprintOfOpportunity(b), terms());
  }

  /** The opportunities of opp's account that are the same deal as opp. Opportunities do not change: cached until the program or the store does. */
  function sameDealOpportunities(opp: InternalOpportunity): readonly string[] {
    const cached = sameDealCache.get(opp.id);
    if (cached) return cached;
    const same: string[] = [];
    for (const id of indexes.opportunitiesOfAccount(opp.accountId)) {
      visited += 1;
      const other = store.opportunities.get(id);
      if (other && sameDeal(opp, other)) same.push(id);
    }
    sameDealCache.set(opp.id, same);
    return same;
  }

  /** The stored registrations behind a list of ids, counted as visited. */
  function* registrationsAt(ids: Iterable<string>): Generator<InternalRegistration> {
    for (const id of ids) {
      visited += 1;
      const reg = store.registrations.get(id);
      if (reg) yield reg;
    }
  }

  /** Other partners' registrations that hold (or may soon hold) this deal: active protections and pending submissions. */
  function competingRegistrations(
    opp: InternalOpportunity,
    partnerId: string,
    includeSubmitted: boolean,
  ): InternalRegistration[] {
    const found: InternalRegistration[] = [];
    for (const oppId of sameDealOpportunities(opp)) {
      for (const reg of registrationsAt(indexes.mayBeLiveRegistrationsOf(oppId))) {
        if (reg.partnerId === partnerId) continue;
        const holds = isProtectionActive(protectionState(reg, clock, terms()));
        if (holds || (includeSubmitted && reg.status === 'submitted')) found.push(reg);
      }
    }
    return found;
  }

  /**
   * The caller's registration, or 404. Another partner's answers exactly like a missing one (same
   * status, code and text): its existence is not ours to tell.
   */
  function ownRegistration(partner: Partner, registrationId: string): InternalRegistration | Failure {
    const reg = store.registrations.get(registrationId);
    if (!reg || reg.partnerId !== partner.id) return problem(404, 'not-found', 'no such registration');
    return settleRegistration(reg);
  }

  // ---- the contract ------------------------------------------------------------------------------

  /** One opportunity of the account as this partner's row: its place in the urgency order. */
  interface Row {
    opp: InternalOpportunity;
    /** Another partner's active protection holds this deal or the same deal (rule 1). */
    held: boolean;
    key: UrgencyKey;
  }

  /** The whole account as this partner sees it now: every row in urgency order, the exact counts, its own registrations. */
  interface AccountStanding {
    rows: Row[];
    counts: OpportunityCounts;
    /** This partner's registrations at the account, settled, by submission time. */
    own: InternalRegistration[];
  }

  /**
   * Every opportunity of the account, each counted once in the state its row shows (the engine's
   * `standingOf`, with the partner's latest registration, at the clock) and keyed for the urgency
   * order. Touches the account's opportunities and registrations, never another account's records.
   */
  function standingAt(partner: Partner, accountId: string): AccountStanding {
    const own: InternalRegistration[] = [];
    const others = new Set<string>(); // opportunities another partner's active protection holds
    for (const stored of registrationsAt(indexes.registrationsOfAccount(accountId))) {
      const reg = settleRegistration(stored);
      if (reg.partnerId === partner.id) {
        own.push(reg);
      } else if (isProtectionActive(protectionState(reg, clock, terms()))) {
        others.add(reg.opportunityId);
      }
    }
    own.sort((a, b) => byCodePoint(a.submittedAt, b.submittedAt));

    // Rule 1 is symmetric: a deal is protected by another partner when it is the same deal as one they hold.
    const heldByOthers = new Set<string>();
    for (const id of others) {
      const held = store.opportunities.get(id);
      if (held) for (const same of sameDealOpportunities(held)) heldByOthers.add(same);
    }
    // The same function, on the same order of registrations, as the widgets' rows: the counts cannot disagree with a badge.
    const latest = latestRegistrationByOpportunity(own);
    const counts: OpportunityCounts = { total: 0, byState: emptyStateCounts() };
    const rows: Row[] = [];
    for (const id of indexes.opportunitiesOfAccount(accountId)) {
      visited += 1;
      const opp = store.opportunities.get(id);
      if (!opp) continue;
      const held = heldByOthers.has(id);
      const standing = standingOf({ protectedByAnotherPartner: held }, latest.get(id), clock, terms());
      counts.total += 1;
      counts.byState[standing.state] += 1;
      rows.push({ opp, held, key: urgencyKey(opp, standing, clock) });
    }
    rows.sort((a, b) => compareUrgency(a.key, b.key));
    return { rows, counts, own };
  }

  /**
   * A page's body: its opportunities, this partner's registrations on them (history included) and
   * its quotes on those, and the cursor after its last row when more follow. Decided synchronously;
   * only the signature of the cursor is awaited.
   */
  async function pageBody(
    partner: Partner,
    accountId: string,
    standing: AccountStanding,
    { page, more }: { page: Row[]; more: boolean },
  ): Promise<OpportunityPage> {
    const onPage = new Set(page.map((row) => row.opp.id));
    const registrations = standing.own.filter((reg) => onPage.has(reg.opportunityId));
    const quotes: InternalQuote[] = [];
    for (const reg of registrations) {
      for (const id of indexes.quotesOfRegistration(reg.id)) {
        visited += 1;
        const stored = store.quotes.get(id);
        if (stored && stored.partnerId === partner.id) quotes.push(settleQuote(stored));
      }
    }
    quotes.sort((a, b) => byCodePoint(a.requestedAt, b.requestedAt));
    const body: OpportunityPage = {
      opportunities: page.map((row) => toPublicOpportunity(row.opp, row.held)),
      registrations: registrations.map(toPublicRegistration),
      quotes: quotes.map(toPublicQuote),
      nextCursor: null,
    };
    const last = page.at(-1);
    if (more && last) body.nextCursor = await cursors.mint(last.key, { partnerId: partner.id, accountId });
    return body;
  }

  /**
   * This partner's installed base at the account, summarised. Assets never change at run time, so
   * the summary is kept per (account, partner) for the clock's date and the program, and computed
   * from the account-and-partner index: no overview scans the assets of other accounts.
   */
  function installedBaseOf(accountId: string, partnerId: string): InstalledBaseSummary {
    const date = toIsoDate(clock);
    if (summaries.date !== date || summaries.program !== program) summaries = { date, program, byKey: new Map() };
    const key = JSON.stringify([accountId, partnerId]);
    let summary = summaries.byKey.get(key);
    if (!summary) {
      const assets = indexes.assetsOf(accountId, partnerId);
      visited += assets.length;
      summary = summarizeInstalledBase(assets.map(toPublicAsset), clock, program);
      summaries.byKey.set(key, summary);
    }
    return structuredClone(summary); // callers of the core may keep and change what they get
  }

  async function overview(partner: Partner, accountId: string): Promise<CoreResult> {
    const account = store.accounts.get(accountId);
    if (!account) return problem(404, 'not-found', 'no such account');
    if (account.malformed) {
      // acc-broken: what a misbehaving backend sends. Clients must reject it cleanly.
      return ok(200, {
        asOf: clock,
        partner: toPublicPartner(partner),
        account: { id: account.id },
        orders: null,
        installedBase: 'unavailable',
        opportunities: 'ERROR: upstream CRM timeout',
        registrations: [{ id: 42, status: 'maybe' }],
        quotes: [{ amount: 'NaN' }],
        program: {},
      });
    }
    // Everything is read in this synchronous stretch; the cursor's signature is awaited last.
    const asOf = clock;
    const standing = standingAt(partner, accountId);
    const head = {
      asOf,
      partner: toPublicPartner(partner),
      account: toPublicAccount(account),
      orders: toPublicOrderFacts(orderFacts(accountId, partner.id)),
      installedBase: installedBaseOf(accountId, partner.id),
      opportunityCounts: standing.counts,
    };
    const publicProgram = toPublicProgram(program);
    const page = await pageBody(partner, accountId, standing, pageAfter(standing.rows, null, DEFAULT_PAGE_SIZE));
    return ok(200, { ...head, ...page, program: publicProgram });
  }

  /** `limit` null is the default page; a larger one than the maximum is served as the maximum. */
  function pageSize(limit: number | null): number | Failure {
    if (limit === null) return DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1) {
      return problem(400, 'invalid-request', `limit must be a whole number from 1 (a page holds at most ${MAX_PAGE_SIZE})`);
    }
    return Math.min(limit, MAX_PAGE_SIZE);
  }

  /**
   * The page after a cursor. Every refused cursor (undecodable, tampered, another partner's, another
   * account's) gets the same answer, so trying cursors tells a client nothing about anyone else's.
   */
  async function opportunityPage(partner: Partner, accountId: string, cursor: string, limit: number | null): Promise<CoreResult> {
    if (!store.accounts.has(accountId)) return problem(404, 'not-found', 'no such account');
    const size = pageSize(limit);
    if (typeof size !== 'number') return size;
    if (cursor === '')
      return problem(400, 'invalid-request', "cursor is required: the overview's or the previous page's nextCursor");
    const after = await cursors.open(cursor, { partnerId: partner.id, accountId });
    if (after === null)
      return problem(400, 'invalid-cursor', 'this cursor was not issued to you for this account; start again from the overview');
    // From here to the signature: synchronous, one consistent view of the store.
    const standing = standingAt(partner, accountId);
    return ok(200, await pageBody(partner, accountId, standing, pageAfter(standing.rows, after, size)));
  }

  function register(partner: Partner, body: unknown): CoreResult {
    const request = validateRegistrationBody(body);
    if ('ok' in request) return request;
    const account = store.accounts.get(request.accountId);
    if (!account) return problem(400, 'invalid-request', 'unknown accountId');
    const opp = store.opportunities.get(request.opportunityId);
    if (!opp || opp.accountId !== account.id) return problem(400, 'invalid-request', 'unknown opportunityId for this account');

    for (const reg of registrationsAt(indexes.mayBeLiveRegistrationsOf(opp.id))) {
      if (reg.partnerId === partner.id && blocksNewRegistration(reg, clock, terms())) {
        return problem(409, 'already-registered', 'your registration of this opportunity is pending, protected, won or lost');
      }
    }

    let reg: Registration = {
      id: mintId('reg'),
      accountId: account.id,
      opportunityId: opp.id,
      status: 'submitted',
      submittedAt: clock,
      reasons: [],
      history: [{ from: null, to: 'submitted', at: clock, by: 'partner' }],
      extensionsUsed: 0,
      presalesActivities: request.presalesActivities,
    };
    if (request.note !== undefined) reg.note = request.note;

    // Rule 4: the rule set in force on the submission date decides.
    const eligibility = evaluateEligibility({ program, at: clock, opportunity: opp, orders: orderFacts(account.id, partner.id) });
    if (eligibility.ruleSetId !== null) reg.ruleSetId = eligibility.ruleSetId;

    const reasons = rejectionReasons({
      competing: competingRegistrations(opp, partner.id, true).length > 0, // rules 1 and 2
      eligibility,
      closeDate: opp.closeDate,
      at: clock,
      presalesActivities: request.presalesActivities,
    });

    const ctx = { at: clock, by: 'vendor' as const };
    reg = reasons.length > 0 ? rejectRegistration(reg, reasons, ctx) : approveRegistration(reg, ctx, terms());
    const stored: InternalRegistration = { ...reg, partnerId: partner.id };
    indexes.putRegistration(stored); // same synchronous turn as the check above
    return ok(201, toPublicRegistration(stored));
  }

  function quote(partner: Partner, registrationId: string): CoreResult {
    const reg = ownRegistration(partner, registrationId);
    if ('ok' in reg) return reg;
    const quotes: InternalQuote[] = [];
    for (const id of indexes.quotesOfRegistration(reg.id)) {
      visited += 1;
      const stored = store.quotes.get(id);
      if (stored) quotes.push(settleQuote(stored));
    }
    const refusal = quoteRefusal(reg, quotes, clock, terms());
    if (refusal === 'protection-not-active') return problem(409, refusal, 'a restricted quote needs an active protection');
    if (refusal === 'quote-already-open') return problem(409, refusal, 'a quote request is already open for this registration');
    const requestedAt = clock;
    const created: InternalQuote = {
      id: mintId('quo'),
      registrationId: reg.id,
      partnerId: partner.id,
      status: 'submitted',
      requestedAt,
      history: [{ from: null, to: 'submitted', at: requestedAt, by: 'partner' }],
      decisionDueAtMs: realTime() + quoteDecisionDelayMs,
    };
    indexes.putQuote(created);
    return ok(201, toPublicQuote(settleQuote(created)));
  }

  function getOneQuote(partner: Partner, quoteId: string): CoreResult {
    const stored = store.quotes.get(quoteId);
    // Another partner's quote answers exactly like a missing one: its existence is not ours to tell.
    if (!stored || stored.partnerId !== partner.id) return problem(404, 'not-found', 'no such quote request');
    return ok(200, toPublicQuote(settleQuote(stored)));
  }

  function extend(partner: Partner, registrationId: string): CoreResult {
    const reg = ownRegistration(partner, registrationId);
    if ('ok' in reg) return reg;
    let extended: Registration;
    try {
      extended = extendProtection(reg, clock, terms());
    } catch (error) {
      if (error instanceof DealRegError && error.code === 'extension-not-allowed') {
        return problem(409, 'extension-not-allowed', error.detail);
      }
      throw error;
    }
    const stored: InternalRegistration = { ...extended, partnerId: reg.partnerId };
    indexes.putRegistration(stored);
    return ok(200, toPublicRegistration(stored));
  }

  const backend: MockBackend = {
    tokens,

    getAccountOverview(token, accountId) {
      return read(token, (partner) => overview(partner, accountId));
    },
    registerOpportunity(token, body, idempotencyKey) {
      const describe = () =>
        nestsDeeperThan(body, MAX_BODY_DEPTH)
          ? problem(400, 'invalid-request', `the body nests deeper than ${MAX_BODY_DEPTH} levels`)
          : `POST /v1/registrations ${canonicalJson(body)}`;
      return write(token, idempotencyKey, describe, (partner) => register(partner, body));
    },
    requestQuote(token, registrationId, idempotencyKey) {
      return write(
        token,
        idempotencyKey,
        () => `POST /v1/registrations/${registrationId}/quote-requests`,
        (partner) => quote(partner, registrationId),
      );
    },
    getQuote(token, quoteId) {
      return read(token, (partner) => getOneQuote(partner, quoteId));
    },
    getOpportunities(token, accountId, cursor, limit) {
      return read(token, (partner) => opportunityPage(partner, accountId, cursor, limit));
    },
    requestExtension(token, registrationId, idempotencyKey) {
      return write(
        token,
        idempotencyKey,
        () => `POST /v1/registrations/${registrationId}/extension`,
        (partner) => extend(partner, registrationId),
      );
    },

    setClock(at) {
      clock = normalizeClock(at);
    },
    now() {
      return clock;
    },
    configure(o) {
      if (o.clock !== undefined) clock = normalizeClock(o.clock);
      if (o.anchor !== undefined) anchor = normalizeClock(o.anchor); // seeds at the next reset()
      if (o.program !== undefined) {
        program = o.program;
        sameDealCache.clear(); // rule 1's window is the program's
      }
      if (o.latencyMs !== undefined) latencyMs = o.latencyMs;
      if (o.failureRate !== undefined) failureRate = Math.min(1, Math.max(0, o.failureRate));
      if (o.quoteDecisionDelayMs !== undefined) quoteDecisionDelayMs = o.quoteDecisionDelayMs;
      if (o.seed !== undefined) seed = o.seed;
      if (o.random !== undefined) random = o.random;
      else if (o.seed !== undefined) random = mulberry32(seed);
      if (o.realTime !== undefined) realTime = o.realTime;
      for (const p of o.partners ?? []) backend.addPartner(p);
    },
    reset() {
      store = freshStore();
      indexes = indexStore(store);
      idempotency = freshIdempotency();
      summaries = { date: '', program, byKey: new Map() };
    },
    inspect() {
      return {
        registrations: structuredClone([...store.registrations.values()]),
        quotes: structuredClone([...store.quotes.values()]),
        assets: structuredClone(store.assets),
      };
    },
    addPartner(partner) {
      const existing = partners.findIndex((p) => p.id === partner.id);
      if (existing >= 0) partners.splice(existing, 1, partner);
      else partners.push(partner);
      tokens[partner.token] = partner.id;
    },
    knowsToken(token) {
      return partnerOf(token) !== null;
    },
    recordsVisited() {
      return visited;
    },
  };
  return backend;
}
