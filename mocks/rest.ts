// The REST contract of docs/rest-contract.md as one fetch-style handler: (Request) → Response, or undefined
// when the path is not under basePath. MSW (browser), the Node mock server and tests share it, so
// the body limit and the order of the checks below hold for all of them.
import type { BackendCore, CoreResult } from './core/backend-core.ts';
import { problem } from './core/problems.ts';

/** Largest request body read, in bytes (64 KiB): a registration request is a few hundred. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface RestHandlerOptions {
  /** Path prefix of the API (default '/api'); routes are `${basePath}/v1/...`. */
  basePath?: string;
  /** Largest request body read, in bytes (default MAX_BODY_BYTES); a larger one is answered 413. */
  maxBodyBytes?: number;
}

/**
 * A core that can tell a known token on its own (the mock backend can): the router then answers a
 * stranger's POST without reading its body. Any other core gets the body, read up to the limit.
 */
export interface TokenAwareCore extends BackendCore {
  knowsToken(token: string | null): boolean;
}

function isTokenAware(core: BackendCore): core is TokenAwareCore {
  return typeof (core as Partial<TokenAwareCore>).knowsToken === 'function';
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
const TOO_LARGE = Symbol('too-large');

const tooLarge = (limit: number) => toResponse(problem(413, 'invalid-request', `the request body exceeds ${limit} bytes`));

/** The declared Content-Length when there is a valid one; a chunked body has none. */
function declaredLength(request: Request): number | null {
  const header = request.headers.get('Content-Length');
  return header !== null && /^\s*\d+\s*$/.test(header) ? Number(header) : null;
}

/**
 * The body as text, read chunk by chunk and abandoned as soon as it passes `limit` bytes, so a
 * body without a declared length (chunked) costs at most the limit. `request.text()` would buffer it all.
 */
async function readText(request: Request, limit: number): Promise<string | typeof TOO_LARGE> {
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined); // the rest is never read; the server drains or drops it
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Unparseable (or, in an engine whose parser recurses, too deep to parse) is NOT_JSON; the core answers 400. */
function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/**
 * `?limit=`: absent is null (the core's default); anything but decimal digits is NaN, which the core
 * refuses as invalid-request after it has checked the token, as it orders every other refusal.
 */
function limitParameter(url: URL): number | null {
  const raw = url.searchParams.get('limit');
  if (raw === null) return null;
  return /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

const methodNotAllowed = (allow: string) => {
  const response = toResponse(problem(405, 'invalid-request', `method not allowed; use ${allow}`));
  response.headers.set('Allow', allow);
  return response;
};

export function createRestHandler(
  core: BackendCore,
  { basePath = '/api', maxBodyBytes = MAX_BODY_BYTES }: RestHandlerOptions = {},
): RestHandler {
  const base = normalizeBase(basePath);

  return async (request) => {
    const url = new URL(request.url);
    if (base !== '' && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return undefined;
    // A declared length over the limit is refused first, before the token and without reading a byte.
    const declared = declaredLength(request);
    if (declared !== null && declared > maxBodyBytes) return tooLarge(maxBodyBytes);
    const parts = url.pathname
      .slice(base.length)
      .split('/')
      .filter((p) => p !== '');
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
    // GET /v1/accounts/{accountId}/opportunities?cursor=…&limit=…
    if (collection === 'accounts' && id !== null && action === 'opportunities') {
      if (method !== 'GET') return methodNotAllowed('GET');
      return toResponse(await core.getOpportunities(token, id, url.searchParams.get('cursor') ?? '', limitParameter(url)));
    }
    // POST /v1/registrations
    if (collection === 'registrations' && id === null) {
      if (method !== 'POST') return methodNotAllowed('POST');
      // A stranger is answered (401, by the core) without its body being read.
      if (isTokenAware(core) && !core.knowsToken(token)) return toResponse(await core.registerOpportunity(token, undefined, key));
      const text = await readText(request, maxBodyBytes);
      if (text === TOO_LARGE) return tooLarge(maxBodyBytes);
      // Unparseable JSON reaches the core as a non-object, so it answers in the contract's order:
      // 401 for a missing or unknown token first, then 400 invalid-request.
      return toResponse(await core.registerOpportunity(token, parseJson(text), key));
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
