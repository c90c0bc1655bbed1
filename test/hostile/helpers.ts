// Shared by the hostile-world suites: what "nothing went wrong" means (no uncaught error, no
// console error), deep looks into shadow trees, and small adapters built for a test.
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import { DealRegError } from '../../src/errors.ts';
import { deepElements } from '../support/deep-dom.ts';

export { deepElements, deepText } from '../support/deep-dom.ts';
export { counting } from '../support/counting-adapter.ts';
export { until, untilAborted } from '../support/wait.ts';

// ------------------------------------------------------------------ trouble recorder

export interface Trouble {
  consoleErrors: string[];
  windowErrors: string[];
  rejections: string[];
  all(): string[];
  /**
   * Resolves once the browser has reported every promise rejected so far and left unhandled: a
   * witness rejected now is reported after them (in order), so a check that nothing was left
   * unhandled waits on the report that would have come, not on a sleep. The witness is not recorded.
   */
  reported(): Promise<void>;
  stop(): void;
}

/** What @web/browser-logs writes, with console.error, for each unhandled rejection. */
const RUNNER_REJECTION_LOG = 'An error was thrown in a Promise outside a test. Did you forget to await a function or assertion?';

/** Records console.error calls, window 'error' and 'unhandledrejection' until stop(). */
export function watchTrouble(): Trouble {
  const consoleErrors: string[] = [];
  const windowErrors: string[] = [];
  const rejections: string[] = [];
  const witnesses = new Map<unknown, () => void>();
  const original = console.error;
  console.error = (...args: unknown[]) => {
    // The test runner logs every unhandled rejection too (its own listener, first): not the witness's.
    if (witnesses.size > 0 && (args[0] === RUNNER_REJECTION_LOG || args.some((a) => witnesses.has(a)))) return;
    consoleErrors.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
  };
  const onError = (event: ErrorEvent) => {
    windowErrors.push(event.message || String(event.error));
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    event.preventDefault();
    const witnessed = witnesses.get(reason);
    if (witnessed) {
      witnesses.delete(reason);
      witnessed();
      return;
    }
    rejections.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    consoleErrors,
    windowErrors,
    rejections,
    all: () => [...consoleErrors, ...windowErrors, ...rejections],
    reported: () =>
      new Promise<void>((resolve) => {
        const witness = new Error('the trouble recorder’s witness');
        witnesses.set(witness, resolve);
        void Promise.reject(witness);
      }),
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
