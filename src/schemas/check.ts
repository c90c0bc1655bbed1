// The boundary schemas' building blocks: a small validator in the manner of valibot (objects,
// arrays, picklists, pipes of checks), written here because the elements validate every adapter
// answer and the default entry has a size budget, of which valibot took a large share for the
// seventeen functions these schemas use (docs/benchmark.md). Parsing stops at the first issue and throws it with its
// path (`opportunities.3.lines`); an object's output holds only the keys its schema names.

/** The first thing wrong with an input: where (a dot path, '' for the root) and what. */
export class SchemaIssue {
  readonly path: string;
  readonly message: string;
  /** A message that names its own path: said again from each enclosing value's path. */
  readonly describe: ((path: string) => string) | undefined;
  // Plain fields, no parameter properties: Node runs this file with type stripping (test/node).
  constructor(path: string, message: string, describe?: (path: string) => string) {
    this.path = path;
    this.message = message;
    this.describe = describe;
  }
}

export interface Schema<T> {
  /** The parsed value, or throws a SchemaIssue. `path` is where `input` sits in the whole. */
  readonly run: (input: unknown, path: string) => T;
}

/** A schema whose key an object may leave out (or set to undefined). */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
  /** Types only: what the key holds when present. */
  readonly present?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;
/** valibot's name for it, kept so the schemas read the same. */
export type InferOutput<S> = Infer<S>;

type Entries = Record<string, Schema<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ObjectOutput<E extends Entries> = Simplify<
  { [K in keyof E as E[K] extends OptionalSchema<unknown> ? never : K]: Infer<E[K]> } & {
    [K in keyof E as E[K] extends OptionalSchema<unknown> ? K : never]?: E[K] extends { present?: infer T } ? T : never;
  }
>;

const fail = (path: string, message: string): never => {
  throw new SchemaIssue(path, message);
};

const received = (input: unknown): string =>
  input === null ? 'null' : Array.isArray(input) ? 'Array' : typeof input === 'string' ? JSON.stringify(input) : typeof input;

function type<T>(expected: string, test: (input: unknown) => boolean): Schema<T> {
  return {
    run: (input, path) => (test(input) ? (input as T) : fail(path, `expected ${expected}, received ${received(input)}`)),
  };
}

export const string = (): Schema<string> => type('string', (input) => typeof input === 'string');
/** A number, NaN excepted (as JSON can send none). */
export const number = (): Schema<number> => type('number', (input) => typeof input === 'number' && input === input);
export const boolean = (): Schema<boolean> => type('boolean', (input) => typeof input === 'boolean');

export function picklist<const O extends readonly string[]>(options: O): Schema<O[number]> {
  return type(options.map((o) => `"${o}"`).join(' | '), (input) => options.includes(input as string));
}

export function optional<T>(schema: Schema<T>): OptionalSchema<T> {
  return { optional: true, run: (input, path) => (input === undefined ? undefined : schema.run(input, path)) };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return { run: (input, path) => (input === null ? null : schema.run(input, path)) };
}

/**
 * An issue found inside a value, said from where the value sits: its key put before the issue's own
 * path. Children run with the path '' and the path is only built when an issue is thrown, so a
 * valid input (nearly every one) costs no string building at all.
 */
function under(path: string, key: string | number, error: unknown): never {
  if (!(error instanceof SchemaIssue)) throw error;
  const inner = error.path === '' ? `${key}` : `${key}.${error.path}`;
  const full = path ? `${path}.${inner}` : inner;
  throw new SchemaIssue(full, error.describe ? error.describe(full) : error.message, error.describe);
}

/** `keep`: the input array itself when no item changed (see object()). */
export function array<T>(item: Schema<T>, { keep = false }: { keep?: boolean } = {}): Schema<T[]> {
  return {
    run: (input, path) => {
      if (!Array.isArray(input)) return fail(path, `expected Array, received ${received(input)}`);
      // An index loop, not map: map skips a sparse array's holes, which must fail as undefined items.
      // With `keep`, nothing is allocated until an item comes out changed.
      let output: T[] | undefined = keep ? undefined : new Array<T>(input.length);
      let at = 0;
      try {
        for (; at < input.length; at++) {
          const value: unknown = input[at];
          const parsed = item.run(value, '');
          if (output) output[at] = parsed;
          else if (parsed !== value) {
            output = input.slice(0, at) as T[];
            output[at] = parsed;
          }
        }
      } catch (error) {
        return under(path, at, error);
      }
      return output ?? (input as T[]);
    },
  };
}

/**
 * `keep`: the input itself is the output when the schema changes nothing in it and it holds no key
 * the schema does not name (else a copy, as without it), so reading allocates nothing. For data read
 * many times over that its owner hands over and does not change (the host's CRM records), never for
 * an adapter's answers.
 */
export function object<E extends Entries>(entries: E, { keep = false }: { keep?: boolean } = {}): Schema<ObjectOutput<E>> {
  const names = Object.keys(entries);
  const schemas = Object.values(entries);
  const copy = (source: Record<string, unknown>, path: string): ObjectOutput<E> => {
    const output: Record<string, unknown> = {};
    let i = 0;
    try {
      for (; i < names.length; i++) {
        const value = schemas[i]!.run(source[names[i]!], '');
        if (value !== undefined) output[names[i]!] = value;
      }
    } catch (error) {
      under(path, names[i]!, error);
    }
    return output as ObjectOutput<E>;
  };
  return {
    run: (input, path) => {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        fail(path, `expected Object, received ${received(input)}`);
      }
      const source = input as Record<string, unknown>;
      if (!keep) return copy(source, path);
      let unchanged = true;
      let present = 0;
      let i = 0;
      try {
        for (; i < names.length; i++) {
          const raw = source[names[i]!];
          if (raw !== undefined) present++;
          if (schemas[i]!.run(raw, '') !== raw) unchanged = false;
        }
      } catch (error) {
        under(path, names[i]!, error);
      }
      // Object.keys: the own enumerable string keys, which a copy would read.
      return unchanged && Object.keys(source).length === present ? (source as ObjectOutput<E>) : copy(source, path);
    },
  };
}

/** A check on a parsed value: the message when it fails, nothing when it holds. */
export type Check<T> = (value: T) => string | undefined;

/** `schema`, then each check in turn; the first that fails is the issue, at the same path. */
export function pipe<T>(schema: Schema<T>, ...checks: Check<T>[]): Schema<T> {
  return {
    run: (input, path) => {
      const value = schema.run(input, path);
      for (let i = 0; i < checks.length; i++) {
        const message = checks[i]!(value);
        if (message !== undefined) fail(path, message);
      }
      return value;
    },
  };
}

export const check =
  <T>(holds: (value: T) => boolean, message: string): Check<T> =>
  (value) =>
    holds(value) ? undefined : message;

export const regex = (pattern: RegExp, message: string): Check<string> => check((s) => pattern.test(s), message);
export const minLength = (n: number): Check<string> => check((s) => s.length >= n, `expected at least ${n} characters`);
export const finite = (): Check<number> => check(Number.isFinite, 'expected a finite number');
export const integer = (): Check<number> => check(Number.isInteger, 'expected an integer');
export const minValue = (n: number): Check<number> => check((x) => x >= n, `expected >= ${n}`);
export const maxValue = (n: number): Check<number> => check((x) => x <= n, `expected <= ${n}`);
