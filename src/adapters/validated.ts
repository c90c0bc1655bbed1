// Which adapter methods validate their own answers. The elements check every other answer against
// the contract's schemas; a shipped adapter's method already parsed its body (a fresh object nobody
// else has seen), so checking it again would only double the cost (≈10 ms for a large account).
// Trust goes with the function, not the adapter object: a copy that replaces one method
// (`{ ...adapter, getAccountOverview: mine }`) keeps it for the others and loses it for that one.

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any method, whatever its signature
const validating = new WeakSet<Function>();

/** Marks every method of a shipped adapter as one that resolves only with a parsed value. */
export function markValidating<A extends object>(adapter: A): A {
  for (const value of Object.values(adapter)) if (typeof value === 'function') validating.add(value);
  return adapter;
}

/** Whether `method` is a shipped adapter's (its answers are parsed already). */
export function validatesItself(method: unknown): boolean {
  return typeof method === 'function' && validating.has(method);
}
