// The REST contract of PRODUCT.md §2 as one fetch-style handler: (Request) → Response, or undefined
// when the path is not under basePath. MSW (browser), the Node mock server and tests share it.
import type { BackendCore, CoreResult } from '../src/backend-core.ts';
import { problem } from './core/problems.ts';

export interface RestHandlerOptions {
  /** Path prefix of the API (default '/api'); routes are `${basePath}/v1/...`. */
  basePath?: string;
}

export type RestHandler = (request: Request) => Promise<Response | undefined>;

const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';

/** Serialises a CoreResult: JSON on success, problem+json (and Retry-After on 503) on failure. */
export function toResponse(result: CoreResult): Response {
  if (result.ok) {
    return new Response(JSON.stringify(result.body), {
      status: result.status,
      headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' },
    });
  }
  const headers: Record<string, string> = { 'Content-Type': PROBLEM_TYPE, 'Cache-Control': 'no-store' };
  if (result.retryAfterSeconds !== undefined) headers['Retry-After'] = String(result.retryAfterSeconds);
  return new Response(JSON.stringify(result.problem), { status: result.status, headers });
}

/** 'Bearer abc' → 'abc'; anything else → null (answered 401 by the core). */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('Authorization');
  if (header === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

function normalizeBase(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  return trimmed.startsWith('/') || trimmed === '' ? trimmed : `/${trimmed}`;
}

function segment(raw: string): string | null {
  try {
    const decoded = decodeURIComponent(raw);
    return decoded === '' ? null : decoded;
  } catch {
    return null;
  }
}

const NOT_JSON = Symbol('not-json');

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const methodNotAllowed = (allow: string) => {
  const response = toResponse(problem(405, 'invalid-request', `method not allowed; use ${allow}`));
  response.headers.set('Allow', allow);
  return response;
};

export function createRestHandler(core: BackendCore, { basePath = '/api' }: RestHandlerOptions = {}): RestHandler {
  const base = normalizeBase(basePath);

  return async (request) => {
    const url = new URL(request.url);
    if (base !== '' && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return undefined;
    const parts = url.pathname.slice(base.length).split('/').filter((p) => p !== '');
    const method = request.method.toUpperCase();
    const token = bearerToken(request);
    const key = request.headers.get('Idempotency-Key');

    if (parts[0] !== 'v1') return toResponse(problem(404, 'not-found', 'no such route'));
    const [, collection, rawId, action, ...rest] = parts;
    const id = rawId === undefined ? null : segment(rawId);
    if (rest.length > 0 || (rawId !== undefined && id === null)) return toResponse(problem(404, 'not-found', 'no such route'));

    // GET /v1/accounts/{accountId}/overview
    if (collection === 'accounts' && id !== null && action === 'overview') {
      if (method !== 'GET') return methodNotAllowed('GET');
      return toResponse(await core.getAccountOverview(token, id));
    }
    // POST /v1/registrations
    if (collection === 'registrations' && id === null) {
      if (method !== 'POST') return methodNotAllowed('POST');
      const body = await readJson(request);
      // Unparseable JSON reaches the core as a non-object, so it answers in the contract's order:
      // 401 for a missing or unknown token first, then 400 invalid-request.
      return toResponse(await core.registerOpportunity(token, body.ok ? body.value : NOT_JSON, key));
    }
    // POST /v1/registrations/{id}/quote-requests
    if (collection === 'registrations' && id !== null && action === 'quote-requests') {
      if (method !== 'POST') return methodNotAllowed('POST');
      return toResponse(await core.requestQuote(token, id, key));
    }
    // POST /v1/registrations/{id}/extension
    if (collection === 'registrations' && id !== null && action === 'extension') {
      if (method !== 'POST') return methodNotAllowed('POST');
      return toResponse(await core.requestExtension(token, id, key));
    }
    // GET /v1/quote-requests/{id}
    if (collection === 'quote-requests' && id !== null && action === undefined) {
      if (method !== 'GET') return methodNotAllowed('GET');
      return toResponse(await core.getQuote(token, id));
    }
    return toResponse(problem(404, 'not-found', 'no such route'));
  };
}
