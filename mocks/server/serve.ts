// The mock backend as a real HTTP server (Node): the same fetch-style REST router, bridged to
// node:http by @hono/node-server, with CORS so pages on other origins (examples/portal.html) can call it.
// The router's body limit holds here too: the body reaches it as a stream it can give up (body-stream.ts),
// and what it leaves unread is drained by the bridge without being kept (at most 64 MB or 500 ms, then
// the connection is closed).
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import type { BackendCore } from '../core/backend-core.ts';
import { createRestHandler } from '../rest.ts';
import { problem } from '../core/problems.ts';
import { toResponse } from '../rest.ts';
import { bodyStream } from './body-stream.ts';

export interface MockServerOptions {
  core: BackendCore;
  port?: number;
  hostname?: string;
  basePath?: string;
}

export interface RunningMockServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};

/**
 * The bridge's request with the body as a stream the router may abandon past its limit. Only a POST:
 * no other method's body is read, and a method the fetch API forbids (TRACE) cannot make a Request,
 * while the bridge's own request answers its method, URL and headers without making one.
 */
function withGivingUpBody(request: Request, incoming: HttpBindings['incoming'] | undefined): Request {
  if (incoming === undefined || request.method !== 'POST') return request;
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: bodyStream(incoming),
    duplex: 'half',
  } as RequestInit);
}

/**
 * CORS on every answer; a 405's Allow names OPTIONS too, which this server answers on every path.
 * Set on the answer itself (the router's answers are ours, their headers mutable): a new Response
 * around its body would make the bridge stream a body it otherwise writes at once.
 */
function withCors(response: Response): Response {
  const { headers } = response;
  for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
  const allow = headers.get('Allow');
  if (allow !== null) headers.set('Allow', `${allow}, OPTIONS`);
  return response;
}

/** A fetch function: CORS preflight, then the REST router, then 404 problem for foreign paths. */
export function createMockFetch(
  core: BackendCore,
  basePath = '/api',
): (request: Request, env?: Partial<HttpBindings>) => Promise<Response> {
  const rest = createRestHandler(core, { basePath });
  return async (request, env) => {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS_HEADERS });
    const response =
      (await rest(withGivingUpBody(request, env?.incoming))) ??
      toResponse(problem(404, 'not-found', `the API lives under ${basePath}`));
    return withCors(response);
  };
}

export function startMockServer(options: MockServerOptions): Promise<RunningMockServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const mockFetch = createMockFetch(options.core, options.basePath);
  const server = createAdaptorServer({ fetch: (request, env) => mockFetch(request, env as HttpBindings), hostname });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${hostname}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}

/** MOCK_LATENCY: '300' (fixed) or '100-600' (random range), in ms. */
export function parseLatency(text: string | undefined): number | [number, number] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  if (range) return [Number(range[1]), Number(range[2])];
  const fixed = Number(text);
  if (!Number.isFinite(fixed) || fixed < 0) throw new Error(`MOCK_LATENCY must be ms or min-max, got "${text}"`);
  return fixed;
}

/** MOCK_FAIL: a share of requests answered 503, 0..1. */
export function parseFailureRate(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const rate = Number(text);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new Error(`MOCK_FAIL must be within 0..1, got "${text}"`);
  return rate;
}
