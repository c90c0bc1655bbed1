// The mock backend in the browser: an MSW service worker answering the REST contract from an
// in-memory core. The worker script is public/mockServiceWorker.js (served at /mockServiceWorker.js).
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { BackendCore } from './core/backend-core.ts';
import { createHandlers } from './handlers.ts';

export interface MockWorkerOptions {
  basePath?: string;
  /** URL of the MSW worker script (default '/mockServiceWorker.js'). */
  serviceWorkerUrl?: string;
  /** Registration scope (default: the worker script's folder, as the browser decides). */
  scope?: string;
  /** Log each intercepted request in the console (default false). */
  verbose?: boolean;
}

export interface MockWorker {
  worker: SetupWorker;
  stop(): void;
}

export async function startMockWorker(core: BackendCore, options: MockWorkerOptions = {}): Promise<MockWorker> {
  const handlerOptions = options.basePath === undefined ? {} : { basePath: options.basePath };
  const worker = setupWorker(...createHandlers(core, handlerOptions));
  await worker.start({
    serviceWorker: {
      url: options.serviceWorkerUrl ?? '/mockServiceWorker.js',
      ...(options.scope === undefined ? {} : { options: { scope: options.scope } }),
    },
    onUnhandledRequest: 'bypass',
    quiet: !options.verbose,
  });
  return { worker, stop: () => worker.stop() };
}
