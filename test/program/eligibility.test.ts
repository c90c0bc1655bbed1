import { expect } from '@open-wc/testing';
import type { QualifyingBasis } from '../../src/domain/status.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import { evaluateEligibility, type EligibilityHintCode, type EligibilityInput } from '../../src/program/eligibility.ts';
import { ruleSetInForce, upcomingRuleSets } from '../../src/program/rule-set.ts';
import { CLASSIC, EXTENSION, LAUNCH, PROGRAM, SYNERGY, input, orders } from './fixtures.ts';

interface Case {
  promise: string;
  input: EligibilityInput;
  eligible: boolean;
  ruleSetId: string | null;
  basis: QualifyingBasis[];
  hints: EligibilityHintCode[];
}

const MISSING_UNDER_EXTENSION: EligibilityHintCode[] = [
  'add-latest-generation-line',
  'account-not-dormant',
  'not-installed-base',
];

const BOUNDARIES: Case[] = [
  {
    promise: 'an account with no order for exactly 24 months is dormant and qualifies',
    input: input('2017-02-14', [CLASSIC], orders('2015-02-14')),
    eligible: true,
    ruleSetId: EXTENSION.id,
    basis: ['dormant-account'],
    hints: ['qualifies-dormant-account'],
  },
  {
    promise: 'an account whose last order is one day short of 24 months is not dormant',
    input: input('2017-02-14', [CLASSIC], orders('2015-02-15')),
    eligible: false,
    ruleSetId: EXTENSION.id,
    basis: [],
    hints: MISSING_UNDER_EXTENSION,
  },
  {
    promise: 'an account that never ordered infrastructure qualifies as a new account',
    input: input('2016-10-01', [CLASSIC], orders(null)),
    eligible: true,
    ruleSetId: LAUNCH.id,
    basis: ['dormant-account'],
    hints: ['qualifies-new-account'],
  },
  {
    promise: 'on 2016-08-31, the day before launch, nothing is eligible and the launch date is announced',
    input: input('2016-08-31', [SYNERGY], orders('2016-01-01')),
    eligible: false,
    ruleSetId: null,
    basis: [],
    hints: ['program-not-started', 'eligible-from-rule-set'],
  },
  {
    promise: 'on 2016-09-01, the launch day, the launch rules are in force',
    input: input('2016-09-01', [SYNERGY], orders('2016-01-01')),
    eligible: true,
    ruleSetId: LAUNCH.id,
    basis: ['latest-generation'],
    hints: ['qualifies-latest-generation'],
  },
  {
    promise: 'on 2017-01-31 your own installed base does not qualify yet, and the extension is announced',
    input: input('2017-01-31', [CLASSIC], orders('2016-09-10', '2016-09-10')),
    eligible: false,
    ruleSetId: LAUNCH.id,
    basis: [],
    hints: ['add-latest-generation-line', 'account-not-dormant', 'eligible-from-rule-set'],
  },
  {
    promise: 'on 2017-02-01 your own installed base qualifies under the extension',
    input: input('2017-02-01', [CLASSIC], orders('2016-09-10', '2016-09-10')),
    eligible: true,
    ruleSetId: EXTENSION.id,
    basis: ['installed-base'],
    hints: ['qualifies-installed-base'],
  },
  {
    promise: 'a submission late on 31 January in a western time zone is already 1 February in UTC',
    input: input('2017-01-31T23:30:00-02:00', [CLASSIC], orders('2016-09-10', '2016-09-10')),
    eligible: true,
    ruleSetId: EXTENSION.id,
    basis: ['installed-base'],
    hints: ['qualifies-installed-base'],
  },
  {
    promise: 'an account where you sold infrastructure 5 months ago is your installed base',
    input: input('2017-02-14', [CLASSIC], orders('2016-09-14', '2016-09-14')),
    eligible: true,
    ruleSetId: EXTENSION.id,
    basis: ['installed-base'],
    hints: ['qualifies-installed-base'],
  },
  {
    promise: 'an account where another partner sold 6 months ago is not your installed base',
    input: input('2017-02-14', [CLASSIC], orders('2016-08-14', null)),
    eligible: false,
    ruleSetId: EXTENSION.id,
    basis: [],
    hints: MISSING_UNDER_EXTENSION,
  },
  {
    promise: 'your sale exactly 24 months ago still makes the account your installed base',
    input: input('2017-02-14', [CLASSIC], orders('2016-06-01', '2015-02-14')),
    eligible: true,
    ruleSetId: EXTENSION.id,
    basis: ['installed-base'],
    hints: ['qualifies-installed-base'],
  },
  {
    promise: 'your sale 24 months and one day ago no longer makes the account your installed base',
    input: input('2017-02-14', [CLASSIC], orders('2016-06-01', '2015-02-13')),
    eligible: false,
    ruleSetId: EXTENSION.id,
    basis: [],
    hints: MISSING_UNDER_EXTENSION,
  },
  {
    promise: 'a sale recorded after the submission date does not count as installed base',
    input: input('2017-02-14', [CLASSIC], orders('2017-03-01', '2017-03-01')),
    eligible: false,
    ruleSetId: EXTENSION.id,
    basis: [],
    hints: MISSING_UNDER_EXTENSION,
  },
  {
    promise: 'a deal mixing classic and latest-generation lines qualifies on its latest-generation lines',
    input: input('2017-02-14', [CLASSIC, SYNERGY, 'flash-storage', SYNERGY], orders('2016-08-14')),
    eligible: true,
    ruleSetId: EXTENSION.id,
    basis: ['latest-generation'],
    hints: ['qualifies-latest-generation'],
  },
  {
    promise: 'a latest-generation deal at a dormant account names both qualifying rules',
    input: input('2017-02-14', [SYNERGY], orders('2014-08-14')),
    eligible: true,
    ruleSetId: EXTENSION.id,
    basis: ['latest-generation', 'dormant-account'],
    hints: ['qualifies-latest-generation', 'qualifies-dormant-account'],
  },
  {
    promise: 'a deal with no lines at a recent customer of another partner is not eligible',
    input: input('2017-02-14', [], orders('2016-08-14')),
    eligible: false,
    ruleSetId: EXTENSION.id,
    basis: [],
    hints: MISSING_UNDER_EXTENSION,
  },
];

describe('eligibility at a date (PRODUCT rule 4): boundaries', () => {
  for (const c of BOUNDARIES) {
    it(c.promise, () => {
      const decision = evaluateEligibility(c.input);
      expect(decision.eligible, 'eligible').to.equal(c.eligible);
      expect(decision.ruleSetId, 'rule set').to.equal(c.ruleSetId);
      expect(decision.basis, 'basis').to.deep.equal(c.basis);
      expect(
        decision.hints.map((h) => h.code),
        'hints',
      ).to.deep.equal(c.hints);
    });
  }
});

describe('eligibility hints for the demo accounts (PRODUCT §3)', () => {
  it("acc-nextgen: a Synergy deal at another partner's customer qualifies as latest-generation technology", () => {
    const d = evaluateEligibility(input('2017-02-14', [CLASSIC, SYNERGY], orders('2016-10-01', null)));
    expect(d.eligible).to.equal(true);
    expect(d.hints).to.deep.equal([{ code: 'qualifies-latest-generation', families: [SYNERGY] }]);
  });

  it('acc-dormant: an account without infrastructure order for 30 months qualifies as dormant', () => {
    const d = evaluateEligibility(input('2017-02-14', [CLASSIC], orders('2014-08-14', null)));
    expect(d.eligible).to.equal(true);
    expect(d.hints).to.deep.equal([{ code: 'qualifies-dormant-account', lastOrderAt: '2014-08-14', months: 24 }]);
  });

  it('acc-installed before 2017-02-01: not eligible, and the hint names the coming installed-base extension', () => {
    const d = evaluateEligibility(input('2017-01-20', [CLASSIC], orders('2016-08-20', '2016-08-20')));
    expect(d.eligible).to.equal(false);
    expect(d.ruleSetId).to.equal('launch');
    expect(d.hints).to.deep.equal([
      { code: 'add-latest-generation-line', families: LAUNCH.latestGenerationFamilies },
      { code: 'account-not-dormant', lastOrderAt: '2016-08-20', months: 24, dormantFrom: '2018-08-20' },
      {
        code: 'eligible-from-rule-set',
        ruleSetId: 'installed-base-extension',
        effectiveFrom: '2017-02-01',
        basis: ['installed-base'],
      },
    ]);
  });

  it('acc-installed from 2017-02-01: eligible as your installed base', () => {
    const d = evaluateEligibility(input('2017-02-14', [CLASSIC], orders('2016-09-14', '2016-09-14')));
    expect(d.eligible).to.equal(true);
    expect(d.ruleSetId).to.equal('installed-base-extension');
    expect(d.hints).to.deep.equal([
      { code: 'qualifies-installed-base', lastOrderByYouAt: '2016-09-14', months: 24, until: '2018-09-14' },
    ]);
  });

  it('the installed-base hint names the last day the sale counts: eligible on it, not the day after', () => {
    const facts = orders('2018-01-01', '2016-09-14'); // someone ordered since: not dormant
    const onTheDay = evaluateEligibility(input('2018-09-14', [CLASSIC], facts));
    expect(onTheDay.hints).to.deep.equal([
      { code: 'qualifies-installed-base', lastOrderByYouAt: '2016-09-14', months: 24, until: '2018-09-14' },
    ]);
    expect(evaluateEligibility(input('2018-09-15', [CLASSIC], facts)).eligible).to.equal(false);
  });

  it("acc-other-installed: another partner's recent customer is not eligible; the first hint is to add latest-generation technology", () => {
    const d = evaluateEligibility(input('2017-02-14', [CLASSIC], orders('2016-08-14', null)));
    expect(d.eligible).to.equal(false);
    expect(d.hints).to.deep.equal([
      { code: 'add-latest-generation-line', families: EXTENSION.latestGenerationFamilies },
      { code: 'account-not-dormant', lastOrderAt: '2016-08-14', months: 24, dormantFrom: '2018-08-14' },
      { code: 'not-installed-base', lastOrderByYouAt: null, months: 24 },
    ]);
  });
});

describe('upcoming rule sets', () => {
  const tightening: ProgramDefinition = {
    ...PROGRAM,
    ruleSets: [
      ...PROGRAM.ruleSets,
      { ...EXTENSION, id: 'same-again', effectiveFrom: '2017-06-01' },
      { ...EXTENSION, id: 'latest-only', effectiveFrom: '2018-01-01', bases: ['latest-generation'] },
      { ...EXTENSION, id: 'open-again', effectiveFrom: '2019-01-01' },
    ],
  };

  it('the rule set in force is the last one that has started; none before the first', () => {
    expect(ruleSetInForce(PROGRAM, '2016-08-31')).to.equal(null);
    expect(ruleSetInForce(PROGRAM, '2016-09-01')?.id).to.equal('launch');
    expect(ruleSetInForce(PROGRAM, '2017-01-31T23:59:59Z')?.id).to.equal('launch');
    expect(ruleSetInForce(PROGRAM, '2017-02-01')?.id).to.equal('installed-base-extension');
    expect(ruleSetInForce({ ...PROGRAM, ruleSets: [...PROGRAM.ruleSets].reverse() }, '2017-02-01')?.id).to.equal(
      'installed-base-extension',
    );
  });

  it('upcoming rule sets are those not started yet, soonest first', () => {
    expect(upcomingRuleSets(tightening, '2017-02-01').map((r) => r.id)).to.deep.equal([
      'same-again',
      'latest-only',
      'open-again',
    ]);
    expect(upcomingRuleSets(PROGRAM, '2017-02-01')).to.deep.equal([]);
  });

  it('announces only the first upcoming rule set that changes the answer: a dormant account loses eligibility from 2018-01-01', () => {
    const d = evaluateEligibility(input('2017-03-01', [CLASSIC], orders('2014-01-01'), tightening));
    expect(d.eligible).to.equal(true);
    expect(d.hints.at(-1)).to.deep.equal({
      code: 'ineligible-from-rule-set',
      ruleSetId: 'latest-only',
      effectiveFrom: '2018-01-01',
    });
    expect(d.hints.filter((h) => h.code.endsWith('-from-rule-set'))).to.have.length(1);
  });

  it('announces nothing when no upcoming rule set changes the answer', () => {
    const d = evaluateEligibility(input('2017-03-01', [SYNERGY], orders('2016-01-01'), tightening));
    expect(d.hints.map((h) => h.code)).to.deep.equal(['qualifies-latest-generation']);
  });

  it("the same order facts are judged at the upcoming rule set's date: a sale that is too old by then is not announced", () => {
    // Sold 2015-01-15: your installed base until 2017-01-15, so no longer when the extension starts.
    const d = evaluateEligibility(input('2016-12-01', [CLASSIC], orders('2016-06-01', '2015-01-15')));
    expect(d.hints.map((h) => h.code)).to.deep.equal(['add-latest-generation-line', 'account-not-dormant']);
  });
});

describe('eligibility follows the program definition', () => {
  it('a program with 12 dormancy months makes an account dormant after 12 months', () => {
    const program: ProgramDefinition = { ...PROGRAM, ruleSets: PROGRAM.ruleSets.map((r) => ({ ...r, dormancyMonths: 12 })) };
    expect(evaluateEligibility(input('2017-02-14', [CLASSIC], orders('2016-02-14'), program)).eligible).to.equal(true);
    expect(evaluateEligibility(input('2017-02-14', [CLASSIC], orders('2016-02-15'), program)).eligible).to.equal(false);
    expect(evaluateEligibility(input('2017-02-14', [CLASSIC], orders('2016-02-14'))).eligible).to.equal(false);
  });

  it('a family becomes latest generation only when the rule set says so', () => {
    const program: ProgramDefinition = {
      ...PROGRAM,
      ruleSets: PROGRAM.ruleSets.map((r) => ({ ...r, latestGenerationFamilies: [...r.latestGenerationFamilies, CLASSIC] })),
    };
    expect(evaluateEligibility(input('2017-02-14', [CLASSIC], orders('2016-08-14'), program)).basis).to.deep.equal([
      'latest-generation',
    ]);
  });
});
