// Request fingerprints for the idempotency store: the canonical JSON of a request (object keys sorted,
// so key order does not matter), hashed, so a remembered key costs 64 characters whatever the body.
// Web APIs only (Web Crypto, TextEncoder): this runs in the browser under MSW as well as in Node.

/**
 * Deepest body the backend looks at. A registration request is 2 levels deep; anything past 32 is
 * refused as invalid-request before any recursive walk, so no body can overflow the stack.
 */
export const MAX_BODY_DEPTH = 32;

/** True when `value` nests deeper than `max` levels ({} is 1, [{}] is 2) or is cyclic. Iterative. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > max) return true;
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) pending.push({ value: child, depth });
  }
  return false;
}

/**
 * JSON with object keys sorted, so two equal bodies give one fingerprint whatever their key order.
 * Recursive: call it only on values `nestsDeeperThan` has cleared.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * SHA-256 of the text, in hex. Web Crypto's digest exists in Node and in every secure context (https,
 * localhost: wherever a service worker can run). On a plain-http page only the in-process core can
 * run, inside the caller's own page: there the text itself is kept, bounded by the store's cap.
 */
export async function fingerprintOf(text: string): Promise<string> {
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle as SubtleCrypto | undefined;
  if (subtle === undefined) return `text:${text}`;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `sha256:${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
