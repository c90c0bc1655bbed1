import { expect } from '@open-wc/testing';
import type { RegistrationStatus } from '../../src/domain/status.ts';
import {
  extensionWindowOpensOn,
  isQuoteOpen,
  latestQuote,
  latestQuoteByRegistration,
  protectedUntilOnApproval,
  protectedUntilOnExtension,
  protectionState,
  quoteState,
  quoteValidUntil,
  type ProtectionState,
  type QuoteViewState,
} from '../../src/program/protection.ts';
import { PROGRAM, TERMS, approved, quote, registration } from './fixtures.ts';

interface ProtectionCase {
  promise: string;
  at: string;
  protectedUntil: string;
  extensionsUsed?: number;
  status?: RegistrationStatus;
  state: ProtectionState;
  daysLeft: number | null;
  canExtend: boolean;
}

const PROTECTION: ProtectionCase[] = [
  {
    promise: 'with 60 days left the protection is active, and too far from its end to be extended',
    at: '2017-02-14',
    protectedUntil: '2017-04-15',
    state: 'active',
    daysLeft: 60,
    canExtend: false,
  },
  {
    promise: 'with 15 days left the protection is still plainly active, one day before the extension window',
    at: '2017-02-14',
    protectedUntil: '2017-03-01',
    state: 'active',
    daysLeft: 15,
    canExtend: false,
  },
  {
    promise: 'with 14 days left the protection is expiring soon',
    at: '2017-02-14',
    protectedUntil: '2017-02-28',
    state: 'expiring-soon',
    daysLeft: 14,
    canExtend: true,
  },
  {
    promise: 'with 5 days left the protection is expiring soon and can be extended',
    at: '2017-02-14',
    protectedUntil: '2017-02-19',
    state: 'expiring-soon',
    daysLeft: 5,
    canExtend: true,
  },
  {
    promise: 'on its last day the deal is still protected',
    at: '2017-02-19T23:59:00Z',
    protectedUntil: '2017-02-19',
    state: 'expiring-soon',
    daysLeft: 0,
    canExtend: true,
  },
  {
    promise: 'the day after its last day the protection has expired',
    at: '2017-02-20',
    protectedUntil: '2017-02-19',
    state: 'expired',
    daysLeft: 0,
    canExtend: false,
  },
  {
    promise: 'a protection already extended once cannot be extended again',
    at: '2017-02-14',
    protectedUntil: '2017-02-19',
    extensionsUsed: 1,
    state: 'expiring-soon',
    daysLeft: 5,
    canExtend: false,
  },
  {
    promise: 'an expired registration shows an expired protection',
    at: '2017-02-14',
    protectedUntil: '2017-03-19',
    status: 'expired',
    state: 'expired',
    daysLeft: 0,
    canExtend: false,
  },
  {
    promise: 'a withdrawn registration holds no protection',
    at: '2017-02-14',
    protectedUntil: '2017-03-19',
    status: 'withdrawn',
    state: 'none',
    daysLeft: null,
    canExtend: false,
  },
  {
    promise: 'a won deal holds no protection any more',
    at: '2017-02-14',
    protectedUntil: '2017-03-19',
    status: 'won',
    state: 'none',
    daysLeft: null,
    canExtend: false,
  },
];

describe('protection at a date (PRODUCT rule 3)', () => {
  for (const c of PROTECTION) {
    it(c.promise, () => {
      const reg = { ...approved(c.protectedUntil, c.extensionsUsed ?? 0), status: c.status ?? 'approved' };
      const view = protectionState(reg, c.at, TERMS);
      expect(view.state, 'state').to.equal(c.state);
      expect(view.daysLeft, 'daysLeft').to.equal(c.daysLeft);
      expect(view.canExtend, 'canExtend').to.equal(c.canExtend);
      expect(view.protectedUntil).to.equal(c.state === 'none' ? null : c.protectedUntil);
    });
  }

  it('a registration that is only submitted holds no protection', () => {
    expect(protectionState(registration(), '2017-02-14', TERMS)).to.deep.equal({
      state: 'none',
      daysLeft: null,
      protectedUntil: null,
      canExtend: false,
      extension: { state: 'none' },
    });
  });

  it('the extension window opens extensionWindowDays before the end: before it the view says from when', () => {
    expect(protectionState(approved('2017-04-15'), '2017-02-14', TERMS).extension).to.deep.equal({
      state: 'opens',
      from: '2017-04-01',
      until: '2017-05-15',
    });
    expect(protectionState(approved('2017-04-15'), '2017-04-01', TERMS).extension).to.deep.equal({
      state: 'open',
      until: '2017-05-15',
    });
    expect(protectionState(approved('2017-04-15'), '2017-03-31T23:59:00Z', TERMS).canExtend).to.equal(false);
  });

  it('the window follows the program terms, not the expiring-soon threshold', () => {
    const terms = { ...TERMS, extensionWindowDays: 60 };
    expect(protectionState(approved('2017-04-15'), '2017-02-14', terms)).to.include({ state: 'active', canExtend: true });
    expect(extensionWindowOpensOn('2017-04-15', terms)).to.equal('2017-02-14');
  });

  it('once every extension is used, the view says so with the final end date', () => {
    expect(protectionState(approved('2017-03-21', 1), '2017-03-10', TERMS).extension).to.deep.equal({
      state: 'used',
      finalUntil: '2017-03-21',
    });
  });

  it('a program without extensions offers none', () => {
    expect(protectionState(approved('2017-02-19'), '2017-02-14', { ...TERMS, maxExtensions: 0 }).extension).to.deep.equal({
      state: 'none',
    });
  });

  it('approval protects the deal for 90 days, and the extension adds 30', () => {
    expect(protectedUntilOnApproval('2017-02-14T09:00:00Z', TERMS)).to.equal('2017-05-15');
    expect(protectedUntilOnExtension({ protectedUntil: '2017-05-15' }, TERMS)).to.equal('2017-06-14');
  });

  it('the expiring-soon threshold follows the program terms', () => {
    const terms = { ...TERMS, expiringSoonDays: 30 };
    expect(protectionState(approved('2017-03-16'), '2017-02-14', terms).state).to.equal('expiring-soon');
    expect(protectionState(approved('2017-03-17'), '2017-02-14', terms).state).to.equal('active');
  });
});

interface QuoteCase {
  promise: string;
  status: 'submitted' | 'quoted' | 'declined' | 'expired';
  validUntil?: string;
  at: string;
  state: QuoteViewState;
  daysLeft: number | null;
}

const QUOTES: QuoteCase[] = [
  { promise: 'a submitted quote request is pending', status: 'submitted', at: '2017-02-14', state: 'pending', daysLeft: null },
  {
    promise: 'a quoted price is valid until its validity date',
    status: 'quoted',
    validUntil: '2017-03-16',
    at: '2017-02-14',
    state: 'valid',
    daysLeft: 30,
  },
  {
    promise: 'a quoted price is still valid on its validity date',
    status: 'quoted',
    validUntil: '2017-03-16',
    at: '2017-03-16T20:00:00Z',
    state: 'valid',
    daysLeft: 0,
  },
  {
    promise: 'a quoted price expires the day after its validity date',
    status: 'quoted',
    validUntil: '2017-03-16',
    at: '2017-03-17',
    state: 'expired',
    daysLeft: 0,
  },
  {
    promise: 'a declined quote request shows as declined',
    status: 'declined',
    at: '2017-02-14',
    state: 'declined',
    daysLeft: null,
  },
  {
    promise: 'an expired quote shows as expired',
    status: 'expired',
    validUntil: '2017-03-16',
    at: '2017-02-14',
    state: 'expired',
    daysLeft: 0,
  },
];

describe('restricted quote validity (PRODUCT rule 5)', () => {
  for (const c of QUOTES) {
    it(c.promise, () => {
      const q = quote({ status: c.status, ...(c.validUntil ? { validUntil: c.validUntil } : {}) });
      expect(quoteState(q, c.at)).to.deep.equal({ state: c.state, daysLeft: c.daysLeft });
    });
  }

  it('without a date, a quoted price counts as valid with its days unknown', () => {
    expect(quoteState(quote({ status: 'quoted', validUntil: '2017-03-16' }), undefined)).to.deep.equal({
      state: 'valid',
      daysLeft: null,
    });
  });

  it('a quote request is open while pending or validly priced, closed once declined or expired', () => {
    expect(isQuoteOpen(quote({ status: 'submitted' }), '2017-02-14')).to.equal(true);
    expect(isQuoteOpen(quote({ status: 'quoted', validUntil: '2017-03-16' }), '2017-03-16')).to.equal(true);
    expect(isQuoteOpen(quote({ status: 'quoted', validUntil: '2017-03-16' }), '2017-03-17')).to.equal(false);
    expect(isQuoteOpen(quote({ status: 'declined' }), '2017-02-14')).to.equal(false);
    expect(isQuoteOpen(quote({ status: 'expired' }), '2017-02-14')).to.equal(false);
  });

  it('the latest quote is the last requested; of two copies of one request, the one past submitted', () => {
    const older = quote({ id: 'q1', requestedAt: '2017-02-01T10:00:00Z', status: 'quoted' });
    const newer = quote({ id: 'q2', requestedAt: '2017-02-10T10:00:00Z', status: 'submitted' });
    const newerPriced = { ...newer, status: 'quoted' as const };
    expect(latestQuote([newer, older])?.id).to.equal('q2');
    expect(latestQuote([newerPriced, newer])).to.equal(newerPriced);
    expect(latestQuote([newer, newerPriced])).to.equal(newerPriced);
    expect(latestQuote([undefined, undefined])).to.equal(undefined);
    const other = quote({ id: 'q3', registrationId: 'reg-other', requestedAt: '2017-01-01T00:00:00Z' });
    const byRegistration = latestQuoteByRegistration([older, newer, other]);
    expect([...byRegistration.values()].map((q) => q.id)).to.deep.equal(['q2', 'q3']);
  });

  it("a quote is valid for the program's 30 days from the day it is given", () => {
    expect(quoteValidUntil('2017-02-14T10:00:00Z', PROGRAM.quote)).to.equal('2017-03-16');
    expect(quoteValidUntil('2017-02-14', { ...PROGRAM.quote, validityDays: 7 })).to.equal('2017-02-21');
  });
});
