// The public core entry (src/index.ts) gives a host everything it needs to write or use an adapter.
import { expect } from '@open-wc/testing';
import * as dealreg from '../../src/index.ts';

describe('the public core entry', () => {
  it('exports the shipped adapters, the boundary parsers, the error model and the rules engine', () => {
    for (const name of [
      'createHttpAdapter',
      'createMemoryAdapter',
      'parseOverview',
      'parseOpportunityPage',
      'parseRegistration',
      'checkId',
      'checkCursor',
      'checkLimit',
      'standingOf',
      'summarizeInstalledBase',
      'parseQuoteRequest',
      'problemToError',
      'DealRegError',
      'toDealRegError',
      'evaluateEligibility',
      'protectionState',
    ] as const) {
      expect(dealreg[name], name).to.be.a('function');
    }
    expect(dealreg.REGISTRATION_STATUSES).to.include('approved');
    expect(dealreg.SAMPLE_PROGRAM.ruleSets.length).to.be.greaterThan(0);
  });

  it('a parse failure from the entry is the same DealRegError class the widgets check', () => {
    expect(() => dealreg.parseQuoteRequest({ id: 1 })).to.throw(dealreg.DealRegError);
  });
});
