// A message's key in the generated locale modules: FNV-1a 32 of its template's literal parts (joined
// by U+001E, as @lit/localize joins them), in base 36. The runtime computes it once per msg() call
// site; `npm run i18n` (scripts/i18n/catalogue.mjs, importing this module) writes the generated
// catalogues under the same keys and refuses two messages with one key. The catalogues themselves
// (widgets/locales/*.json) keep @lit/localize's 64-bit ids: this only keys the runtime lookup, where
// the 64-bit hash's code weighed on the entry's size budget, and 32 bits are plenty for a few hundred
// messages.
export function messageKey(strings: string | readonly string[]): string {
  const text = typeof strings === 'string' ? strings : strings.join('\x1e');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}
