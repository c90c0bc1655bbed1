import { expect } from '@open-wc/testing';
import { rowActions, type RowActionFacts } from '../../src/program/crm-row-actions.ts';
import { standingOf } from '../../src/program/opportunity-state.ts';
import type { ProtectionTerms } from '../../src/domain/program.ts';
import { TERMS, approved, quote } from './fixtures.ts';

const AT = '2017-02-14';

/** The facts of a row holding a protection through `until`, as the engine stands it. */
function held(until: string, extensionsUsed = 0, terms: ProtectionTerms = TERMS): RowActionFacts {
  const { state, protection } = standingOf({ protectedByAnotherPartner: false }, approved(until, extensionsUsed), AT, terms);
  return { registrable: false, closedInCrm: false, state, protection, quote: undefined, at: AT };
}

describe('one brand action per row', () => {
  it('expiring and extendable: Extend, the quote beside it', () => {
    expect(rowActions(held('2017-02-20'))).to.deep.equal({ primary: 'extend', secondary: ['request-quote'] });
  });

  it('expiring with the extension used: the quote alone', () => {
    expect(rowActions(held('2017-02-20', 1))).to.deep.equal({ primary: 'request-quote', secondary: [] });
  });

  it('protected: the quote, unless one is open; a declined or lapsed one can be asked again', () => {
    const facts = held('2017-04-01');
    expect(rowActions(facts)).to.deep.equal({ primary: 'request-quote', secondary: [] });
    expect(rowActions({ ...facts, quote: quote({ status: 'submitted' }) })).to.deep.equal({ primary: null, secondary: [] });
    expect(rowActions({ ...facts, quote: quote({ status: 'declined' }) }).primary).to.equal('request-quote');
    expect(rowActions({ ...facts, quote: quote({ status: 'quoted', validUntil: '2017-02-13' }) }).primary).to.equal(
      'request-quote',
    );
  });

  it('an extension window that opens before "expiring soon": the quote first, Extend beside it', () => {
    const facts = held('2017-03-10', 0, { ...TERMS, extensionWindowDays: 30 });
    expect(facts.state).to.equal('approved');
    expect(rowActions(facts)).to.deep.equal({ primary: 'request-quote', secondary: ['extend'] });
  });

  it('registrable: Register alone; closed in the CRM: nothing, even with a protection', () => {
    const free = { ...held('2017-02-20'), state: 'not-registered' as const, protection: undefined };
    expect(rowActions({ ...free, registrable: true })).to.deep.equal({ primary: 'register', secondary: [] });
    expect(rowActions({ ...held('2017-02-20'), closedInCrm: true })).to.deep.equal({ primary: null, secondary: [] });
  });
});
