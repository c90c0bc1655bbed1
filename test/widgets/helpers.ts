import { fixtureCleanup } from '@open-wc/testing';
// Test helpers for the widgets: a real mock backend behind the memory adapter, call counting,
// and deep queries through nested shadow roots (test/support).
import { fixture, html } from '@open-wc/testing';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { BackendCore } from '../../mocks/core/backend-core.ts';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import { DealRegError, type DealRegErrorCode } from '../../src/errors.ts';
import { createMockBackend } from '../../mocks/index.ts';
import type { MockBackend, MockBackendOptions } from '../../mocks/index.ts';
import { deepQuery, deepQueryAll } from '../support/deep-dom.ts';
import { counting } from '../support/counting-adapter.ts';
import { until } from '../support/wait.ts';

export { deepElements, deepQuery, deepQueryAll, deepText } from '../support/deep-dom.ts';
export { counting, type AdapterMethod, type CountingAdapter } from '../support/counting-adapter.ts';
export { until } from '../support/wait.ts';

export type CoreMethod = keyof BackendCore;

/** Wraps a backend core and counts calls per method (to prove one POST per intent). */
export function countingCore(core: MockBackend): MockBackend & { coreCalls: Record<CoreMethod, number>; keys: string[] } {
  const coreCalls: Record<CoreMethod, number> = {
    getAccountOverview: 0,
    registerOpportunity: 0,
    requestQuote: 0,
    getQuote: 0,
    requestExtension: 0,
    getOpportunities: 0,
    previewDeals: 0,
    listRegistrations: 0,
  };
  const keys: string[] = [];
  const wrapped = Object.create(core) as MockBackend & { coreCalls: Record<CoreMethod, number>; keys: string[] };
  for (const m of Object.keys(coreCalls) as CoreMethod[]) {
    const original = (core[m] as (...a: unknown[]) => Promise<unknown>).bind(core);
    (wrapped as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
      coreCalls[m]++;
      if (m === 'requestQuote' || m === 'requestExtension' || m === 'registerOpportunity') keys.push(args[2] as string);
      return original(...args);
    };
  }
  wrapped.coreCalls = coreCalls;
  wrapped.keys = keys;
  return wrapped;
}

export function backend(options: MockBackendOptions = {}): MockBackend {
  return createMockBackend({ quoteDecisionDelayMs: 0, ...options });
}

export function memoryAdapter(core: BackendCore = backend(), token = 'demo-alpha'): DealRegAdapter {
  return createMemoryAdapter(core, { token });
}

/** The button whose visible name is `name` (trimmed text), anywhere in the shadow trees. */
export function buttonNamed(root: Node, name: string): HTMLButtonElement | undefined {
  return deepQueryAll<HTMLButtonElement>(root, 'button').find((b) => b.textContent?.trim() === name);
}

/** A memory adapter whose overview loads fail with `code` while the switch is on (it starts on). */
export function failingOverview(
  code: DealRegErrorCode,
  real: DealRegAdapter = memoryAdapter(),
): {
  adapter: DealRegAdapter;
  setFailing: (on: boolean) => void;
} {
  let failing = true;
  const adapter: DealRegAdapter = {
    ...real,
    getAccountOverview: (id, o) => (failing ? Promise.reject(new DealRegError(code)) : real.getAccountOverview(id, o)),
  };
  return { adapter, setFailing: (on) => (failing = on) };
}

/**
 * A witness of the browser's `online` event: a <dealreg-status> on an adapter of its own, whose
 * account failed `offline`. `reloaded()` resolves once an `online` event has made it load again: a
 * test that checks another account did NOT reload waits on the very event that would have reloaded it
 * (every store reloads from its `online` listener, synchronously as the event is dispatched).
 */
export async function onlineWitness(): Promise<{ reloaded: () => Promise<void> }> {
  const { adapter, setFailing } = failingOverview('offline');
  const witnessed = counting(adapter);
  const el = await fixture(html`<dealreg-status account-id="acc-protected" .adapter=${witnessed}></dealreg-status>`);
  await until(() => deepQuery(el, '[part~="error"]'), 'the witness offline');
  setFailing(false);
  return {
    reloaded: async () => {
      await until(() => witnessed.calls.getAccountOverview === 2, 'the witness reloaded by `online`');
    },
  };
}

/** `real` with every page failing (service-unavailable) until `heal()`; the overview still loads. */
export function failingPages(real: DealRegAdapter): { adapter: ReturnType<typeof counting>; heal: () => void } {
  let failing = true;
  const adapter = counting({
    ...real,
    getOpportunities: (id, cursor, o) =>
      failing ? Promise.reject(new DealRegError('service-unavailable')) : real.getOpportunities!(id, cursor, o),
  });
  return { adapter, heal: () => (failing = false) };
}

/**
 * The suite runs as in a Lightning page: a 16px root and 13px body text (the panel takes the host's
 * size), each test's fixtures cleaned up after it.
 */
export function inALightningPage(): void {
  before(() => {
    document.documentElement.style.fontSize = '16px';
    document.body.style.fontSize = '13px';
  });
  after(() => {
    document.documentElement.style.fontSize = '';
    document.body.style.fontSize = '';
  });
  afterEach(() => fixtureCleanup());
}
