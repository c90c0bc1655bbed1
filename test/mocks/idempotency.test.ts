// One user intent, one key, however many retries (docs/rest-contract.md).
import { expect } from '@open-wc/testing';
import { canonicalJson, fingerprintOf } from '../../mocks/core/fingerprint.ts';
import { createIdempotencyStore, IDEMPOTENCY_MAX_ENTRIES } from '../../mocks/core/idempotency.ts';
import { createMockBackend } from '../../mocks/index.ts';
import { ALPHA, BETA, newKey, overviewOf, problemCode, registrationOf } from './helpers.ts';

const DEAL = { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['workshop', 'sizing'] };

async function protectedRegistrationId(backend: ReturnType<typeof createMockBackend>): Promise<string> {
  const view = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-protected'));
  return view.registrations[0]!.id;
}

describe('idempotent writes', () => {
  it('a registration sent 5 times with one key creates one record and answers 5 identical bodies', async () => {
    const backend = createMockBackend();
    const key = newKey();
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await backend.registerOpportunity(ALPHA, DEAL, key));
    expect(answers.map((a) => a.status)).to.deep.equal([201, 201, 201, 201, 201]);
    for (const a of answers) expect(a).to.deep.equal(answers[0]);
    const records = backend
      .inspect()
      .registrations.filter((r) => r.partnerId === 'alpha' && r.opportunityId === DEAL.opportunityId);
    expect(records).to.have.length(1);
    expect(registrationOf(answers[0]!).id).to.equal(records[0]!.id);
  });

  it('the replay does not depend on the key order of the JSON body', async () => {
    const backend = createMockBackend();
    const key = newKey();
    const first = await backend.registerOpportunity(ALPHA, DEAL, key);
    const reordered = {
      presalesActivities: DEAL.presalesActivities,
      opportunityId: DEAL.opportunityId,
      accountId: DEAL.accountId,
    };
    expect(await backend.registerOpportunity(ALPHA, reordered, key)).to.deep.equal(first);
  });

  it('a quote request sent 5 times with one key creates one quote and answers 5 identical bodies', async () => {
    const backend = createMockBackend();
    const registrationId = await protectedRegistrationId(backend);
    const key = newKey();
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await backend.requestQuote(ALPHA, registrationId, key));
    expect(answers[0]!.status).to.equal(201);
    for (const a of answers) expect(a).to.deep.equal(answers[0]);
    expect(backend.inspect().quotes.filter((q) => q.registrationId === registrationId)).to.have.length(1);
  });

  it('an extension sent twice with one key extends once', async () => {
    const backend = createMockBackend();
    const view = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-expiring'));
    const reg = view.registrations[0]!;
    const key = newKey();
    const first = await backend.requestExtension(ALPHA, reg.id, key);
    const second = await backend.requestExtension(ALPHA, reg.id, key);
    expect(first.status).to.equal(200);
    expect(second).to.deep.equal(first);
    expect(backend.inspect().registrations.find((r) => r.id === reg.id)!.extensionsUsed).to.equal(1);
  });

  it('the same key with another body is refused 422 idempotency-key-reused, and nothing new is created', async () => {
    const backend = createMockBackend();
    const key = newKey();
    await backend.registerOpportunity(ALPHA, DEAL, key);
    const other = await backend.registerOpportunity(ALPHA, { ...DEAL, presalesActivities: ['demo'] }, key);
    expect(other.status).to.equal(422);
    expect(problemCode(other)).to.equal('idempotency-key-reused');
    expect(
      backend.inspect().registrations.filter((r) => r.partnerId === 'alpha' && r.opportunityId === DEAL.opportunityId),
    ).to.have.length(1);
  });

  it('the same key on another path is refused 422 idempotency-key-reused', async () => {
    const backend = createMockBackend();
    const registrationId = await protectedRegistrationId(backend);
    const key = newKey();
    expect((await backend.requestQuote(ALPHA, registrationId, key)).status).to.equal(201);
    const reused = await backend.requestExtension(ALPHA, registrationId, key);
    expect(reused.status).to.equal(422);
    expect(problemCode(reused)).to.equal('idempotency-key-reused');
  });

  it('concurrent retries with one key while the first is in flight: one 201, the overlapping ones 409 request-in-flight', async () => {
    const backend = createMockBackend({ latencyMs: 40 });
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 5 }, () => backend.registerOpportunity(ALPHA, DEAL, key)));
    expect(answers.filter((a) => a.status === 201)).to.have.length(1);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).to.have.length(4);
    for (const a of refused) {
      expect(a.status).to.equal(409);
      expect(problemCode(a)).to.equal('request-in-flight');
    }
    // once the first is done, a retry is a plain replay
    const replay = await backend.registerOpportunity(ALPHA, DEAL, key);
    expect(replay).to.deep.equal(answers.find((a) => a.status === 201));
    expect(
      backend.inspect().registrations.filter((r) => r.partnerId === 'alpha' && r.opportunityId === DEAL.opportunityId),
    ).to.have.length(1);
  });

  it('a POST without an Idempotency-Key is refused 400 invalid-request', async () => {
    const backend = createMockBackend();
    const answer = await backend.registerOpportunity(ALPHA, DEAL, null);
    expect(answer.status).to.equal(400);
    expect(problemCode(answer)).to.equal('invalid-request');
    expect((await backend.requestQuote(ALPHA, await protectedRegistrationId(backend), null)).status).to.equal(400);
    expect(backend.inspect().registrations.filter((r) => r.opportunityId === DEAL.opportunityId)).to.have.length(0);
  });

  it("keys belong to a partner: beta reusing alpha's key gets its own answer, not alpha's", async () => {
    const backend = createMockBackend();
    const key = newKey();
    const alpha = registrationOf(await backend.registerOpportunity(ALPHA, DEAL, key));
    const beta = registrationOf(await backend.registerOpportunity(BETA, DEAL, key));
    expect(beta.id).not.to.equal(alpha.id);
    expect(alpha.status).to.equal('approved');
    expect(beta.status).to.equal('rejected');
  });

  it('a 503 processes nothing and keeps no key: the retry with the same key is processed', async () => {
    const backend = createMockBackend({ failureRate: 1 });
    const key = newKey();
    const failed = await backend.registerOpportunity(ALPHA, DEAL, key);
    expect(failed.status).to.equal(503);
    expect(problemCode(failed)).to.equal('service-unavailable');
    expect(failed.ok ? undefined : failed.retryAfterSeconds).to.equal(1);
    expect(backend.inspect().registrations.filter((r) => r.opportunityId === DEAL.opportunityId)).to.have.length(0);
    backend.configure({ failureRate: 0 });
    expect(registrationOf(await backend.registerOpportunity(ALPHA, DEAL, key)).status).to.equal('approved');
  });

  it('the failure share follows the configured rate with a deterministic random source', async () => {
    let i = 0;
    const sequence = [0.1, 0.9, 0.2, 0.8];
    const backend = createMockBackend({ failureRate: 0.5, random: () => sequence[i++ % sequence.length]! });
    const statuses = [];
    for (let n = 0; n < 4; n += 1) statuses.push((await backend.getAccountOverview(ALPHA, 'acc-empty')).status);
    expect(statuses).to.deep.equal([503, 200, 503, 200]);
  });
});

describe('the idempotency store is bounded', () => {
  const HOUR = 60 * 60 * 1000;
  const OTHER_DEAL = { accountId: 'acc-installed', opportunityId: 'opp-installed-refresh', presalesActivities: ['sizing'] };

  it('a key is remembered for 24 h of real time (the injected clock), then forgotten', async () => {
    let now = 1_000_000;
    const backend = createMockBackend({ realTime: () => now });
    const key = newKey();
    expect((await backend.registerOpportunity(ALPHA, DEAL, key)).status).to.equal(201);
    now += 24 * HOUR - 1;
    expect(problemCode(await backend.registerOpportunity(ALPHA, OTHER_DEAL, key))).to.equal('idempotency-key-reused');
    now += 1;
    const later = await backend.registerOpportunity(ALPHA, OTHER_DEAL, key);
    expect(later.status).to.equal(201); // a new request: processed, not 422
    expect(registrationOf(later).opportunityId).to.equal(OTHER_DEAL.opportunityId);
  });

  it('at most maxEntries are kept, the oldest forgotten first, never one in flight', () => {
    let now = 0;
    const store = createIdempotencyStore({ now: () => now, maxEntries: 3 });
    const done = { ok: true as const, status: 201, body: {} };
    const inFlight = store.begin('a', 'fa'); // stays in flight
    for (const slot of ['b', 'c', 'd']) {
      now += 1;
      store.begin(slot, `f${slot}`).result = done;
    }
    now += 1;
    store.begin('e', 'fe').result = done;
    expect(store.size).to.equal(3);
    expect(store.get('a')).to.equal(inFlight);
    expect(store.get('b')).to.equal(undefined);
    expect(store.get('c')).to.equal(undefined);
    expect(store.get('d')?.fingerprint).to.equal('fd');
    expect(store.get('e')?.fingerprint).to.equal('fe');
  });

  it('the backend keeps at most 10,000 keys: the first of 10,001 is forgotten', async function () {
    this.timeout(60_000);
    const backend = createMockBackend();
    const first = newKey();
    expect((await backend.registerOpportunity(ALPHA, DEAL, first)).status).to.equal(201);
    // 10,000 more keys, cheap ones: a body the core refuses (400) is remembered like any answer
    for (let i = 0; i < IDEMPOTENCY_MAX_ENTRIES; i += 1)
      await backend.registerOpportunity(ALPHA, { accountId: 'acc-none' }, newKey());
    const reused = await backend.registerOpportunity(ALPHA, OTHER_DEAL, first);
    expect(reused.status).to.equal(201);
  });

  it('what it keeps of a request is a SHA-256 fingerprint, the same for any key order, whatever the body size', async () => {
    const big = { note: 'x'.repeat(60_000), accountId: 'a', nested: { b: 1, a: [2, { d: 3, c: 4 }] } };
    const reordered = { nested: { a: [2, { c: 4, d: 3 }], b: 1 }, accountId: 'a', note: big.note };
    const fingerprint = await fingerprintOf(canonicalJson(big));
    expect(fingerprint).to.match(/^sha256:[0-9a-f]{64}$/);
    expect(await fingerprintOf(canonicalJson(reordered))).to.equal(fingerprint);
    expect(await fingerprintOf(canonicalJson({ ...big, accountId: 'b' }))).not.to.equal(fingerprint);
  });
});
