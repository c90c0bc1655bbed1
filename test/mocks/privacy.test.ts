// PRODUCT.md rule 6: a partner never learns which other partner holds a protection, nor sees another
// partner's registrations, quotes or installed base. Checked on every serialised answer, every
// demo account, every endpoint, both ways.
import { expect } from '@open-wc/testing';
import type { CoreResult } from '../../src/backend-core.ts';
import { createMockBackend, createRestHandler, DEMO_ACCOUNT_IDS, DEMO_PARTNERS } from '../../mocks/index.ts';
import { newKey, overviewOf } from './helpers.ts';

type Backend = ReturnType<typeof createMockBackend>;
const LARGE_SAMPLE = 25; // acc-large: act on the first deals only, the overview still carries all 10,000 assets

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
        await backend.registerOpportunity(side.token, { accountId, opportunityId: opp.id, presalesActivities: ['sizing'] }, newKey());
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
async function secretsOf(backend: Backend, owner: Side): Promise<{ words: string[]; ids: Set<string> }> {
  const { registrations, quotes } = backend.inspect();
  const ids = new Set<string>([owner.id]);
  for (const r of registrations) if (r.partnerId === owner.id) ids.add(r.id);
  for (const q of quotes) if (q.partnerId === owner.id) ids.add(q.id);
  for (const accountId of DEMO_ACCOUNT_IDS) {
    if (accountId === 'acc-broken') continue;
    for (const asset of overviewOf(await backend.getAccountOverview(owner.token, accountId)).installedBase) ids.add(asset.id);
  }
  return { words: [owner.name, owner.id], ids };
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
      const secrets = await secretsOf(backend, owner);
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
