// The element boundary checks deal previews like every other answer, with a parser it loads on
// demand (widgets/state/guarded-adapter.ts): a valid answer passes unchanged, a malformed one is
// `invalid-response`, whichever adapter sent it.
import { expect } from '@open-wc/testing';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { DealSubmission } from '../../src/domain/deal.ts';
import { DealRegError } from '../../src/errors.ts';
import { guardedAdapter } from '../../widgets/state/guarded-adapter.ts';
import { memoryAdapter } from './helpers.ts';

const deal: DealSubmission = {
  partnerOpportunityId: '006GUARD001',
  name: 'Synergy refresh',
  amount: { value: 250000, currency: 'EUR' },
  closeDate: '2017-06-30',
  lines: [{ sku: 'SY480-G10', quantity: 4 }],
};

async function rejection(p: Promise<unknown>): Promise<DealRegError> {
  const outcome = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome, 'rejected').to.be.instanceOf(DealRegError);
  return outcome as DealRegError;
}

describe('the element boundary on deal previews', () => {
  it('passes a valid answer through, as the adapter gave it', async () => {
    const real = memoryAdapter();
    const direct = await real.previewDeals!('acc-nextgen', [deal]);
    const guarded = await guardedAdapter(real).previewDeals!('acc-nextgen', [deal]);
    expect(guarded.previews.map((p) => p.partnerOpportunityId)).to.deep.equal(['006GUARD001']);
    expect(guarded).to.deep.equal({ ...direct, asOf: guarded.asOf });
  });

  for (const [what, answer] of [
    ['no previews list', { asOf: '2017-02-14T09:00:00Z' }],
    ['a preview without its decision', { asOf: '2017-02-14T09:00:00Z', previews: [{ partnerOpportunityId: 'x' }] }],
    [
      'a hint with a date that is not one',
      {
        asOf: '2017-02-14T09:00:00Z',
        previews: [
          {
            partnerOpportunityId: 'x',
            lines: [],
            unknownSkus: [],
            eligibility: {
              eligible: false,
              at: '2017-02-14',
              ruleSetId: null,
              basis: [],
              hints: [{ code: 'program-not-started', effectiveFrom: 'soon' }],
            },
            protectedByAnotherPartner: false,
            registration: null,
            quote: null,
          },
        ],
      },
    ],
  ] as const) {
    it(`refuses ${what} from a foreign adapter as invalid-response`, async () => {
      const foreign = { ...memoryAdapter(), previewDeals: () => Promise.resolve(answer) } as unknown as DealRegAdapter;
      const error = await rejection(guardedAdapter(foreign).previewDeals!('acc-nextgen', [deal]));
      expect(error.code).to.equal('invalid-response');
    });
  }

  it('offers no previewDeals for an adapter without one (an optional method)', () => {
    const { previewDeals: _omitted, ...withoutPreviews } = memoryAdapter();
    expect(guardedAdapter(withoutPreviews as DealRegAdapter).previewDeals).to.equal(undefined);
  });
});
