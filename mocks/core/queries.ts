// The reads of the REST contract: the bounded account overview, the pages after it, one quote
// request. Each reads the store in one synchronous stretch, so its answer is one consistent view;
// only a paging cursor's signature is awaited, once the answer is decided.
import type { InstalledBaseSummary, OpportunityCounts, OpportunityPage } from '../../src/domain/types.ts';
import { summarizeInstalledBase } from '../../src/program/installed-base.ts';
import {
  compareUrgency,
  emptyStateCounts,
  latestRegistrationByOpportunity,
  standingOf,
  urgencyKey,
  type UrgencyKey,
} from '../../src/program/opportunity-state.ts';
import { toIsoDate } from '../../src/program/dates.ts';
import type { CoreResult } from './backend-core.ts';
import type { InternalAccount, InternalOpportunity, InternalQuote, InternalRegistration, Partner } from './model.ts';
import { DEFAULT_PAGE_SIZE, pageAfter } from './paging.ts';
import { isFailure, ok, problem, type Failure } from './problems.ts';
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
import { checkCursorGiven, checkPageSize } from './request-checks.ts';
// The store's reads, named as the store's: state.settleRegistration(s, reg).
import * as state from './state.ts';
import type { MockState } from './state.ts';

/** One opportunity of the account as this partner's row: its place in the urgency order. */
interface Row {
  opp: InternalOpportunity;
  /** Another partner's active protection holds this deal or the same deal (rule 1). */
  held: boolean;
  key: UrgencyKey;
}

/** The whole account as this partner sees it now: every row in urgency order, the exact counts, its current registrations. */
interface AccountStanding {
  rows: Row[];
  counts: OpportunityCounts;
  /** Per opportunity, this partner's current registration (its latest, settled): the one its row shows. */
  current: ReadonlyMap<string, InternalRegistration>;
}

/**
 * Every opportunity of the account, each counted once in the state its row shows (the engine's
 * `standingOf`, with the partner's latest registration, at the clock) and keyed for the urgency
 * order. Touches the account's opportunities and registrations, never another account's records.
 */
function standingAt(s: MockState, partner: Partner, accountId: string): AccountStanding {
  const { clock } = s;
  const { own, heldByOthers: others } = state.registrationsSeenBy(s, partner.id, accountId);

  // Rule 1 is symmetric: a deal is protected by another partner when it is the same deal as one they hold.
  const heldByOthers = new Set<string>();
  for (const id of others) {
    const held = s.store.opportunities.get(id);
    if (held) for (const same of state.sameDealOpportunities(s, held)) heldByOthers.add(same);
  }
  // The same function, on the same order of registrations, as the widgets' rows: the counts cannot disagree with a badge.
  // It answers with the registrations it was given: this partner's, internal.
  const latest = latestRegistrationByOpportunity(own) as Map<string, InternalRegistration>;
  const counts: OpportunityCounts = { total: 0, byState: emptyStateCounts() };
  const rows: Row[] = [];
  for (const id of s.indexes.opportunitiesOfAccount(accountId)) {
    s.visited += 1;
    const opp = s.store.opportunities.get(id);
    if (!opp || !state.listedTo(opp, partner.id)) continue; // another partner's CRM deal is not ours to see
    const held = heldByOthers.has(id);
    const standing = standingOf({ protectedByAnotherPartner: held }, latest.get(id), clock, state.termsOf(s));
    counts.total += 1;
    counts.byState[standing.state] += 1;
    rows.push({ opp, held, key: urgencyKey(opp, standing, clock) });
  }
  rows.sort((a, b) => compareUrgency(a.key, b.key));
  return { rows, counts, current: latest };
}

/**
 * A page's body: its opportunities, this partner's current registration on each (the latest, the
 * one its row shows, with its own history; never every earlier attempt, so a page's size does not
 * grow with them) and its quotes on those, and the cursor after its last row when more follow.
 * Decided synchronously; only the signature of the cursor is awaited.
 */
async function pageBody(
  s: MockState,
  partner: Partner,
  accountId: string,
  standing: AccountStanding,
  { page, more }: { page: Row[]; more: boolean },
): Promise<OpportunityPage> {
  const registrations: InternalRegistration[] = [];
  for (const row of page) {
    const reg = standing.current.get(row.opp.id);
    if (reg) registrations.push(reg);
  }
  registrations.sort((a, b) => state.byCodePoint(a.submittedAt, b.submittedAt));
  const quotes: InternalQuote[] = [];
  for (const reg of registrations) {
    for (const quote of state.quotesOfRegistration(s, reg.id)) if (quote.partnerId === partner.id) quotes.push(quote);
  }
  quotes.sort((a, b) => state.byCodePoint(a.requestedAt, b.requestedAt));
  const body: OpportunityPage = {
    opportunities: page.map((row) => toPublicOpportunity(row.opp, row.held)),
    registrations: registrations.map(toPublicRegistration),
    quotes: quotes.map(toPublicQuote),
    nextCursor: null,
  };
  const last = page.at(-1);
  if (more && last) body.nextCursor = await s.cursors.mint(last.key, { partnerId: partner.id, accountId });
  return body;
}

/**
 * This partner's installed base at the account, summarised. Assets never change at run time, so
 * the summary is kept per (account, partner) for the clock's date and the program, and computed
 * from the account-and-partner index: no overview scans the assets of other accounts.
 */
function installedBaseOf(s: MockState, accountId: string, partnerId: string): InstalledBaseSummary {
  const date = toIsoDate(s.clock);
  if (s.summaries.date !== date || s.summaries.program !== s.program) {
    s.summaries = { date, program: s.program, byKey: new Map() };
  }
  const key = JSON.stringify([accountId, partnerId]);
  let summary = s.summaries.byKey.get(key);
  if (!summary) {
    const assets = s.indexes.assetsOf(accountId, partnerId);
    s.visited += assets.length;
    summary = summarizeInstalledBase(assets.map(toPublicAsset), s.clock, s.program);
    s.summaries.byKey.set(key, summary);
  }
  return structuredClone(summary); // callers of the core may keep and change what they get
}

/** A customer the vendor has no record of: a new account under the rules, nothing on record. */
function newAccountOverview(s: MockState, partner: Partner, ref: string) {
  return {
    asOf: s.clock,
    partner: toPublicPartner(partner),
    account: { id: ref, name: '', country: '' },
    orders: toPublicOrderFacts({ lastInfraOrderAt: null, lastInfraOrderByYouAt: null }),
    installedBase: summarizeInstalledBase([], s.clock, s.program),
    opportunityCounts: { total: 0, byState: emptyStateCounts() },
    opportunities: [],
    registrations: [],
    quotes: [],
    nextCursor: null,
    program: toPublicProgram(s.program),
  };
}

/**
 * The account an overview or a page is about: 404 for a vendor id it does not know, 400 for a
 * malformed identifier, `{ newCustomer }` for an identifier the customer master lacks.
 */
function accountOf(s: MockState, ref: string): InternalAccount | { newCustomer: string } | Failure {
  const account = state.resolveAccount(s, ref);
  return account ?? problem(404, 'not-found', 'no such account');
}

/** GET /v1/accounts/{accountRef}/overview: the account page in one bounded answer. */
export async function overview(s: MockState, partner: Partner, accountRef: string): Promise<CoreResult> {
  const account = accountOf(s, accountRef);
  if (isFailure(account)) return account;
  if ('newCustomer' in account) return ok(200, newAccountOverview(s, partner, account.newCustomer));
  const accountId = account.id;
  if (account.malformed) {
    // acc-broken: what a misbehaving backend sends. Clients must reject it cleanly.
    return ok(200, {
      asOf: s.clock,
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
  const standing = standingAt(s, partner, accountId);
  const head = {
    asOf: s.clock,
    partner: toPublicPartner(partner),
    account: toPublicAccount(account, partner.id),
    orders: toPublicOrderFacts(state.orderFacts(s, accountId, partner.id)),
    installedBase: installedBaseOf(s, accountId, partner.id),
    opportunityCounts: standing.counts,
  };
  const program = toPublicProgram(s.program);
  const page = await pageBody(s, partner, accountId, standing, pageAfter(standing.rows, null, DEFAULT_PAGE_SIZE));
  return ok(200, { ...head, ...page, program });
}

/**
 * GET /v1/accounts/{accountRef}/opportunities: the page after a cursor. Every refused cursor
 * (undecodable, tampered, another partner's, another account's) gets the same answer, so trying
 * cursors tells a client nothing about anyone else's.
 */
export async function opportunityPage(
  s: MockState,
  partner: Partner,
  accountRef: string,
  cursor: string,
  limit: number | null,
): Promise<CoreResult> {
  const account = accountOf(s, accountRef);
  if (isFailure(account)) return account;
  // A cursor is bound to the vendor's account, whichever reference named it (a new customer's: its key).
  const accountId = 'newCustomer' in account ? account.newCustomer : account.id;
  const size = checkPageSize(limit, DEFAULT_PAGE_SIZE);
  if (isFailure(size)) return size;
  const given = checkCursorGiven(cursor);
  if (isFailure(given)) return given;
  const after = await s.cursors.open(given, { partnerId: partner.id, accountId });
  if (after === null)
    return problem(400, 'invalid-cursor', 'this cursor was not issued to you for this account; start again from the overview');
  // From here to the signature: synchronous, one consistent view of the store.
  const standing = standingAt(s, partner, accountId);
  return ok(200, await pageBody(s, partner, accountId, standing, pageAfter(standing.rows, after, size)));
}

/** GET /v1/quote-requests/{quoteId}. */
export function getOneQuote(s: MockState, partner: Partner, quoteId: string): CoreResult {
  const stored = s.store.quotes.get(quoteId);
  // Another partner's quote answers exactly like a missing one: its existence is not ours to tell.
  if (!stored || stored.partnerId !== partner.id) return problem(404, 'not-found', 'no such quote request');
  return ok(200, toPublicQuote(state.settleQuote(s, stored)));
}
