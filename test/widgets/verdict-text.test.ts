// The verdict line's words (widgets/i18n/hint-text.ts): the account basis named as the engine's
// hints tell it, so the line and the account's section never say two different things.
import { expect } from '@open-wc/testing';
import { SAMPLE_PROGRAM } from '../../mocks/core/sample-program.ts';
import type { EligibilityDecision } from '../../src/domain/eligibility.ts';
import { verdictText } from '../../widgets/i18n/hint-text.ts';

const decision = (hints: EligibilityDecision['hints']): EligibilityDecision => ({
  eligible: true,
  at: '2017-02-14',
  ruleSetId: null,
  basis: ['dormant-account'],
  hints,
});

describe('the verdict line', () => {
  it('names a new account and a dormant one as such, and both when the hints do not say which', () => {
    expect(verdictText(decision([{ code: 'qualifies-new-account' }]), SAMPLE_PROGRAM, 'en')).to.equal('new account');
    const dormant = decision([{ code: 'qualifies-dormant-account', lastOrderAt: '2014-08-14', months: 24 }]);
    expect(verdictText(dormant, SAMPLE_PROGRAM, 'en')).to.equal('dormant account');
    expect(verdictText(decision([]), SAMPLE_PROGRAM, 'en')).to.equal('new or dormant account');
  });
});
