// Ids the backend mints at run time (registrations, quote requests). They come from the platform's
// CSPRNG, so no partner can predict another's next id. The seeded source in scenarios.ts only
// builds the demo store, which must stay reproducible.

/** `prefix-` and 128 random bits in hex, never one `taken` already. getRandomValues needs no secure context. */
export function randomId(prefix: string, taken: (id: string) => boolean): string {
  for (;;) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
    const id = `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    if (!taken(id)) return id;
  }
}
