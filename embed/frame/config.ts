// The deployer's config.json, beside index.html: which parents may drive the frame, and where the
// vendor API lives. Read once at start; a bad file stops the frame with a message, never a guess.

export interface FrameConfig {
  /** Exact origins (`https://crm.example.com`, no path, no wildcard) allowed to drive the frame. */
  parentOrigins: string[];
  /** The REST contract's base URL (absolute, or a path on the frame's own origin). */
  apiBaseUrl: string;
}

/** `value` is an exact origin as `event.origin` reports it: scheme, host, port, nothing else. */
export function isExactOrigin(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

function isApiBaseUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  if (value.startsWith('/') && !value.startsWith('//')) return true;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Validates a parsed config.json; throws an Error that names the faulty field. */
export function parseFrameConfig(json: unknown): FrameConfig {
  if (typeof json !== 'object' || json === null) throw new Error('config.json: expected an object');
  const { parentOrigins, apiBaseUrl } = json as Record<string, unknown>;
  if (!Array.isArray(parentOrigins) || parentOrigins.length === 0) {
    throw new Error('config.json: parentOrigins must list at least one origin');
  }
  const bad = parentOrigins.find((o) => !isExactOrigin(o));
  if (bad !== undefined)
    throw new Error(`config.json: parentOrigins: ${JSON.stringify(bad)} is not an exact origin (scheme://host[:port])`);
  if (!isApiBaseUrl(apiBaseUrl)) throw new Error('config.json: apiBaseUrl must be an http(s) URL or a path starting with /');
  return { parentOrigins: [...(parentOrigins as string[])], apiBaseUrl };
}

export async function loadFrameConfig(url: URL, fetchFn: typeof fetch = fetch): Promise<FrameConfig> {
  // no-store: the deployer edits the file in place and expects the next load to obey it.
  const response = await fetchFn(url, { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseFrameConfig(await response.json());
}
