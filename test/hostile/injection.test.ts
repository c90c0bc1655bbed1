// Hostile world: a backend (or a compromised CRM record) whose every text field is an attack.
// Everything is shown as text; nothing runs; no <img>, <script> or javascript: link appears.
import { expect } from '@open-wc/testing';
import { createMockBackend } from '../../mocks/index.ts';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import type { BackendCore, CoreResult } from '../../mocks/core/backend-core.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import '../../widgets/index.ts';
import type { Json } from './corrupt.ts';
import { deepElements, deepText, findButton, mount, settled, unmount, until, watchTrouble } from './helpers.ts';

declare global {
  interface Window {
    __pwned?: string[];
  }
}

const TOKEN = 'demo-alpha';
const ACCOUNTS = ['acc-nextgen', 'acc-installed', 'acc-conflict', 'acc-protected', 'acc-expiring', 'acc-quoted'];

/** Each payload, if it ever runs, records itself in window.__pwned. */
const PAYLOADS = [
  (tag: string) => `<img src=x onerror="(window.__pwned=window.__pwned||[]).push('${tag}')">`,
  (tag: string) => `"><script>(window.__pwned=window.__pwned||[]).push('${tag}')</script>`,
  (tag: string) => `javascript:(window.__pwned=window.__pwned||[]).push('${tag}')`,
  (tag: string) => `<a href="javascript:(window.__pwned=window.__pwned||[]).push('${tag}')">${tag}</a>`,
  (tag: string) => `<svg onload="(window.__pwned=window.__pwned||[]).push('${tag}')"></svg>`,
  (tag: string) => `\${(window.__pwned=window.__pwned||[]).push('${tag}')}{{constructor.constructor('x')()}}`,
];

/** Keys that hold words for people (names, labels, notes), not ids, codes, dates or amounts. */
const TEXT_KEYS = new Set(['name', 'country', 'sku', 'note', 'en', 'fr', 'title', 'detail']);

/** Replaces every text field with a hostile string that still names the field (so it can be found on screen). */
function poison(doc: Json, counter = { n: 0 }): Json {
  if (Array.isArray(doc)) return doc.map((item) => poison(item, counter));
  if (doc === null || typeof doc !== 'object') return doc;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (typeof value === 'string' && TEXT_KEYS.has(key)) {
      const i = counter.n++;
      out[key] = `${PAYLOADS[i % PAYLOADS.length]!(`${key}-${i}`)} ${value}`;
    } else {
      out[key] = poison(value, counter);
    }
  }
  return out;
}

function answering(body: Json): BackendCore {
  const reply = (): Promise<CoreResult> => Promise.resolve({ ok: true, status: 200, body });
  const none = (): Promise<CoreResult> =>
    Promise.resolve({
      ok: false,
      status: 404,
      problem: { type: 'about:blank', title: 'Not found', status: 404, code: 'not-found' },
    });
  return {
    getAccountOverview: reply,
    getQuote: none,
    registerOpportunity: none,
    requestQuote: none,
    requestExtension: none,
    getOpportunities: none,
    previewDeals: none,
  };
}

function expectInert(host: Element): void {
  const dangerous = deepElements(host).filter(
    (el) =>
      el.localName === 'img' ||
      el.localName === 'script' ||
      el.localName === 'iframe' ||
      (el.getAttribute('href') ?? '').trim().toLowerCase().startsWith('javascript:') ||
      Array.from(el.attributes).some((a) => a.name.startsWith('on')),
  );
  expect(dangerous.map((el) => el.outerHTML.slice(0, 80))).to.deep.equal([]);
}

describe('hostile world: injection through every text field', function () {
  this.timeout(60_000);

  const poisoned = new Map<string, AccountOverview>();

  before(async () => {
    const core = createMockBackend();
    for (const account of ACCOUNTS) {
      const result = await core.getAccountOverview(TOKEN, account);
      if (!result.ok) throw new Error(`the mock does not serve ${account}`);
      const body = poison(JSON.parse(JSON.stringify(result.body)) as Json);
      // Through the adapter boundary: hostile text is still valid data, so it must get through.
      poisoned.set(account, await createMemoryAdapter(answering(body), { token: TOKEN }).getAccountOverview(account));
    }
  });

  beforeEach(() => {
    window.__pwned = [];
  });

  for (const account of ACCOUNTS) {
    it(`${account}: hostile names, labels and notes are shown as text and nothing runs`, async () => {
      const overview = poisoned.get(account)!;
      const trouble = watchTrouble();
      const accountId = overview.account.id;
      const adapter = createMemoryAdapter(answering(overview as unknown as Json), { token: TOKEN });
      const panel = mount('dealreg-panel', adapter, { 'account-id': accountId, locale: 'en' });
      const status = mount('dealreg-status', adapter, { 'account-id': accountId, locale: 'en' });
      const eligibility = mount('dealreg-eligibility', adapter, { 'account-id': accountId, locale: 'en' });
      try {
        await until(() => [panel, status, eligibility].every(settled) && deepText(panel).includes('<'), `${account} rendered`);
        // Open the register form too, where opportunity names are offered as choices.
        const open = findButton(panel, /register opportunity/i);
        if (open) {
          open.click();
          await until(() => settled(panel), 'the form');
        }
        // No wait for an injected onerror/onload: expectInert below proves no element that could carry one
        // exists (no img, script, svg, iframe, no on* attribute), which no timing can change.
        const text = deepText(panel) + deepText(status) + deepText(eligibility);
        const firstName = overview.opportunities[0]?.name ?? overview.account.name;
        expect(text, 'hostile text is shown as text').to.include(firstName.slice(0, 20));
        for (const host of [panel, status, eligibility]) expectInert(host);
        expect(document.querySelectorAll('body > img, body > script:not([type])').length).to.equal(0);
        expect(window.__pwned).to.deep.equal([]);
      } finally {
        for (const el of [panel, status, eligibility]) unmount(el);
        trouble.stop();
      }
      expect(trouble.all()).to.deep.equal([]);
    });
  }
});
