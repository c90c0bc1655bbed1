// The boundary validator (src/schemas/check.ts) against valibot 1.5, the library it replaced: on
// generated values (sparse arrays, NaN, -0, infinities, null prototypes, inherited keys, arrays where
// objects belong, dates as strings and as objects, …) check.ts accepts exactly what valibot accepts,
// and where both accept, both give the same output. Per combinator, for random compositions of them,
// and for the real contract schemas: records.ts, program.ts and problem.ts are loaded a second time
// with their `./check.ts` import pointed at valibot, so the reference runs the very same definitions.
//
// Where check.ts is stricter on purpose, the reference says so rather than the comparison looking away:
// - an object schema refuses an array (valibot's object takes any object, arrays included);
// - an optional key given as undefined is left out of the output (valibot keeps `key: undefined`):
//   outputs are compared with such keys removed.
// Not generated: nullable(optional(x)) as an object entry, which check.ts accepts for an absent key
// and valibot does not; no schema of the contract has it.
import assert from 'node:assert/strict';
import { registerHooks } from 'node:module';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import fc from 'fast-check';
import * as ours from '../../src/schemas/check.ts';
import { aPage, aQuote, aRegistration, anOverview } from '../adapters/fixtures.ts';

// valibot, with check.ts's deliberate strictness on arrays; the module the twins import as `./check.ts`.
const REFERENCE = `data:text/javascript,${encodeURIComponent(`
  import * as v from ${JSON.stringify(import.meta.resolve('valibot'))};
  export * from ${JSON.stringify(import.meta.resolve('valibot'))};
  export const object = (entries) => v.pipe(v.custom((input) => !Array.isArray(input)), v.object(entries));
  export class SchemaIssue {}
`)}`;
const TWIN = '?valibot-twin';
registerHooks({
  resolve(specifier, context, nextResolve) {
    const twin = context.parentURL?.endsWith(TWIN) === true;
    if (twin && specifier === './check.ts') return { url: REFERENCE, shortCircuit: true };
    const resolved = nextResolve(specifier, context);
    // Every module a twin imports is a twin too, so the schemas it builds on are valibot's as well.
    return twin && resolved.url.startsWith('file:') && resolved.url.endsWith('.ts')
      ? { ...resolved, url: `${resolved.url}${TWIN}` }
      : resolved;
  },
});
const reference = await import(REFERENCE);
const { safeParse } = await import('valibot');

const SCHEMA_MODULES = ['records.ts', 'program.ts', 'problem.ts'];
const contract = Object.assign({}, ...(await Promise.all(SCHEMA_MODULES.map((m) => import(`../../src/schemas/${m}`)))));
const twins = Object.assign({}, ...(await Promise.all(SCHEMA_MODULES.map((m) => import(`../../src/schemas/${m}${TWIN}`)))));

/** check.ts's verdict: its output, or refused with a SchemaIssue (anything else thrown is a bug). */
function ourVerdict(schema, input) {
  try {
    return { accepted: true, output: schema.run(input, '') };
  } catch (error) {
    if (error instanceof ours.SchemaIssue) return { accepted: false };
    throw error;
  }
}

function referenceVerdict(schema, input) {
  const result = safeParse(schema, input);
  return result.success ? { accepted: true, output: result.output } : { accepted: false, issue: result.issues[0].message };
}

/** An output with its objects' undefined-valued keys removed; arrays keep their holes (map skips them). */
function withoutUndefinedKeys(value) {
  if (Array.isArray(value)) return value.map(withoutUndefinedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefinedKeys(v)]),
  );
}

const show = (value) => inspect(value, { depth: 8, showHidden: false, breakLength: Infinity });

function agree(ourSchema, referenceSchema, input, what) {
  const mine = ourVerdict(ourSchema, input);
  const theirs = referenceVerdict(referenceSchema, input);
  assert.equal(
    mine.accepted,
    theirs.accepted,
    `${what}: check.ts ${mine.accepted ? 'accepts' : 'refuses'} and valibot ${theirs.accepted ? 'accepts' : `refuses (${theirs.issue})`} ${show(input)}`,
  );
  if (mine.accepted) {
    assert.deepStrictEqual(
      withoutUndefinedKeys(mine.output),
      withoutUndefinedKeys(theirs.output),
      `${what}: outputs of ${show(input)}`,
    );
  }
}

// Schemas as data ({ kind: 'array', of: { kind: 'string' } }, …), built once with check.ts and once
// with the reference: the two share their API.
function build(lib, d) {
  switch (d.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return lib[d.kind]();
    case 'picklist':
      return lib.picklist(d.options);
    case 'optional':
    case 'nullable':
    case 'array':
      return lib[d.kind](build(lib, d.of));
    case 'object':
      return lib.object(Object.fromEntries(d.entries.map(([key, entry]) => [key, build(lib, entry)])));
    case 'pipe':
      return lib.pipe(build(lib, d.base), ...d.checks.map(({ name, args }) => lib[name](...args)));
  }
  throw new Error(`no such kind ${d.kind}`);
}

const describeSchema = (d) =>
  d.kind === 'object'
    ? `{${d.entries.map(([k, e]) => `${k}: ${describeSchema(e)}`).join(', ')}}`
    : d.kind === 'pipe'
      ? `pipe(${describeSchema(d.base)}, ${d.checks.map((c) => c.name).join(', ')})`
      : d.of
        ? `${d.kind}(${describeSchema(d.of)})`
        : d.kind === 'picklist'
          ? `picklist(${d.options.join('|')})`
          : d.kind;

// Keys an object schema may name: ordinary ones, and names every object inherits or arrays have.
// Not `__proto__`: valibot's object cannot take an entry of that name.
const KEY = fc.constantFrom('id', 'note', 'lines', 'status', 'a', 'b', 'toString', 'constructor', 'length', '0');
const OPTIONS = fc.uniqueArray(fc.constantFrom('new', 'refresh', 'approved', '', '0', 'constructor'), {
  minLength: 1,
  maxLength: 3,
});
const even = (n) => n % 2 === 0;
const trimmed = (s) => s.trim() === s;
const STRING_CHECK = fc.oneof(
  fc.integer({ min: 0, max: 3 }).map((n) => ({ name: 'minLength', args: [n] })),
  fc.constant({ name: 'regex', args: [/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date'] }),
  fc.constant({ name: 'regex', args: [/^[A-Z]{3}$/, 'expected a currency'] }),
  fc.constant({ name: 'check', args: [trimmed, 'expected no outer spaces'] }),
);
const BOUND = fc.constantFrom(-1, 0, 0.5, 100, -0);
const NUMBER_CHECK = fc.oneof(
  fc.constant({ name: 'finite', args: [] }),
  fc.constant({ name: 'integer', args: [] }),
  BOUND.map((n) => ({ name: 'minValue', args: [n] })),
  BOUND.map((n) => ({ name: 'maxValue', args: [n] })),
  fc.constant({ name: 'check', args: [even, 'expected an even number'] }),
);
const checks = (check) => fc.array(check, { minLength: 1, maxLength: 3 });

const leaves = {
  string: fc.constant({ kind: 'string' }),
  number: fc.constant({ kind: 'number' }),
  boolean: fc.constant({ kind: 'boolean' }),
  picklist: OPTIONS.map((options) => ({ kind: 'picklist', options })),
  'pipe of a string': checks(STRING_CHECK).map((c) => ({ kind: 'pipe', base: { kind: 'string' }, checks: c })),
  'pipe of a number': checks(NUMBER_CHECK).map((c) => ({ kind: 'pipe', base: { kind: 'number' }, checks: c })),
};

// `schema` never is optional at its root, so nullable() never wraps an optional (see above); an
// object's entry or an array's item may be.
const { schema, entry } = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    ...Object.values(leaves),
    tie('schema').map((of) => ({ kind: 'nullable', of })),
    tie('entry').map((of) => ({ kind: 'array', of })),
    fc
      .uniqueArray(fc.tuple(KEY, tie('entry')), { maxLength: 4, selector: ([key]) => key })
      .map((entries) => ({ kind: 'object', entries })),
  ),
  entry: fc.oneof(
    tie('schema'),
    tie('schema').map((of) => ({ kind: 'optional', of })),
  ),
}));

// Values: the awkward ones, anything at all, and values shaped like a description's own.
const EDGE = fc.constantFrom(
  undefined,
  null,
  Number.NaN,
  -0,
  0,
  1.5,
  Infinity,
  -Infinity,
  2 ** 53,
  '',
  ' x ',
  'new',
  '2017-02-14',
  '2017-02-14T09:00:00.000Z',
  '2017-13-01',
  'EUR',
  true,
  false,
);
const FRESH_EDGE = fc.constantFrom(
  () => [],
  () => ({}),
  () => Object.create(null),
  () => new Date(0),
  () => new String('new'),
  () => new Number(1),
  () => new Array(2), // two holes
  () => new Map([['id', 'x']]),
);
const edge = fc.oneof(
  EDGE,
  FRESH_EDGE.map((make) => make()),
);
const anything = fc.anything({
  maxDepth: 3,
  withNullPrototype: true,
  withSparseArray: true,
  withDate: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
});
const dateString = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 10), d.toUTCString()));

/** An array carrying `fields` (but its own length): an object schema refuses it. */
const asArray = (fields) => Object.assign([], Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'length')));

/** An object with `fields` as own keys, in one of the shapes an input may take. */
const objectShapes = (fields) =>
  fc.oneof(
    fc.constant(fields),
    fc.constant(Object.assign(Object.create(null), fields)),
    // The fields inherited, not own.
    fc.constant(Object.create(fields)),
    fc.constant(asArray(fields)),
  );

function valueFor(d) {
  const shaped = (() => {
    switch (d.kind) {
      case 'string':
        return fc.oneof(fc.string({ maxLength: 6 }), dateString, fc.constantFrom('EUR', 'eur', 'new', ' a'));
      case 'number':
        return fc.oneof(
          fc.double(),
          fc.integer({ min: -3, max: 120 }),
          fc.constantFrom(0.5, -0.5, 100.5, Number.NaN, -0, Infinity, -Infinity),
        );
      case 'boolean':
        return fc.boolean();
      case 'picklist':
        return fc.oneof(fc.constantFrom(...d.options), fc.string({ maxLength: 3 }));
      case 'optional':
      case 'nullable':
        return fc.oneof(fc.constantFrom(undefined, null), valueFor(d.of));
      case 'array':
        return fc.oneof(
          fc.array(valueFor(d.of), { maxLength: 4 }),
          fc.sparseArray(valueFor(d.of), { maxLength: 4, noTrailingHole: false }),
        );
      case 'object': {
        const model = Object.fromEntries(d.entries.map(([key, e]) => [key, valueFor(e)]));
        const extra = fc.dictionary(fc.constantFrom('extra', '__proto__', 'id', 'constructor'), anything, { maxKeys: 2 });
        return fc
          .tuple(fc.record(model, { requiredKeys: [] }), extra)
          .chain(([fields, more]) => objectShapes({ ...more, ...fields }));
      }
      case 'pipe':
        return valueFor(d.base);
    }
    throw new Error(`no such kind ${d.kind}`);
  })();
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: edge });
}

const withValue = (descriptions) =>
  descriptions.chain((d) => fc.tuple(fc.constant(d), fc.oneof({ weight: 4, arbitrary: valueFor(d) }, anything)));

function differential(descriptions, runs = 400) {
  fc.assert(
    fc.property(withValue(descriptions), ([d, input]) => {
      agree(build(ours, d), build(reference, d), input, describeSchema(d));
    }),
    { numRuns: runs },
  );
}

describe('check.ts accepts exactly what valibot 1.5 accepts, with the same output', () => {
  for (const [name, descriptions] of Object.entries(leaves)) {
    it(name, () => differential(descriptions));
  }

  it('optional', () => differential(schema.map((of) => ({ kind: 'optional', of }))));
  it('nullable', () => differential(schema.map((of) => ({ kind: 'nullable', of }))));
  it('array (of items that may be optional)', () => differential(entry.map((of) => ({ kind: 'array', of }))));
  it('object', () =>
    differential(
      fc
        .uniqueArray(fc.tuple(KEY, entry), { minLength: 1, maxLength: 4, selector: ([key]) => key })
        .map((entries) => ({ kind: 'object', entries })),
    ));
  it('any composition of them', () => differential(schema, 1500));
});

/** A copy of `seed` with one to three things changed where a server could change them. */
function mutated(seed) {
  const paths = [];
  const walk = (value, path) => {
    paths.push(path);
    if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) walk(value[key], [...path, key]);
  };
  walk(seed, []);
  const change = fc.record({
    at: fc.constantFrom(...paths),
    how: fc.constantFrom('replace', 'delete', 'hole', 'null prototype', 'as array', 'extra key'),
    value: fc.oneof(edge, anything, dateString),
  });
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => {
    let root = structuredClone(seed);
    for (const { at, how, value } of changes) {
      const parent = at.slice(0, -1).reduce((node, key) => node?.[key], root);
      const key = at.at(-1);
      const target = at.length === 0 ? root : parent?.[key];
      const put = (next) => (at.length === 0 ? (root = next) : (parent[key] = next));
      if (at.length > 0 && (typeof parent !== 'object' || parent === null)) continue; // replaced earlier
      if (how === 'replace') put(value);
      else if (how === 'delete' && at.length > 0) delete parent[key];
      else if (typeof target !== 'object' || target === null) put(value);
      else if (how === 'hole' && Array.isArray(target)) delete target[0];
      else if (how === 'null prototype' && !Array.isArray(target)) put(Object.assign(Object.create(null), target));
      else if (how === 'as array' && !Array.isArray(target)) put(asArray(target));
      else target.extra = value;
    }
    return root;
  });
}

const problem = { type: 'about:blank', title: 'Not found', status: 404, code: 'not-found', detail: 'no such account' };
const seeds = {
  AccountOverviewSchema: anOverview,
  OpportunityPageSchema: aPage,
  RegistrationSchema: aRegistration,
  QuoteRequestSchema: aQuote,
  ProgramDefinitionSchema: () => anOverview().program,
  ProblemSchema: () => problem,
};

describe('the contract schemas agree with the same definitions run by valibot', () => {
  it('loaded every schema twice, once on valibot', () => {
    const names = Object.keys(contract).filter((name) => name.endsWith('Schema'));
    assert.ok(names.length >= 15, names.join(', '));
    for (const name of names) {
      assert.equal(typeof contract[name].run, 'function', `${name} is check.ts's`);
      assert.equal(twins[name]['~standard']?.vendor, 'valibot', `${name}'s twin is valibot's`);
    }
  });

  for (const [name, seed] of Object.entries(seeds)) {
    it(`${name}: its fixture, and the fixture changed at random`, () => {
      agree(contract[name], twins[name], seed(), name);
      assert.equal(ourVerdict(contract[name], seed()).accepted, true, `${name} accepts its fixture`);
      fc.assert(
        fc.property(mutated(seed()), (input) => agree(contract[name], twins[name], input, name)),
        { numRuns: 300 },
      );
    });
  }

  it('every other schema of the contract, on anything at all', () => {
    const others = Object.keys(contract).filter((name) => name.endsWith('Schema') && !(name in seeds));
    fc.assert(
      fc.property(fc.constantFrom(...others), fc.oneof(anything, edge), (name, input) =>
        agree(contract[name], twins[name], input, name),
      ),
      { numRuns: 500 },
    );
  });
});

describe('keep: a valid input read as it was handed over', () => {
  const line = ours.object({ sku: ours.string(), family: ours.optional(ours.string()) }, { keep: true });
  const deal = ours.object({ id: ours.string(), lines: ours.array(line, { keep: true }) }, { keep: true });
  const plain = ours.object({
    id: ours.string(),
    lines: ours.array(ours.object({ sku: ours.string(), family: ours.optional(ours.string()) })),
  });

  it('is the input itself when valid and holding only the keys the schema names, and equal to the copy without it', () => {
    const input = { id: 'd1', lines: [{ sku: 'A' }, { sku: 'B', family: 'f' }] };
    const kept = deal.run(input, '');
    assert.equal(kept, input);
    assert.equal(kept.lines, input.lines);
    assert.deepEqual(kept, plain.run(input, ''));
  });

  it('is a copy, as without it, when the input holds a key the schema does not name (at any depth)', () => {
    for (const input of [
      { id: 'd1', lines: [{ sku: 'A' }], extra: 1 },
      { id: 'd1', lines: [{ sku: 'A', extra: 1 }] },
    ]) {
      const kept = deal.run(input, '');
      assert.notEqual(kept, input);
      assert.deepEqual(kept, plain.run(input, ''));
    }
  });

  it('fails where and as it fails without it', () => {
    for (const input of [
      { id: 1, lines: [] },
      { id: 'd1', lines: [{ sku: 'A' }, { sku: 2 }] },
      { id: 'd1', lines: {} },
    ]) {
      const issue = (schema) => {
        try {
          schema.run(input, 'deal');
        } catch (error) {
          return { path: error.path, message: error.message };
        }
        return undefined;
      };
      assert.ok(issue(plain), 'the input is invalid');
      assert.deepEqual(issue(deal), issue(plain));
    }
  });
});
