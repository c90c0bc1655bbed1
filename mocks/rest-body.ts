// Request bodies as the REST router takes them: declared as JSON, read no further than the limit,
// parsed only then. Web APIs only: the same code runs under MSW in the browser and in Node.

export const TOO_LARGE = Symbol('too-large');
export const NOT_JSON = Symbol('not-json');

/** The declared Content-Length when there is a valid one; a chunked body has none. */
export function declaredLength(request: Request): number | null {
  const header = request.headers.get('Content-Length');
  return header !== null && /^\s*\d+\s*$/.test(header) ? Number(header) : null;
}

/** The body's declared media type, lower case and without parameters (null: none declared). */
export function mediaType(request: Request): string | null {
  const header = request.headers.get('Content-Type');
  return header === null ? null : header.split(';')[0]!.trim().toLowerCase();
}

/** The one media type the contract's bodies have (a charset or other parameter aside). */
export const isJsonType = (type: string | null): boolean => type === 'application/json';

/**
 * The body as text, read chunk by chunk and abandoned as soon as it passes `limit` bytes, so a
 * body without a declared length (chunked) costs at most the limit. `request.text()` would buffer it all.
 */
export async function readText(request: Request, limit: number): Promise<string | typeof TOO_LARGE> {
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
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}
