// Theme tokens from the parent: only `--dealreg-*` custom properties, and only values made of
// colours, lengths, numbers, font names and a few CSS functions. No url(), no escapes, no braces or
// semicolons: a parent (or whoever spoofs one) cannot load a resource or reach another property.
// Values are set one by one through the CSSOM (style.setProperty), never as CSS text.

const NAME = /^--dealreg-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VALUE_CHARS = /^[a-zA-Z0-9#.,%()'" +\-/*]*$/;
const FUNCTIONS = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color-mix',
  'calc',
  'min',
  'max',
  'clamp',
]);
const MAX_VALUE_LENGTH = 200;
const MAX_TOKENS = 64;

/** `value` is safe to set as a custom property's value. */
export function isSafeThemeValue(value: string): boolean {
  if (value.trim() === '' || value.length > MAX_VALUE_LENGTH || !VALUE_CHARS.test(value) || value.includes('/*')) return false;
  // Every function call must be an allowed one (this is what keeps url(), image-set(), attr() and env() out).
  for (const [, name] of value.matchAll(/([a-zA-Z-]*)\s*\(/g)) {
    if (!FUNCTIONS.has((name ?? '').toLowerCase())) return false;
  }
  return true;
}

/** The tokens that pass, as [name, value] pairs; the others are dropped without a word. */
export function sanitizeTheme(tokens: Record<string, string>): [string, string][] {
  return Object.entries(tokens)
    .filter(([name, value]) => NAME.test(name) && typeof value === 'string' && isSafeThemeValue(value))
    .slice(0, MAX_TOKENS);
}

/** Sets the sanitised tokens on `el`, replacing the ones a previous call set. */
export function applyTheme(el: HTMLElement, tokens: Record<string, string>, previous: readonly string[] = []): string[] {
  for (const name of previous) el.style.removeProperty(name);
  const applied: string[] = [];
  for (const [name, value] of sanitizeTheme(tokens)) {
    el.style.setProperty(name, value);
    if (el.style.getPropertyValue(name) !== '') applied.push(name);
  }
  return applied;
}
