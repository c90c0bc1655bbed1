// MSW 2 request handlers over the shared REST router: everything under basePath goes to the mock
// backend; a path the router does not own passes through to the network.
import { http, passthrough, type HttpHandler } from 'msw';
import type { BackendCore } from './core/backend-core.ts';
import { createRestHandler, type RestHandlerOptions } from './rest.ts';

export function createHandlers(core: BackendCore, options: RestHandlerOptions = {}): HttpHandler[] {
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const handle = createRestHandler(core, { basePath });
  return [http.all(`${basePath}/*`, async ({ request }) => (await handle(request)) ?? passthrough())];
}
