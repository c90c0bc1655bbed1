import { expect } from '@open-wc/testing';
import { DealRegError } from '../../src/errors.ts';
import { QUOTE_STATUSES, REGISTRATION_STATUSES } from '../../src/domain/status.ts';
import type { QuoteStatus, RegistrationStatus } from '../../src/domain/status.ts';
import {
  IllegalTransitionError,
  approveRegistration,
  extendProtection,
  quoteRefusal,
  rejectRegistration,
  transitionQuote,
  transitionRegistration,
  type TransitionContext,
} from '../../src/program/lifecycle.ts';
import { TERMS, approved, quote, registration } from './fixtures.ts';

const vendorAt = (at: string, reason?: string): TransitionContext => ({ at, by: 'vendor', ...(reason ? { reason } : {}) });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('registration lifecycle (PRODUCT rule 3)', () => {
  // docs/program.md §4 rule 3, read off its diagram: every other move is refused.
  const ALLOWED: Record<RegistrationStatus, RegistrationStatus[]> = {
    submitted: ['approved', 'rejected', 'action-required'],
    'action-required': ['submitted', 'withdrawn'],
    approved: ['expired', 'withdrawn', 'won', 'lost'],
    rejected: [],
    expired: [],
    withdrawn: [],
    won: [],
    lost: [],
  };

  for (const from of REGISTRATION_STATUSES) {
    it(`from ${from}: ${ALLOWED[from].join(', ') || 'nothing, the state is final'}; any other move throws`, () => {
      const reg = registration({ status: from });
      for (const to of REGISTRATION_STATUSES) {
        const label = `${from} → ${to}`;
        if (ALLOWED[from].includes(to)) {
          const next = transitionRegistration(reg, to, vendorAt('2017-03-01T10:00:00Z', 'why'));
          expect(next.status, label).to.equal(to);
          expect(next.history, `${label}: one entry appended`).to.deep.equal([
            ...reg.history,
            { from, to, at: '2017-03-01T10:00:00Z', by: 'vendor', reason: 'why' },
          ]);
          expect(reg.status, `${label}: the original is untouched`).to.equal(from);
        } else {
          const error = thrown(() => transitionRegistration(reg, to, vendorAt('2017-03-01T10:00:00Z')));
          expect(error, label).to.be.instanceOf(IllegalTransitionError);
          expect(error, label).to.include({ code: 'illegal-transition', from, to, subject: 'registration' });
        }
      }
    });
  }

  it('approval starts a 90-day protection and is kept in history', () => {
    const reg = registration();
    const next = approveRegistration(reg, vendorAt('2017-02-14T10:00:00Z'), TERMS);
    expect(next.status).to.equal('approved');
    expect(next.approvedAt).to.equal('2017-02-14T10:00:00Z');
    expect(next.protectedUntil).to.equal('2017-05-15');
    expect(next.history.at(-1)).to.deep.equal({ from: 'submitted', to: 'approved', at: '2017-02-14T10:00:00Z', by: 'vendor' });
    expect(reg.status, 'the original is untouched').to.equal('submitted');
    expect(reg.history).to.have.length(1);
  });

  it('a rejection carries the reason codes the partner reads, also in history', () => {
    const next = rejectRegistration(registration(), ['already-protected', 'not-eligible'], vendorAt('2017-02-14T10:00:00Z'));
    expect(next.status).to.equal('rejected');
    expect(next.reasons).to.deep.equal(['already-protected', 'not-eligible']);
    expect(next.history.at(-1)?.reason).to.equal('already-protected,not-eligible');
  });

  it('a rejection without a reason is refused', () => {
    const error = thrown(() => rejectRegistration(registration(), [], vendorAt('2017-02-14T10:00:00Z')));
    expect(error).to.be.instanceOf(DealRegError);
    expect((error as DealRegError).code).to.equal('invalid-request');
  });

  it('action required, then resubmitted, then approved', () => {
    let reg = transitionRegistration(
      registration(),
      'action-required',
      vendorAt('2017-02-14T10:00:00Z', 'missing-presales-activity'),
    );
    reg = transitionRegistration(reg, 'submitted', { at: '2017-02-15T10:00:00Z', by: 'partner', reason: 'resubmitted' });
    reg = approveRegistration(reg, vendorAt('2017-02-16T10:00:00Z'), TERMS);
    expect(reg.history.map((h) => `${h.from ?? ''}>${h.to}`)).to.deep.equal([
      '>submitted',
      'submitted>action-required',
      'action-required>submitted',
      'submitted>approved',
    ]);
    expect(reg.history[1]?.reason).to.equal('missing-presales-activity');
  });

  it('a rejected registration cannot be approved later: the error says from and to', () => {
    const rejected = rejectRegistration(registration(), ['not-eligible'], vendorAt('2017-02-14T10:00:00Z'));
    const error = thrown(() => approveRegistration(rejected, vendorAt('2017-02-15T10:00:00Z'), TERMS));
    expect(error).to.be.instanceOf(IllegalTransitionError);
    expect(error).to.be.instanceOf(DealRegError);
    expect(error).to.include({ code: 'illegal-transition', from: 'rejected', to: 'approved', subject: 'registration' });
  });
});

describe('protection extension', () => {
  it('is allowed once: 30 more days, status stays approved, history says extension', () => {
    const reg = approved('2017-02-19');
    const next = extendProtection(reg, '2017-02-14T08:00:00Z', TERMS);
    expect(next.status).to.equal('approved');
    expect(next.protectedUntil).to.equal('2017-03-21');
    expect(next.extensionsUsed).to.equal(1);
    expect(next.history.at(-1)).to.deep.equal({
      from: 'approved',
      to: 'approved',
      at: '2017-02-14T08:00:00Z',
      by: 'partner',
      reason: 'extension',
    });
  });

  it('is refused a second time with extension-not-allowed', () => {
    const once = extendProtection(approved('2017-02-19'), '2017-02-14T08:00:00Z', TERMS);
    const error = thrown(() => extendProtection(once, '2017-02-15T08:00:00Z', TERMS));
    expect(error).to.be.instanceOf(DealRegError);
    expect((error as DealRegError).code).to.equal('extension-not-allowed');
  });

  it('is refused once the protection has expired', () => {
    expect(() => extendProtection(approved('2017-02-13'), '2017-02-14', TERMS)).to.throw(DealRegError, 'extension-not-allowed');
  });

  it('a program with two extensions allows a second one, again inside the window', () => {
    const terms = { ...TERMS, maxExtensions: 2 };
    const once = extendProtection(approved('2017-02-19'), '2017-02-14', terms);
    expect(() => extendProtection(once, '2017-02-15', terms)).to.throw(DealRegError, 'extension window opens on 2017-03-07');
    const twice = extendProtection(once, '2017-03-07', terms);
    expect(twice.extensionsUsed).to.equal(2);
    expect(twice.protectedUntil).to.equal('2017-04-20');
  });

  it('is refused before the window opens (60 days left), with the date it opens', () => {
    const error = thrown(() => extendProtection(approved('2017-04-15'), '2017-02-14', TERMS));
    expect((error as DealRegError).code).to.equal('extension-not-allowed');
    expect((error as DealRegError).detail).to.equal(
      'the extension window opens on 2017-04-01, 14 days before the protection ends',
    );
  });

  it('is allowed on the first day of the window (14 days left)', () => {
    expect(extendProtection(approved('2017-04-15'), '2017-04-01', TERMS).protectedUntil).to.equal('2017-05-15');
  });
});

describe('restricted quote lifecycle and access (PRODUCT rule 5)', () => {
  // docs/program.md §4 rule 4, read off its diagram.
  const QUOTE_ALLOWED: Record<QuoteStatus, QuoteStatus[]> = {
    submitted: ['quoted', 'declined'],
    quoted: ['expired'],
    declined: [],
    expired: [],
  };

  for (const from of QUOTE_STATUSES) {
    it(`a ${from} quote: ${QUOTE_ALLOWED[from].join(', ') || 'nothing, the state is final'}; any other move throws`, () => {
      const q = quote({ status: from, history: [] });
      for (const to of QUOTE_STATUSES) {
        const label = `${from} → ${to}`;
        if (QUOTE_ALLOWED[from].includes(to)) {
          const next = transitionQuote(q, to, { at: '2017-03-01T10:00:00Z', by: 'system' });
          expect(next.status, label).to.equal(to);
          expect(next.history, label).to.deep.equal([{ from, to, at: '2017-03-01T10:00:00Z', by: 'system' }]);
        } else {
          const error = thrown(() => transitionQuote(q, to, { at: '2017-03-01T10:00:00Z', by: 'system' }));
          expect(error, label).to.be.instanceOf(IllegalTransitionError);
          expect(error, label).to.include({ code: 'illegal-transition', from, to, subject: 'quote' });
        }
      }
    });
  }

  it('submitted → quoted → expired, each step in history', () => {
    let q = transitionQuote(quote(), 'quoted', vendorAt('2017-02-15T10:00:00Z'));
    q = transitionQuote(q, 'expired', { at: '2017-03-18T00:00:00Z', by: 'system' });
    expect(q.status).to.equal('expired');
    expect(q.history?.map((h) => h.to)).to.deep.equal(['quoted', 'expired']);
  });

  it('a declined quote cannot be quoted', () => {
    const declined = transitionQuote(quote(), 'declined', vendorAt('2017-02-15T10:00:00Z', 'pricing-unavailable'));
    expect(() => transitionQuote(declined, 'quoted', vendorAt('2017-02-16T10:00:00Z'))).to.throw(IllegalTransitionError);
  });

  it('the protection holder may request a quote while protected', () => {
    expect(quoteRefusal(approved('2017-04-15'), [], '2017-02-14', TERMS)).to.equal(null);
    expect(quoteRefusal(approved('2017-02-14'), [], '2017-02-14', TERMS), 'on the last day').to.equal(null);
  });

  it('no quote without an active protection', () => {
    expect(quoteRefusal(registration(), [], '2017-02-14', TERMS)).to.equal('protection-not-active');
    expect(quoteRefusal(approved('2017-02-13'), [], '2017-02-14', TERMS)).to.equal('protection-not-active');
  });

  it('one open quote request per registration: submitted, or quoted and still valid', () => {
    const reg = approved('2017-04-15');
    expect(quoteRefusal(reg, [quote({ status: 'submitted' })], '2017-02-14', TERMS)).to.equal('quote-already-open');
    expect(quoteRefusal(reg, [quote({ status: 'quoted', validUntil: '2017-02-14' })], '2017-02-14', TERMS)).to.equal(
      'quote-already-open',
    );
    expect(quoteRefusal(reg, [quote({ status: 'quoted', validUntil: '2017-02-13' })], '2017-02-14', TERMS)).to.equal(null);
    expect(quoteRefusal(reg, [quote({ status: 'declined' })], '2017-02-14', TERMS)).to.equal(null);
    expect(quoteRefusal(reg, [quote({ status: 'submitted', registrationId: 'reg-other' })], '2017-02-14', TERMS)).to.equal(null);
  });
});
