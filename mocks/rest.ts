// The REST contract of docs/rest-contract.md as one fetch-style handler: (Request) → Response, or undefined
// when the path is not under basePath. MSW (browser), the Node mock server and tests share it, so
// the methods (405 with Allow, HEAD as GET), the media type (415), the body limit and the order of
// the checks below hold for all of them.
import { queryParamsOf, type BackendCore, type CoreResult } from './core/backend-core.ts';
import { problem } from './core/problems.ts';
import { declaredLength, isJsonType, mediaType, parseJson, readText, TOO_LARGE } from './rest-body.ts';

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

/** Serialises a CoreResult: JSON on success, problem+json (and Retry-After on 503 and 429) on failure. */
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

const tooLarge = (limit: number) => toResponse(problem(413, 'invalid-request', `the request body exceeds ${limit} bytes`));

/**
 * `?limit=`: absent is null (the core's default); anything but decimal digits is NaN, which the core
 * refuses as invalid-request after it has checked the token, as it orders every other refusal.
 */
function limitParameter(url: URL): number | null {
  const raw = url.searchParams.get('limit');
  if (raw === null) return null;
  return /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/** 405 with the methods the route serves; `Allow` is required on a 405 (RFC 9110 §15.5.6). */
function methodNotAllowed(allow: string): Response {
  const response = toResponse(problem(405, 'invalid-request', `method not allowed; use ${allow}`));
  response.headers.set('Allow', allow);
  return response;
}

const unsupportedMediaType = () =>
  toResponse(problem(415, 'invalid-request', 'the request body must be sent as application/json'));

/** What HEAD answers: what GET would, status and headers (its length included), without the body. */
async function headOf(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set('Content-Length', String((await response.arrayBuffer()).byteLength));
  return new Response(null, { status: response.status, statusText: response.statusText, headers });
}

/** One route of the contract: how it serves each method it serves (GET, POST, or both). */
type Route = Partial<Record<'GET' | 'POST', () => Promise<Response>>>;

export function createRestHandler(
  core: BackendCore,
  { basePath = '/api', maxBodyBytes = MAX_BODY_BYTES }: RestHandlerOptions = {},
): RestHandler {
  const base = normalizeBase(basePath);
  /** False for a stranger, answered 401 by the core before its body is looked at; a core that cannot tell says so itself. */
  const mayBeKnown = (token: string | null) => !isTokenAware(core) || core.knowsToken(token);

  /**
   * A POST whose body the contract makes optional (`{}` or nothing): 415 for a body declared as
   * anything but JSON, or for one sent with no type at all (read up to the limit to tell).
   */
  async function optionalBody(request: Request, token: string | null, answer: () => Promise<CoreResult>): Promise<Response> {
    if (!mayBeKnown(token)) return toResponse(await answer());
    const type = mediaType(request);
    if (type !== null && !isJsonType(type)) return unsupportedMediaType();
    if (type === null) {
      const text = await readText(request, maxBodyBytes);
      if (text === TOO_LARGE) return tooLarge(maxBodyBytes);
      if (text !== '') return unsupportedMediaType();
    }
    return toResponse(await answer());
  }

  /**
   * A POST whose body is required (a registration, deal previews): declared JSON (else 415, unread),
   * read up to the limit. A stranger is answered without a byte read.
   */
  async function requiredBody(
    request: Request,
    token: string | null,
    answer: (body: unknown) => Promise<CoreResult>,
  ): Promise<Response> {
    if (!mayBeKnown(token)) return toResponse(await answer(undefined));
    if (!isJsonType(mediaType(request))) return unsupportedMediaType();
    const text = await readText(request, maxBodyBytes);
    if (text === TOO_LARGE) return tooLarge(maxBodyBytes);
    // Unparseable JSON reaches the core as a non-object, so it answers in the contract's order:
    // 401 for a missing or unknown token first, then 400 invalid-request.
    return toResponse(await answer(parseJson(text)));
  }

  function routeOf(request: Request, url: URL, parts: readonly (string | undefined)[]): Route | null {
    const [collection, rawId, action] = parts;
    const id = rawId === undefined ? null : segment(rawId);
    if (rawId !== undefined && id === null) return null;
    const token = bearerToken(request);
    const key = request.headers.get('Idempotency-Key');
    const json = async (result: Promise<CoreResult>) => toResponse(await result);
    if (collection === 'accounts' && id !== null && action === 'overview') {
      return { GET: () => json(core.getAccountOverview(token, id)) };
    }
    if (collection === 'accounts' && id !== null && action === 'opportunities') {
      const cursor = url.searchParams.get('cursor') ?? '';
      return { GET: () => json(core.getOpportunities(token, id, cursor, limitParameter(url))) };
    }
    if (collection === 'accounts' && id !== null && action === 'deal-previews') {
      return { POST: () => requiredBody(request, token, (body) => core.previewDeals(token, id, body)) };
    }
    if (collection === 'registrations' && id === null && action === undefined) {
      const register = () => requiredBody(request, token, (body) => core.registerOpportunity(token, body, key));
      const list = core.listRegistrations?.bind(core);
      return list ? { GET: () => json(list(token, queryParamsOf(url.searchParams))), POST: register } : { POST: register };
    }
    if (collection === 'registrations' && id !== null && action === 'quote-requests') {
      return { POST: () => optionalBody(request, token, () => core.requestQuote(token, id, key)) };
    }
    if (collection === 'registrations' && id !== null && action === 'extension') {
      return { POST: () => optionalBody(request, token, () => core.requestExtension(token, id, key)) };
    }
    if (collection === 'quote-requests' && id !== null && action === undefined) {
      return { GET: () => json(core.getQuote(token, id)) };
    }
    return null;
  }

  async function answer(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    if (base !== '' && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return undefined;
    // A declared length over the limit is refused first, before the token and without reading a byte.
    const declared = declaredLength(request);
    if (declared !== null && declared > maxBodyBytes) return tooLarge(maxBodyBytes);
    const parts = url.pathname
      .slice(base.length)
      .split('/')
      .filter((p) => p !== '');
    const route = parts[0] === 'v1' && parts.length <= 4 ? routeOf(request, url, parts.slice(1)) : null;
    if (route === null) return toResponse(problem(404, 'not-found', 'no such route'));
    // Any method the route does not serve (TRACE, PUT, OPTIONS, …) is 405 before anything else is looked at.
    const method = request.method.toUpperCase();
    const serve = method === 'POST' ? route.POST : method === 'GET' || method === 'HEAD' ? route.GET : undefined;
    if (serve) return serve();
    return methodNotAllowed([route.GET && 'GET, HEAD', route.POST && 'POST'].filter(Boolean).join(', '));
  }

  return async (request) => {
    const response = await answer(request);
    return response && request.method.toUpperCase() === 'HEAD' ? headOf(response) : response;
  };
}
