// The boundary schemas' validator (src/schemas/check.ts): what it accepts, what it keeps, and where
// it says the first issue is.
import { expect } from '@open-wc/testing';
import * as v from '../../src/schemas/check.ts';

const Line = v.object({ family: v.pipe(v.string(), v.minLength(1)), quantity: v.pipe(v.number(), v.integer(), v.minValue(0)) });
const Deal = v.object({
  id: v.string(),
  note: v.optional(v.string()),
  cursor: v.nullable(v.string()),
  kind: v.picklist(['new', 'refresh'] as const),
  lines: v.array(Line),
});

function issue(run: () => unknown): v.SchemaIssue {
  try {
    run();
  } catch (error) {
    if (error instanceof v.SchemaIssue) return error;
    throw error;
  }
  throw new Error('no issue');
}

describe('the boundary validator', () => {
  it('keeps only the keys its schema names, and leaves out an optional key that is absent or undefined', () => {
    const out = Deal.run({ id: 'd', cursor: null, kind: 'new', lines: [{ family: 'x', quantity: 2, extra: 1 }], evil: 1 }, '');
    expect(out).to.deep.equal({ id: 'd', cursor: null, kind: 'new', lines: [{ family: 'x', quantity: 2 }] });
    expect(Object.keys(Deal.run({ id: 'd', note: undefined, cursor: 'c', kind: 'new', lines: [] }, ''))).to.not.include('note');
  });

  it('names the path of the first issue, through objects and arrays', () => {
    const base = { id: 'd', cursor: null, kind: 'new', lines: [{ family: 'x', quantity: 1 }] };
    expect(issue(() => Deal.run({ ...base, lines: [base.lines[0], { family: '', quantity: 1 }] }, '')).path).to.equal(
      'lines.1.family',
    );
    expect(issue(() => Deal.run({ ...base, lines: [{ family: 'x', quantity: 1.5 }] }, 'page')).path).to.equal(
      'page.lines.0.quantity',
    );
    expect(issue(() => Deal.run({ ...base, kind: 'other' }, '')).message).to.contain('"new" | "refresh"');
    expect(issue(() => Deal.run({ ...base, cursor: undefined }, '')).path).to.equal('cursor');
    expect(issue(() => Deal.run([], '')).message).to.contain('expected Object, received Array');
  });

  it('refuses NaN, infinities where finite is asked, and a failed check with its own message', () => {
    expect(issue(() => v.number().run(Number.NaN, '')).message).to.contain('expected number');
    expect(issue(() => v.pipe(v.number(), v.finite()).run(Infinity, 'x')).path).to.equal('x');
    const even = v.pipe(
      v.number(),
      v.check((n: number) => n % 2 === 0, 'odd'),
    );
    expect(issue(() => even.run(3, '')).message).to.equal('odd');
    expect(even.run(4, '')).to.equal(4);
  });
});
