// The core entry (`dealreg/core`, lib/core.ts) gives a host everything it needs to write or use an adapter.
import { expect } from '@open-wc/testing';
import * as dealreg from '../../lib/core.ts';
import * as mock from '../../lib/mock.ts';

describe('the public core entry', () => {
  it('exports the shipped adapters, the boundary parsers, the error model and the rules engine', () => {
    for (const name of [
      'createHttpAdapter',
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
    expect(dealreg.AccountOverviewSchema, 'the boundary schemas').to.be.an('object');
  });

  it('leaves the memory adapter and the sample program to the mock entry', () => {
    for (const name of ['createMemoryAdapter', 'SAMPLE_PROGRAM', 'SAMPLE_DEMO_CLOCK']) {
      expect(name in dealreg, name).to.equal(false);
    }
    expect(mock.createMemoryAdapter).to.be.a('function');
    expect(mock.SAMPLE_PROGRAM.ruleSets.length).to.be.greaterThan(0);
    expect(mock.SAMPLE_DEMO_CLOCK).to.equal('2017-02-14T09:00:00Z');
  });

  it('a parse failure from the entry is the same DealRegError class the widgets check', () => {
    expect(() => dealreg.parseQuoteRequest({ id: 1 })).to.throw(dealreg.DealRegError);
  });
});
