// Shared by the hostile-world suites: what "nothing went wrong" means (no uncaught error, no
// console error), deep looks into shadow trees, and small adapters built for a test.
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import { DealRegError } from '../../src/errors.ts';
import { deepElements } from '../support/deep-dom.ts';

export { deepElements, deepText } from '../support/deep-dom.ts';
export { counting } from '../support/counting-adapter.ts';
export { sleep, until, untilAborted } from '../support/wait.ts';

// ------------------------------------------------------------------ trouble recorder

export interface Trouble {
  consoleErrors: string[];
  windowErrors: string[];
  rejections: string[];
  all(): string[];
  stop(): void;
}

/** Records console.error calls, window 'error' and 'unhandledrejection' until stop(). */
export function watchTrouble(): Trouble {
  const consoleErrors: string[] = [];
  const windowErrors: string[] = [];
  const rejections: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
  };
  const onError = (event: ErrorEvent) => {
    windowErrors.push(event.message || String(event.error));
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    rejections.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
    event.preventDefault();
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    consoleErrors,
    windowErrors,
    rejections,
    all: () => [...consoleErrors, ...windowErrors, ...rejections],
    stop() {
      console.error = original;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

// ------------------------------------------------------------------ deep DOM

export function findButton(host: Element, name: RegExp): HTMLButtonElement | undefined {
  return deepElements(host).find(
    (el): el is HTMLButtonElement =>
      el instanceof HTMLButtonElement && (name.test(el.textContent ?? '') || name.test(el.getAttribute('aria-label') ?? '')),
  );
}

interface Updatable {
  isUpdatePending?: boolean;
}

/** No Lit element in the tree has an update pending, and nothing says it is busy. */
export function settled(host: Element): boolean {
  const all = [host, ...deepElements(host)];
  return !all.some((el) => (el as Updatable).isUpdatePending === true || el.getAttribute('aria-busy') === 'true');
}

// ------------------------------------------------------------------ adapters

const notUsed = (): Promise<never> => Promise.reject(new DealRegError('not-found', { detail: 'not used by this test' }));

/** An adapter whose overview is the given outcome (a value, or a typed error) and nothing else. */
export function overviewAdapter(outcome: AccountOverview | DealRegError): DealRegAdapter {
  return {
    getAccountOverview: () =>
      outcome instanceof DealRegError ? Promise.reject(outcome) : Promise.resolve(structuredClone(outcome)),
    registerOpportunity: notUsed,
    requestQuote: notUsed,
    getQuote: notUsed,
    requestExtension: notUsed,
  };
}

// ------------------------------------------------------------------ elements

export type DealRegHost = HTMLElement & { adapter?: DealRegAdapter };

/** Creates a dealreg element with an adapter and attributes, in a fresh container on the page. */
export function mount(tag: string, adapter: DealRegAdapter, attributes: Record<string, string>): DealRegHost {
  const el = document.createElement(tag) as DealRegHost;
  el.adapter = adapter;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const box = document.createElement('div');
  box.style.width = '480px';
  box.append(el);
  document.body.append(box);
  return el;
}

export function unmount(el: Element): void {
  (el.parentElement ?? el).remove();
}
