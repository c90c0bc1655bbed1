// The boundary promise: a body that breaks the contract becomes `invalid-response` with a path, never a crash.
import { expect } from '@open-wc/testing';
import { parseOpportunityPage, parseOverview, parseQuoteRequest, parseRegistration } from '../../src/schemas/parse.ts';
import { problemToError } from '../../src/schemas/problem.ts';
import { DealRegError } from '../../src/errors.ts';
import { aPage, aQuote, aRegistration, anOverview, withAt } from './fixtures.ts';

function invalid(run: () => unknown): DealRegError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(DealRegError);
    expect((error as DealRegError).code).to.equal('invalid-response');
    return error as DealRegError;
  }
  throw new Error('expected invalid-response, but the body was accepted');
}

describe('boundary schemas', () => {
  it('a well-formed overview, registration and quote are accepted as they are', () => {
    const overview = anOverview();
    expect(parseOverview(overview)).to.deep.equal(overview);
    expect(parseRegistration(aRegistration())).to.deep.equal(aRegistration());
    expect(parseQuoteRequest(aQuote())).to.deep.equal(aQuote());
  });

  it('unknown extra fields are tolerated (forward compatible) and not passed on', () => {
    const body = withAt(anOverview(), 'someFutureField', { nested: true });
    const parsed = parseOverview(body) as unknown as Record<string, unknown>;
    expect(parsed).not.to.have.property('someFutureField');
    expect(parseRegistration({ ...aRegistration(), newFlag: 1 }).id).to.equal('reg-1');
  });

  const malformed: Array<[string, string, unknown]> = [
    ['opportunities is a string', 'opportunities', 'none'],
    ['an amount is missing', 'opportunities.0.amount', undefined],
    ['a close date is a number', 'opportunities.0.closeDate', 20170530],
    ['a registration status is not a known status', 'registrations.0.status', 'pending-review'],
    ['a quantity is nested where a scalar is expected', 'installedBase.refreshCandidates.0.quantity', { value: 4 }],
    ['a family holds a negative number of units', 'installedBase.families.0.units', -4],
    ['the installed base is not a summary', 'installedBase', 'unavailable'],
    ['a state is missing from the counts', 'opportunityCounts.byState.approved', undefined],
    ['the cursor is a number', 'nextCursor', 42],
    ['the cursor is empty', 'nextCursor', ''],
    ['the partner is missing', 'partner', undefined],
    ['asOf is not a date-time', 'asOf', '14/02/2017'],
    ['a protection end date is a date-time instead of a date', 'registrations.0.protectedUntil', '2017-04-10T00:00'],
    ['a rule set basis is unknown', 'program.ruleSets.0.bases', ['friendship']],
    ['the order facts are null', 'orders', null],
  ];
  for (const [what, path, value] of malformed) {
    it(`an overview where ${what} is invalid-response at ${path}`, () => {
      const error = invalid(() => parseOverview(withAt(anOverview(), path, value)));
      expect(error.path).to.equal(path.startsWith('program.ruleSets.0.bases') ? 'program.ruleSets.0.bases.0' : path);
      expect(error.message).to.contain(error.path!);
    });
  }

  it('counts per state that do not add up to the total are invalid-response: a summary line must add up', () => {
    const error = invalid(() => parseOverview(withAt(anOverview(), 'opportunityCounts.total', 2)));
    expect(error.message).to.contain('do not add up');
  });

  it('a page is accepted as it is, and a malformed one is invalid-response with its path', () => {
    expect(parseOpportunityPage(aPage())).to.deep.equal(aPage());
    expect(parseOpportunityPage({ ...aPage(), nextCursor: 'abc.def' }).nextCursor).to.equal('abc.def');
    expect(invalid(() => parseOpportunityPage(withAt(aPage(), 'opportunities.0.closeDate', 20170615))).path).to.equal(
      'opportunities.0.closeDate',
    );
    expect(invalid(() => parseOpportunityPage(withAt(aPage(), 'nextCursor', undefined))).path).to.equal('nextCursor');
    for (const body of [null, [], anOverview().installedBase]) invalid(() => parseOpportunityPage(body));
  });

  it('a sparse array (a hole where an item should be) is invalid-response at the hole, as valibot had it', () => {
    const opportunities = [...aPage().opportunities];
    opportunities.length += 1; // a hole after the last item: a third-party adapter's array, not JSON
    const hole = opportunities.length - 1;
    expect(invalid(() => parseOpportunityPage({ ...aPage(), opportunities })).path).to.equal(`opportunities.${hole}`);
  });

  it('null, an array or a string instead of an overview is invalid-response', () => {
    for (const body of [null, [], 'overview', 42]) invalid(() => parseOverview(body));
  });

  it('a quote with a discount above 100 % or a lowercase currency is invalid-response', () => {
    expect(invalid(() => parseQuoteRequest(aQuote({ discountPercent: 140 }))).path).to.equal('discountPercent');
    expect(invalid(() => parseQuoteRequest(aQuote({ currency: 'eur' }))).path).to.equal('currency');
  });

  it('a problem with a known code keeps it; an unknown code falls back on the status', () => {
    const known = problemToError({ type: 'about:blank', title: 'Conflict', status: 409, code: 'quote-already-open' }, 409);
    expect([known.code, known.status, known.retryable]).to.deep.equal(['quote-already-open', 409, false]);
    const cases: Array<[number, string]> = [
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not-found'],
      [429, 'rate-limited'],
      [503, 'service-unavailable'],
      [502, 'service-unavailable'],
      [400, 'bad-request'],
    ];
    for (const [status, code] of cases) {
      const error = problemToError({ type: 'about:blank', title: 't', status, code: 'vendor-specific-thing' }, status);
      expect(error.code, String(status)).to.equal(code);
    }
    expect(problemToError(undefined, 503).retryable).to.equal(true);
  });
});
