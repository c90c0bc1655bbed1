// Hostile world: a host page that mounts and unmounts the panel all day (a CRM's record pages, a
// framework re-rendering). A removed panel is collectable, even when its adapter keeps a promise
// that never settles; a thousand mount/unmount cycles leave the heap where it was. Chromium runs
// with --expose-gc and --enable-precise-memory-info (scripts/find-chromium.mjs).
import { expect } from '@open-wc/testing';
import { createMockBackend } from '../../mocks/index.ts';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import { markValidating } from '../../src/adapters/validated.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import '../../widgets/index.ts';
import { drain } from '../support/virtual-clock.ts';
import { deepText, findButton, mount, settled, unmount, until } from './helpers.ts';

declare global {
  interface Window {
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const TOKEN = 'demo-alpha';
const CYCLES = 1000;
/**
 * Measured here (Chromium 150, 2 cores): the first thousand cycles after a short warm-up grow the
 * heap by ~90–140 KiB once (optimised code, caches), the next thousand by ~3 KiB. A panel kept per
 * cycle would add far more than 64 KiB a thousand; the first bound only catches a gross regression.
 */
const MAX_STEADY_GROWTH_BYTES = 64 * 1024;
const MAX_FIRST_GROWTH_BYTES = 512 * 1024;

async function collectGarbage(): Promise<void> {
  // WeakRefs are kept for the rest of the job that read them: let the task end before each pass.
  for (let i = 0; i < 4; i++) {
    await drain(1);
    window.gc!();
  }
}

/** Yields a task without setTimeout's 4 ms clamp (a thousand cycles, not a thousand × 10 ms). */
function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

async function untilByTasks(predicate: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > 5000) throw new Error(`timed out waiting for ${what}`);
    await yieldTask();
  }
}

/** An adapter whose overview is ready at once (a shipped adapter's, validated), the rest real. */
function readyAdapter(overview: AccountOverview, real: DealRegAdapter): DealRegAdapter {
  return markValidating({ ...real, getAccountOverview: () => Promise.resolve(overview) });
}

describe('hostile world: mounted and unmounted all day', function () {
  this.timeout(120_000);

  before(function () {
    if (typeof window.gc !== 'function' || !performance.memory)
      throw new Error('Chromium needs --js-flags=--expose-gc and --enable-precise-memory-info');
  });

  /** Mounts a panel, does `act` with it, removes it; returns only a WeakRef to it. */
  async function mountedAndRemoved(
    adapter: DealRegAdapter,
    accountId: string,
    act: (panel: HTMLElement) => Promise<void>,
  ): Promise<WeakRef<HTMLElement>> {
    const panel = mount('dealreg-panel', adapter, { 'account-id': accountId, locale: 'en' });
    await until(() => settled(panel) && deepText(panel).includes('Deal registration'), 'the panel');
    await act(panel);
    unmount(panel);
    return new WeakRef(panel);
  }

  it('a removed panel is collected, also when its adapter keeps a quote request that never settles and ignores its signal', async () => {
    const real = createMemoryAdapter(createMockBackend(), { token: TOKEN });
    const kept: Array<Promise<unknown>> = [];
    const hoarding: DealRegAdapter = {
      ...real,
      requestQuote: () => {
        const forever = new Promise<never>(() => undefined);
        kept.push(forever);
        return forever;
      },
    };
    const quiet = await mountedAndRemoved(real, 'acc-nextgen', () => Promise.resolve());
    const midRequest = await mountedAndRemoved(hoarding, 'acc-protected', async (panel) => {
      await until(() => findButton(panel, /request quote/i) !== undefined, 'the "Request quote" button');
      findButton(panel, /request quote/i)!.click();
      await until(() => kept.length === 1, 'the quote request');
    });
    await collectGarbage();
    // Booleans: chai would try to print a live element in its failure message.
    expect(quiet.deref() === undefined, 'the panel removed after loading is collected').to.equal(true);
    expect(midRequest.deref() === undefined, 'the panel removed mid-request is collected').to.equal(true);
    expect(kept).to.have.length(1); // the adapter still holds its promise: it only did not hold the panel
  });

  it(`${CYCLES} mount/unmount cycles of the panel leave the heap bounded (then ${CYCLES} more leave it flat, twice)`, async () => {
    const real = createMemoryAdapter(createMockBackend(), { token: TOKEN });
    const overview = await real.getAccountOverview('acc-protected');
    const adapter = readyAdapter(overview, real);
    const name = overview.opportunities[0]!.name;
    const cycle = async (): Promise<void> => {
      const panel = mount('dealreg-panel', adapter, { 'account-id': 'acc-protected', locale: 'en' });
      await untilByTasks(() => settled(panel) && deepText(panel).includes(name), 'a cycled panel');
      unmount(panel);
    };
    for (let i = 0; i < 50; i++) await cycle(); // warm-up: JIT, template and style caches
    await collectGarbage();
    const start = performance.memory!.usedJSHeapSize;
    for (let i = 0; i < CYCLES; i++) await cycle();
    await collectGarbage();
    const afterFirst = performance.memory!.usedJSHeapSize;
    for (let i = 0; i < CYCLES; i++) await cycle();
    await collectGarbage();
    const afterSecond = performance.memory!.usedJSHeapSize;
    for (let i = 0; i < CYCLES; i++) await cycle();
    await collectGarbage();
    const afterThird = performance.memory!.usedJSHeapSize;
    const first = afterFirst - start;
    // A leak grows the heap in every thousand; a one-off under load (a code cache, a GC that kept a
    // page it will free later) shows in one: the steady growth is the smaller of two thousands. Seen
    // once with two suites in parallel: 270 KiB over the second thousand, 11 KiB on the rerun.
    const steady = Math.min(afterSecond - afterFirst, afterThird - afterSecond);
    const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
    console.log(
      `heap growth over ${CYCLES} mount/unmount cycles: ${kib(first)} (first thousand), ${kib(steady)} (the smaller of the next two)`,
    );
    expect(steady, `heap growth over the second or third ${CYCLES} cycles, the smaller, bytes`).to.be.at.most(
      MAX_STEADY_GROWTH_BYTES,
    );
    expect(first, `heap growth over the first ${CYCLES} cycles, bytes`).to.be.at.most(MAX_FIRST_GROWTH_BYTES);
  });
});
