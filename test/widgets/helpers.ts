// Test helpers for the widgets: a real mock backend behind the memory adapter, call counting,
// and deep queries through nested shadow roots.
import { waitUntil } from '@open-wc/testing';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { BackendCore } from '../../src/backend-core.ts';
import { createMemoryAdapter } from '../../src/adapters/index.ts';
import { createMockBackend } from '../../mocks/index.ts';
import type { MockBackend, MockBackendOptions } from '../../mocks/index.ts';

export type AdapterMethod = keyof DealRegAdapter;

export interface CountingAdapter extends DealRegAdapter {
  calls: Record<AdapterMethod, number>;
  /** Every AbortSignal the adapter was given, by method, in call order. */
  signals: Record<AdapterMethod, Array<AbortSignal | undefined>>;
  /** Account ids asked for, in order. */
  accounts: string[];
}

/** Wraps an adapter and counts each method's calls (the widgets must not notice). */
export function counting(inner: DealRegAdapter): CountingAdapter {
  const methods: AdapterMethod[] = ['getAccountOverview', 'registerOpportunity', 'requestQuote', 'getQuote', 'requestExtension'];
  const calls = Object.fromEntries(methods.map((m) => [m, 0])) as Record<AdapterMethod, number>;
  const signals = Object.fromEntries(methods.map((m) => [m, []])) as unknown as Record<AdapterMethod, Array<AbortSignal | undefined>>;
  const accounts: string[] = [];
  const wrap =
    (m: AdapterMethod) =>
    (...args: unknown[]): Promise<unknown> => {
      calls[m]++;
      const options = args[1] as { signal?: AbortSignal } | undefined;
      signals[m].push(options?.signal);
      if (m === 'getAccountOverview') accounts.push(args[0] as string);
      return (inner[m] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  return {
    calls,
    signals,
    accounts,
    getAccountOverview: wrap('getAccountOverview') as DealRegAdapter['getAccountOverview'],
    registerOpportunity: wrap('registerOpportunity') as DealRegAdapter['registerOpportunity'],
    requestQuote: wrap('requestQuote') as DealRegAdapter['requestQuote'],
    getQuote: wrap('getQuote') as DealRegAdapter['getQuote'],
    requestExtension: wrap('requestExtension') as DealRegAdapter['requestExtension'],
  };
}

export type CoreMethod = keyof BackendCore;

/** Wraps a backend core and counts calls per method (to prove one POST per intent). */
export function countingCore(core: MockBackend): MockBackend & { coreCalls: Record<CoreMethod, number>; keys: string[] } {
  const coreCalls: Record<CoreMethod, number> = {
    getAccountOverview: 0,
    registerOpportunity: 0,
    requestQuote: 0,
    getQuote: 0,
    requestExtension: 0,
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

/** Every node of a tree, descending into (open) shadow roots. */
function* walk(root: Node): Generator<Node> {
  yield root;
  if (root instanceof Element && root.shadowRoot) yield* walk(root.shadowRoot);
  for (const child of Array.from(root.childNodes)) yield* walk(child);
}

/** The text of an element and everything in its shadow trees (what a screen reader could reach). */
export function deepText(root: Node): string {
  let text = '';
  for (const node of walk(root)) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
    else if (node instanceof Element && (node.localName === 'style' || node.localName === 'script')) continue;
  }
  return text.replace(/[ \t\n\r]+/g, ' ');
}

export function deepQueryAll<T extends Element = HTMLElement>(root: Node, selector: string): T[] {
  const found: T[] = [];
  for (const node of walk(root)) if (node instanceof Element && node.matches(selector)) found.push(node as T);
  return found;
}

export function deepQuery<T extends Element = HTMLElement>(root: Node, selector: string): T | undefined {
  return deepQueryAll<T>(root, selector)[0];
}

/** The button whose visible name is `name` (trimmed text), anywhere in the shadow trees. */
export function buttonNamed(root: Node, name: string): HTMLButtonElement | undefined {
  return deepQueryAll<HTMLButtonElement>(root, 'button').find((b) => b.textContent?.trim() === name);
}

export async function until(predicate: () => unknown, message: string, timeout = 4000): Promise<void> {
  await waitUntil(predicate, message, { timeout, interval: 20 });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
