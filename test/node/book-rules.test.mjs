// The book's rules on their own (src/program/book.ts): the views a row belongs to, the urgency and
// quote-validity orders, the search's folding and the filters, each at a date passed in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAMPLE_PROGRAM } from '../../mocks/core/sample-program.ts';
import {
  bookFilter,
  bookOrder,
  bookQuoteStep,
  bookSortKey,
  bookViewSort,
  bookViewsOf,
  foldText,
} from '../../src/program/book.ts';

const TERMS = SAMPLE_PROGRAM.protection;
const AT = '2017-02-14T09:00:00Z';
let ids = 0;

/** A row of the book with what its rules read; an approved protection ending on `protectedUntil` unless told. */
function row(over = {}) {
  ids += 1;
  const { registration, ...rest } = over;
  return {
    registration: {
      id: `reg-${String(ids).padStart(3, '0')}`,
      opportunityId: 'opp-1',
      submittedAt: '2016-12-01T16:05:00Z',
      updatedAt: '2016-12-02T10:30:00Z',
      extensionsUsed: 0,
      reasons: [],
      ...registration,
    },
    customer: { id: 'acc-1', name: 'Cabinet Guérin (Caen)' },
    deal: { name: 'Cœur de réseau du siège', amount: { value: 1000, currency: 'EUR' }, closeDate: '2017-05-01' },
    status: 'approved',
    protectedUntil: '2017-03-30',
    extension: { state: 'none' },
    quote: null,
    ...rest,
  };
}

const sorted = (sort, rows) =>
  rows
    .map((r) => ({ r, key: bookSortKey(sort, r, AT, TERMS) }))
    .sort((a, b) => bookOrder(sort)(a.key, b.key))
    .map(({ r }) => r.registration.id);

describe('the order each view is listed in', () => {
  it('Quotes by the validity of their prices, every other view by urgency', () => {
    assert.equal(bookViewSort('quoted'), 'quote-validity');
    for (const view of ['expiring-soon', 'action-required', 'submitted', 'rejected', 'active'])
      assert.equal(bookViewSort(view), 'urgency', view);
  });
});

describe('what a row says of the restricted quote', () => {
  const step = (over) => bookQuoteStep(row(over), AT, TERMS);
  it('a valid price, then the vendor pricing one (no second request), else Request quote while the protection holds', () => {
    assert.equal(step({ quote: { id: 'q', status: 'quoted', validUntil: '2017-02-14' } }), 'valid', 'its last day');
    assert.equal(step({ quote: { id: 'q', status: 'submitted', validUntil: null } }), 'pending');
    assert.equal(step({ quote: { id: 'q', status: 'quoted', validUntil: '2017-02-13' } }), 'request', 'lapsed: ask again');
    assert.equal(step({ quote: { id: 'q', status: 'declined', validUntil: null } }), 'request');
    assert.equal(step({}), 'request');
  });
  it('nothing to request without a protection that holds', () => {
    assert.equal(step({ status: 'submitted', protectedUntil: null }), 'none');
    assert.equal(step({ protectedUntil: '2017-02-13' }), 'none', 'lapsed, not yet settled');
    assert.equal(
      step({ status: 'expired', protectedUntil: '2017-02-01', quote: { id: 'q', status: 'declined', validUntil: null } }),
      'none',
    );
  });
});

describe('the book’s views', () => {
  it('expiring soon within the window (its last day counted), active while protection holds, the rest by status', () => {
    const views = (r) => bookViewsOf(r, AT, TERMS);
    assert.deepEqual(views(row({ protectedUntil: '2017-02-28' })), ['expiring-soon', 'active']);
    assert.deepEqual(views(row({ protectedUntil: '2017-02-14' })), ['expiring-soon', 'active'], 'its last day');
    assert.deepEqual(views(row({ protectedUntil: '2017-03-01' })), ['active'], '15 days left');
    assert.deepEqual(views(row({ protectedUntil: '2017-02-13' })), [], 'lapsed, not yet settled');
    assert.deepEqual(views(row({ status: 'expired', protectedUntil: '2017-02-01' })), []);
    assert.deepEqual(views(row({ status: 'action-required', protectedUntil: null })), ['action-required']);
    assert.deepEqual(views(row({ status: 'submitted', protectedUntil: null })), ['submitted']);
    assert.deepEqual(views(row({ status: 'rejected', protectedUntil: null })), ['rejected']);
    assert.deepEqual(views(row({ status: 'won' })), []);
  });

  it('quoted while the latest quote is priced and valid through asOf', () => {
    const quoted = (quote) => bookViewsOf(row({ quote }), AT, TERMS).includes('quoted');
    assert.equal(quoted({ id: 'q', status: 'quoted', validUntil: '2017-02-14' }), true, 'its last day');
    assert.equal(quoted({ id: 'q', status: 'quoted', validUntil: '2017-02-13' }), false);
    assert.equal(quoted({ id: 'q', status: 'submitted', validUntil: null }), false);
    assert.equal(quoted({ id: 'q', status: 'declined', validUntil: null }), false);
    assert.equal(quoted(null), false);
  });
});

describe('the book’s orders', () => {
  it('urgency: expiring soon, sent back to the partner, protected, awaiting the vendor, closed; protections by their end', () => {
    const rows = [
      row({ status: 'rejected', protectedUntil: null, registration: { updatedAt: '2017-02-10T10:00:00Z' } }),
      row({ status: 'submitted', protectedUntil: null, registration: { updatedAt: '2017-02-10T10:00:00Z' } }),
      row({ protectedUntil: '2017-04-01' }),
      row({ protectedUntil: '2017-03-01' }),
      row({ status: 'action-required', protectedUntil: null, registration: { updatedAt: '2017-02-01T10:00:00Z' } }),
      row({ protectedUntil: '2017-02-20' }),
      row({ protectedUntil: '2017-02-15' }),
    ];
    const id = (i) => rows[i].registration.id;
    assert.deepEqual(sorted('urgency', rows), [id(6), id(5), id(4), id(3), id(2), id(1), id(0)]);
  });

  it('awaiting someone: the longest waiting first; closed: the latest change first; the id breaks ties', () => {
    const waiting = [
      row({ status: 'submitted', protectedUntil: null, registration: { updatedAt: '2017-02-12T10:00:00Z' } }),
      row({ status: 'submitted', protectedUntil: null, registration: { updatedAt: '2017-02-01T10:00:00Z' } }),
    ];
    assert.deepEqual(sorted('urgency', waiting), [waiting[1].registration.id, waiting[0].registration.id]);
    const closed = [
      row({ status: 'won', registration: { updatedAt: '2017-01-05T14:00:00Z' } }),
      row({ status: 'expired', protectedUntil: '2017-02-01', registration: { updatedAt: '2017-02-02T00:00:00Z' } }),
      row({ status: 'rejected', protectedUntil: null, registration: { updatedAt: '2017-02-02T16:00:00Z' } }),
    ];
    const [won, expired, rejected] = closed.map((r) => r.registration.id);
    assert.deepEqual(sorted('urgency', closed), [expired, rejected, won], 'the latest first; the same day by id');
  });

  it('quote-validity: valid prices first, the soonest to end first, then the urgency order', () => {
    const rows = [
      row({ protectedUntil: '2017-02-15' }),
      row({ quote: { id: 'q1', status: 'quoted', validUntil: '2017-03-10' } }),
      row({ quote: { id: 'q2', status: 'quoted', validUntil: '2017-02-20' } }),
      row({ quote: { id: 'q3', status: 'quoted', validUntil: '2017-02-01' } }),
      row({ status: 'rejected', protectedUntil: null }),
    ];
    const id = (i) => rows[i].registration.id;
    assert.deepEqual(sorted('quote-validity', rows), [id(2), id(1), id(0), id(3), id(4)]);
    assert.deepEqual(sorted('urgency', rows), [id(0), id(1), id(2), id(3), id(4)], 'by urgency, the prices do not count');
  });

  it('keys are total: two rows never compare equal', () => {
    const a = row();
    const b = row();
    const order = bookOrder('urgency');
    assert.ok(order(bookSortKey('urgency', a, AT, TERMS), bookSortKey('urgency', b, AT, TERMS)) < 0);
    assert.ok(order(bookSortKey('urgency', b, AT, TERMS), bookSortKey('urgency', a, AT, TERMS)) > 0);
  });
});

describe('the book’s search and filters', () => {
  it('folds case, accents, ligatures, typographic apostrophes and spaces', () => {
    assert.equal(foldText('  Cœur  de RÉSEAU '), 'coeur de reseau');
    assert.equal(foldText('Papeteries de l’Aubrac'), "papeteries de l'aubrac");
    assert.equal(foldText('ÆGIS Guérin'), 'aegis guerin');
  });

  it('each word of the search in the customer’s name or the deal’s; statuses; the protection’s end within both bounds', () => {
    const r = row();
    const passes = (filters) => bookFilter(filters)(r);
    assert.equal(passes({ q: 'GUERIN coeur' }), true, 'one word in each name');
    assert.equal(passes({ q: 'guerin lyon' }), false, 'every word must appear');
    assert.equal(passes({ q: '   ' }), true, 'a blank search filters nothing');
    assert.equal(passes({ status: ['approved', 'expired'] }), true);
    assert.equal(passes({ status: ['rejected'] }), false);
    assert.equal(passes({ expiresBefore: '2017-03-30', expiresAfter: '2017-03-30' }), true, 'both days included');
    assert.equal(passes({ expiresBefore: '2017-03-29' }), false);
    assert.equal(passes({ expiresAfter: '2017-03-31' }), false);
    assert.equal(bookFilter({ expiresAfter: '2000-01-01' })(row({ protectedUntil: null })), false, 'no protection, no end');
  });
});
