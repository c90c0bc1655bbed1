// The element boundary checks the book's pages like every other answer, with the parser of the book's
// chunk, loaded on demand (widgets/state/guarded-adapter.ts): a valid page passes unchanged, a
// malformed one is `invalid-response`, whichever adapter sent it.
import { expect } from '@open-wc/testing';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { guardedAdapter } from '../../widgets/state/guarded-adapter.ts';
import { expectDealRegError } from '../adapters/conformance.ts';
import { aBookPage, withAt } from '../adapters/fixtures.ts';
import { memoryAdapter } from './helpers.ts';

const answering = (page: unknown) =>
  ({ ...memoryAdapter(), listRegistrations: () => Promise.resolve(page) }) as unknown as DealRegAdapter;

describe('the element boundary on the book', () => {
  it('passes a valid page through, as the adapter gave it', async () => {
    const real = memoryAdapter();
    const direct = await real.listRegistrations!({ view: 'expiring-soon' });
    expect(await guardedAdapter(real).listRegistrations!({ view: 'expiring-soon' })).to.deep.equal(direct);
    expect(await guardedAdapter(answering(aBookPage())).listRegistrations!({})).to.deep.equal(aBookPage());
  });

  for (const [what, page] of [
    ['no rows', withAt(aBookPage(), 'rows', undefined)],
    ['an open extension without its date', withAt(aBookPage(), 'rows.0.extension', { state: 'open' })],
    ['a count that is not one', withAt(aBookPage(), 'counts.byView.active', 'many')],
  ] as const) {
    it(`refuses ${what} from a foreign adapter as invalid-response`, async () => {
      await expectDealRegError(guardedAdapter(answering(page)).listRegistrations!({}), 'invalid-response');
    });
  }

  it('offers no listRegistrations for an adapter without one (an optional method)', () => {
    const { listRegistrations: _omitted, ...withoutBook } = memoryAdapter();
    expect(guardedAdapter(withoutBook as DealRegAdapter).listRegistrations).to.equal(undefined);
  });
});
