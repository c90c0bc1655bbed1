// Rule 6 of the program (docs/program.md): a partner never learns which other partner holds a
// protection, nor sees another partner's registrations, quotes or installed base. Checked on every
// serialised answer, every demo account, every endpoint (every page of every account included),
// both ways; and a paging cursor is no oracle: another partner's is refused exactly like garbage.
import { expect } from '@open-wc/testing';
import type { CoreResult } from '../../mocks/core/backend-core.ts';
import { createMockBackend, createRestHandler, DEMO_ACCOUNT_IDS, DEMO_PARTNERS } from '../../mocks/index.ts';
import { newKey, overviewOf, pageOf } from './helpers.ts';

type Backend = ReturnType<typeof createMockBackend>;
const LARGE_SAMPLE = 25; // acc-large: act on its first page of deals only

interface Side {
  id: string;
  name: string;
  token: string;
}
const [ALPHA, BETA] = DEMO_PARTNERS as [Side, Side];

/** Both partners act on every account: register every deal, request quotes and extensions on what they hold. */
async function busyBackend(): Promise<Backend> {
  let realMs = 0;
  const backend = createMockBackend({ quoteDecisionDelayMs: 10, realTime: () => realMs });
  for (const side of [ALPHA, BETA]) {
    for (const accountId of DEMO_ACCOUNT_IDS) {
      if (accountId === 'acc-broken') continue;
      const overview = overviewOf(await backend.getAccountOverview(side.token, accountId));
      for (const opp of overview.opportunities.slice(0, LARGE_SAMPLE)) {
        await backend.registerOpportunity(
          side.token,
          { accountId, opportunityId: opp.id, presalesActivities: ['sizing'] },
          newKey(),
        );
      }
    }
  }
  for (const reg of backend.inspect().registrations) {
    const side = reg.partnerId === ALPHA.id ? ALPHA : BETA;
    await backend.requestQuote(side.token, reg.id, newKey());
    await backend.requestExtension(side.token, reg.id, newKey());
  }
  realMs += 100; // decisions are in
  return backend;
}

/** Everything that identifies `owner`'s data: its partner id and name, and its registration, quote and asset ids. */
function secretsOf(backend: Backend, owner: Side): { words: string[]; ids: Set<string> } {
  const { registrations, quotes, assets } = backend.inspect();
  const ids = new Set<string>([owner.id]);
  for (const r of registrations) if (r.partnerId === owner.id) ids.add(r.id);
  for (const q of quotes) if (q.partnerId === owner.id) ids.add(q.id);
  for (const a of assets) if (a.partnerId === owner.id) ids.add(a.id);
  return { words: [owner.name, owner.id], ids };
}

/** The overview's cursor, then every page's, each answer kept. */
async function everyPageSeenBy(
  backend: Backend,
  viewer: Side,
  accountId: string,
): Promise<Array<{ what: string; answer: CoreResult }>> {
  const seen: Array<{ what: string; answer: CoreResult }> = [];
  let cursor = overviewOf(await backend.getAccountOverview(viewer.token, accountId)).nextCursor;
  for (let n = 1; cursor !== null; n += 1) {
    const answer = await backend.getOpportunities(viewer.token, accountId, cursor, 100);
    seen.push({ what: `page ${n} of ${accountId}`, answer });
    cursor = pageOf(answer).nextCursor;
  }
  return seen;
}

/** Every JSON string value and key of a serialised answer. */
function stringsIn(json: string): string[] {
  return [...json.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
}

/** Every answer `viewer` can get: each overview, each write on each known id (its own and the other's), each quote read. */
async function everythingSeenBy(backend: Backend, viewer: Side): Promise<Array<{ what: string; answer: CoreResult }>> {
  const seen: Array<{ what: string; answer: CoreResult }> = [];
  const { registrations } = backend.inspect();
  for (const accountId of DEMO_ACCOUNT_IDS) {
    seen.push({ what: `overview ${accountId}`, answer: await backend.getAccountOverview(viewer.token, accountId) });
    const overview = await backend.getAccountOverview(viewer.token, accountId);
    if (!overview.ok || accountId === 'acc-broken') continue;
    seen.push(...(await everyPageSeenBy(backend, viewer, accountId)));
    for (const opp of overviewOf(overview).opportunities.slice(0, LARGE_SAMPLE)) {
      const body = { accountId, opportunityId: opp.id, presalesActivities: ['demo'] };
      seen.push({ what: `register ${opp.id}`, answer: await backend.registerOpportunity(viewer.token, body, newKey()) });
    }
  }
  for (const reg of registrations) {
    seen.push({ what: `quote on ${reg.id}`, answer: await backend.requestQuote(viewer.token, reg.id, newKey()) });
    seen.push({ what: `extension on ${reg.id}`, answer: await backend.requestExtension(viewer.token, reg.id, newKey()) });
  }
  for (const quote of backend.inspect().quotes) {
    seen.push({ what: `read quote ${quote.id}`, answer: await backend.getQuote(viewer.token, quote.id) });
  }
  return seen;
}

describe('partner privacy', () => {
  for (const [viewer, owner] of [
    [BETA, ALPHA],
    [ALPHA, BETA],
  ] as const) {
    it(`${viewer.id} sees nothing of ${owner.id} on any demo account through any endpoint`, async function () {
      this.timeout(60_000);
      const backend = await busyBackend();
      const secrets = secretsOf(backend, owner);
      expect(secrets.ids.size).to.be.greaterThan(10); // the owner really has data to leak
      const seen = await everythingSeenBy(backend, viewer);
      expect(seen.length).to.be.greaterThan(50);
      for (const { what, answer } of seen) {
        const json = JSON.stringify(answer);
        const leaked = stringsIn(json).filter((value) => secrets.ids.has(value));
        expect(leaked, `${viewer.id}'s answer to "${what}" carries ${owner.id}'s ids`).to.deep.equal([]);
        for (const word of secrets.words) expect(json.toLowerCase(), what).not.to.include(word.toLowerCase());
      }
    });
  }

  it("beta's answers to alpha's cursors are byte for byte its answers to a tampered cursor and to garbage: a cursor is no oracle", async function () {
    this.timeout(60_000);
    const backend = await busyBackend();
    // Alpha's cursors at many places of acc-large's list (the overview's and each page's).
    const alphaCursors: string[] = [overviewOf(await backend.getAccountOverview(ALPHA.token, 'acc-large')).nextCursor!];
    for (const { answer } of await everyPageSeenBy(backend, ALPHA, 'acc-large')) {
      const next = pageOf(answer).nextCursor;
      if (next !== null) alphaCursors.push(next);
    }
    expect(alphaCursors.length).to.be.greaterThan(5);
    const betaCursor = overviewOf(await backend.getAccountOverview(BETA.token, 'acc-large')).nextCursor!;
    const flip = (c: string, i: number) => `${c.slice(0, i)}${c[i] === 'A' ? 'B' : 'A'}${c.slice(i + 1)}`;
    const handle = createRestHandler(backend);
    const rest = async (token: string, accountId: string, cursor: string) => {
      const url = `http://mock.test/api/v1/accounts/${accountId}/opportunities?cursor=${encodeURIComponent(cursor)}`;
      const response = (await handle(new Request(url, { headers: { Authorization: `Bearer ${token}` } })))!;
      return JSON.stringify({ status: response.status, headers: [...response.headers], body: await response.text() });
    };
    const garbage = await rest(BETA.token, 'acc-large', 'not-a-cursor');
    expect(JSON.parse(garbage)).to.include({ status: 400 });
    expect(JSON.parse(JSON.parse(garbage).body)).to.include({ code: 'invalid-cursor' });
    const refusals = [
      ...alphaCursors.map((c) => ['beta with an alpha cursor', BETA.token, 'acc-large', c] as const),
      ['beta, tampered', BETA.token, 'acc-large', flip(betaCursor, 5)] as const,
      ['beta, its cursor on another account', BETA.token, 'acc-conflict', betaCursor] as const,
      ['alpha, beta’s cursor', ALPHA.token, 'acc-large', betaCursor] as const,
    ];
    for (const [what, token, accountId, cursor] of refusals) expect(await rest(token, accountId, cursor), what).to.equal(garbage);
    // The cursor carries a place in the list and nothing about whom it is for: where both partners'
    // lists start alike (a fresh backend), their cursors differ in the signature only; none names a partner.
    const fresh = createMockBackend();
    const [alphaPlace, alphaSignature] = overviewOf(await fresh.getAccountOverview(ALPHA.token, 'acc-large')).nextCursor!.split(
      '.',
    );
    const [betaPlace, betaSignature] = overviewOf(await fresh.getAccountOverview(BETA.token, 'acc-large')).nextCursor!.split('.');
    expect(alphaPlace).to.equal(betaPlace);
    expect(alphaSignature).not.to.equal(betaSignature);
    for (const cursor of [...alphaCursors, betaCursor]) {
      const payload = atob(cursor.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'));
      for (const word of ['alpha', 'beta', 'Alpha', 'Beta']) expect(payload).not.to.include(word);
    }
  });

  it("another partner's quote is answered exactly like a missing one (404 not-found)", async () => {
    const backend = await busyBackend();
    const alphaQuote = backend.inspect().quotes.find((q) => q.partnerId === ALPHA.id)!;
    const foreign = await backend.getQuote(BETA.token, alphaQuote.id);
    const missing = await backend.getQuote(BETA.token, 'quo-00000000');
    expect(foreign.status).to.equal(404);
    expect(JSON.stringify(foreign)).to.equal(JSON.stringify(missing));
  });

  it("beta's calls on alpha's registration ids are indistinguishable from calls on ids that do not exist", async function () {
    this.timeout(60_000);
    const backend = await busyBackend();
    const before = backend.inspect();
    const alphaIds = before.registrations.filter((r) => r.partnerId === ALPHA.id).map((r) => r.id);
    expect(alphaIds.length).to.be.greaterThan(10);
    const missingIds = ['reg-0123456789abcdef0123456789abcdef', 'reg-00000000', 'nothing-here'];
    const same = (answer: CoreResult) => JSON.stringify(answer);
    const missingQuote = same(await backend.requestQuote(BETA.token, missingIds[0]!, newKey()));
    const missingExtension = same(await backend.requestExtension(BETA.token, missingIds[0]!, newKey()));
    expect(JSON.parse(missingQuote)).to.include({ ok: false, status: 404 });
    for (const id of [...alphaIds, ...missingIds]) {
      expect(same(await backend.requestQuote(BETA.token, id, newKey())), `quote on ${id}`).to.equal(missingQuote);
      expect(same(await backend.requestExtension(BETA.token, id, newKey())), `extension on ${id}`).to.equal(missingExtension);
    }
    expect(backend.inspect(), "alpha's records are untouched").to.deep.equal(before);

    // over the REST router too: status, every header and the body byte for byte
    const handle = createRestHandler(backend);
    const call = async (id: string, action: string) => {
      const request = new Request(`http://mock.test/api/v1/registrations/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${BETA.token}`, 'Idempotency-Key': newKey() },
      });
      const response = (await handle(request))!;
      return JSON.stringify({ status: response.status, headers: [...response.headers], body: await response.text() });
    };
    for (const action of ['quote-requests', 'extension']) {
      const missing = await call(missingIds[0]!, action);
      for (const id of alphaIds.slice(0, 5)) expect(await call(id, action), `${action} on ${id}`).to.equal(missing);
    }
  });

  it('answers carry only allowlisted fields: no partnerId nor internal timers in any record', async function () {
    this.timeout(60_000);
    const backend = await busyBackend();
    const seen = await everythingSeenBy(backend, ALPHA);
    for (const { what, answer } of seen) {
      const json = JSON.stringify(answer);
      expect(json, what).not.to.include('partnerId');
      expect(json, what).not.to.include('decisionDueAtMs');
      expect(json, what).not.to.include('malformed');
      expect(json, what).not.to.include('"city"');
    }
  });
});
