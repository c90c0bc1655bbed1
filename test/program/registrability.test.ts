// Who may register a deal, and why the vendor rejects a registration (docs/program.md §3 and §4):
// the examples the program page states, each rule on its own.
import { expect } from '@open-wc/testing';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../../src/domain/status.ts';
import {
  blocksNewRegistration,
  isOpportunityClosed,
  MAY_BLOCK_STATUSES,
  registrationBlock,
  rejectionReasons,
  rejectionReasonsSoFar,
  type Submission,
} from '../../src/program/registrability.ts';
import { TERMS, approved, registration } from './fixtures.ts';

const AT = '2017-02-14T09:00:00Z';
const OPEN_DEAL = { closeDate: '2017-05-01', protectedByAnotherPartner: false };

describe('a partner’s own registration blocks it registering the deal again', () => {
  const cases: Array<[RegistrationStatus, boolean, string]> = [
    ['submitted', true, 'it awaits the vendor'],
    ['action-required', true, 'it awaits the partner'],
    ['won', true, 'the deal is closed, won'],
    ['lost', true, 'the deal is closed, lost'],
    ['rejected', false, 'a rejection leaves the deal free'],
    ['expired', false, 'an ended protection leaves the deal free'],
    ['withdrawn', false, 'a withdrawal leaves the deal free'],
  ];
  for (const [status, blocks, why] of cases) {
    it(`${status}: ${blocks ? 'blocks' : 'does not block'} (${why})`, () => {
      expect(blocksNewRegistration(registration({ status }), AT, TERMS)).to.equal(blocks);
    });
  }

  it('approved: blocks through the last protected day, and no longer once the protection lapsed', () => {
    expect(blocksNewRegistration(approved('2017-02-14'), AT, TERMS), 'its last day').to.equal(true);
    expect(blocksNewRegistration(approved('2017-02-13'), AT, TERMS), 'lapsed, not yet settled to expired').to.equal(false);
  });

  it('the statuses that may still block are exactly those that can block at some date', () => {
    const canBlock = REGISTRATION_STATUSES.filter((status) =>
      blocksNewRegistration(registration({ status, protectedUntil: '2099-01-01' }), AT, TERMS),
    );
    expect([...MAY_BLOCK_STATUSES]).to.deep.equal(canBlock);
  });
});

describe('registrationBlock: why a partner may not register a deal now', () => {
  it('a free, open deal may be registered; again after a rejection, an expiry or a lapsed approval', () => {
    expect(registrationBlock(OPEN_DEAL, undefined, AT, TERMS)).to.equal(null);
    for (const latest of [registration({ status: 'rejected' }), registration({ status: 'expired' }), approved('2017-02-13')]) {
      expect(registrationBlock(OPEN_DEAL, latest, AT, TERMS), latest.status).to.equal(null);
    }
  });

  it('held by its own protection, then by another partner’s, then claimed by its own pending, won or lost one, then closed', () => {
    const other = { ...OPEN_DEAL, protectedByAnotherPartner: true };
    const closed = { ...OPEN_DEAL, closeDate: '2017-02-13' };
    expect(registrationBlock(OPEN_DEAL, approved('2017-03-01'), AT, TERMS)).to.equal('held');
    expect(registrationBlock(other, undefined, AT, TERMS)).to.equal('protected-by-other');
    expect(registrationBlock(other, registration({ status: 'won' }), AT, TERMS)).to.equal('protected-by-other');
    for (const status of ['submitted', 'action-required', 'won', 'lost'] as const) {
      expect(registrationBlock(closed, registration({ status }), AT, TERMS), status).to.equal('claimed');
    }
    expect(registrationBlock(closed, undefined, AT, TERMS)).to.equal('closed');
  });

  it('a deal closes the day after its close date', () => {
    expect(isOpportunityClosed({ closeDate: '2017-02-14' }, AT)).to.equal(false);
    expect(isOpportunityClosed({ closeDate: '2017-02-13' }, AT)).to.equal(true);
  });
});

describe('rejectionReasons: every reason a submission earns, in the program’s order', () => {
  const clean: Submission = {
    competing: false,
    eligibility: { eligible: true },
    closeDate: '2017-05-01',
    at: AT,
    presalesActivities: ['workshop'],
  };

  it('none for a clean submission: it is approved', () => {
    expect(rejectionReasons(clean)).to.deep.equal([]);
  });

  it('each rule on its own', () => {
    expect(rejectionReasons({ ...clean, competing: true })).to.deep.equal(['already-protected']);
    expect(rejectionReasons({ ...clean, eligibility: { eligible: false } })).to.deep.equal(['not-eligible']);
    expect(rejectionReasons({ ...clean, closeDate: '2017-02-13' })).to.deep.equal(['opportunity-closed']);
    expect(rejectionReasons({ ...clean, closeDate: '2017-02-14' }), 'its close date is still open').to.deep.equal([]);
    expect(rejectionReasons({ ...clean, presalesActivities: [] })).to.deep.equal(['missing-presales-activity']);
  });

  it('all four at once, in REJECTION_REASONS order', () => {
    expect(
      rejectionReasons({
        competing: true,
        eligibility: { eligible: false },
        closeDate: '2016-12-31',
        at: AT,
        presalesActivities: [],
      }),
    ).to.deep.equal(['already-protected', 'not-eligible', 'opportunity-closed', 'missing-presales-activity']);
  });

  it('before sending, a fact not known yet is not judged', () => {
    expect(rejectionReasonsSoFar({})).to.deep.equal([]);
    expect(rejectionReasonsSoFar({ presalesActivities: [] })).to.deep.equal(['missing-presales-activity']);
    expect(rejectionReasonsSoFar({ closeDate: '2016-12-31' }), 'a close date without a date').to.deep.equal([]);
    expect(rejectionReasonsSoFar({ eligibility: { eligible: false }, at: AT })).to.deep.equal(['not-eligible']);
  });
});
