// Corruptions of valid JSON payloads, as fast-check arbitraries: at random paths, delete a field,
// change its type, nest it, null it, or replace it with a huge string.
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = Array<string | number>;

export const CORRUPTION_KINDS = ['delete', 'retype', 'nest-object', 'nest-array', 'null', 'huge-string', 'junk'] as const;
export type CorruptionKind = (typeof CORRUPTION_KINDS)[number];

export interface Corruption {
  /** Picks the path among the document's paths at the time it is applied (modulo their count). */
  at: number;
  kind: CorruptionKind;
  /** For 'junk': any JSON value; for 'huge-string': its length. */
  junk: Json;
  size: number;
}

/** Every path of a JSON document, the root excluded, depth first. */
export function pathsOf(doc: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(doc)) {
    doc.forEach((item, i) => {
      out.push([...prefix, i]);
      pathsOf(item, [...prefix, i], out);
    });
  } else if (doc !== null && typeof doc === 'object') {
    for (const [key, value] of Object.entries(doc)) {
      out.push([...prefix, key]);
      pathsOf(value, [...prefix, key], out);
    }
  }
  return out;
}

/** A value of another JSON type than `value`. */
function retyped(value: Json): Json {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  if (value === null) return {};
  return [value];
}

function replaced(value: Json, c: Corruption): Json | undefined {
  switch (c.kind) {
    case 'delete':
      return undefined;
    case 'retype':
      return retyped(value);
    case 'nest-object':
      return { value };
    case 'nest-array':
      return [value];
    case 'null':
      return null;
    case 'huge-string':
      return '\u{1F4A5}<>"&'.repeat(Math.ceil(c.size / 6));
    case 'junk':
      return c.junk;
  }
}

/** Applies one corruption in place; returns the path it hit (empty when the document has none). */
export function corrupt(doc: Json, c: Corruption): Path {
  const paths = pathsOf(doc);
  const path = paths[c.at % Math.max(1, paths.length)];
  if (!path) return [];
  let parent: Json = doc;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key] as Json;
  const last = path[path.length - 1]!;
  const container = parent as Record<string | number, Json> & Json[];
  const next = replaced(container[last] as Json, c);
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete container[last];
  } else {
    container[last] = next;
  }
  return path;
}

export const jsonJunk: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;

export const corruptionArb: fc.Arbitrary<Corruption> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom(...CORRUPTION_KINDS),
  junk: jsonJunk,
  size: fc.integer({ min: 10_000, max: 1_000_000 }),
});

/** One to three corruptions applied in turn. */
export const corruptionsArb = fc.array(corruptionArb, { minLength: 1, maxLength: 3 });
