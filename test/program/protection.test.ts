import { expect } from '@open-wc/testing';
import type { RegistrationStatus } from '../../src/domain/status.ts';
import {
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
  { promise: 'with 60 days left the protection is active', at: '2017-02-14', protectedUntil: '2017-04-15', state: 'active', daysLeft: 60, canExtend: true },
  { promise: 'with 15 days left the protection is still plainly active', at: '2017-02-14', protectedUntil: '2017-03-01', state: 'active', daysLeft: 15, canExtend: true },
  { promise: 'with 14 days left the protection is expiring soon', at: '2017-02-14', protectedUntil: '2017-02-28', state: 'expiring-soon', daysLeft: 14, canExtend: true },
  { promise: 'with 5 days left the protection is expiring soon and can be extended', at: '2017-02-14', protectedUntil: '2017-02-19', state: 'expiring-soon', daysLeft: 5, canExtend: true },
  { promise: 'on its last day the deal is still protected', at: '2017-02-19T23:59:00Z', protectedUntil: '2017-02-19', state: 'expiring-soon', daysLeft: 0, canExtend: true },
  { promise: 'the day after its last day the protection has expired', at: '2017-02-20', protectedUntil: '2017-02-19', state: 'expired', daysLeft: 0, canExtend: false },
  { promise: 'a protection already extended once cannot be extended again', at: '2017-02-14', protectedUntil: '2017-02-19', extensionsUsed: 1, state: 'expiring-soon', daysLeft: 5, canExtend: false },
  { promise: 'an expired registration shows an expired protection', at: '2017-02-14', protectedUntil: '2017-03-19', status: 'expired', state: 'expired', daysLeft: 0, canExtend: false },
  { promise: 'a withdrawn registration holds no protection', at: '2017-02-14', protectedUntil: '2017-03-19', status: 'withdrawn', state: 'none', daysLeft: null, canExtend: false },
  { promise: 'a won deal holds no protection any more', at: '2017-02-14', protectedUntil: '2017-03-19', status: 'won', state: 'none', daysLeft: null, canExtend: false },
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
    expect(protectionState(registration(), '2017-02-14', TERMS)).to.deep.equal({ state: 'none', daysLeft: null, protectedUntil: null, canExtend: false });
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
  { promise: 'a quoted price is valid until its validity date', status: 'quoted', validUntil: '2017-03-16', at: '2017-02-14', state: 'valid', daysLeft: 30 },
  { promise: 'a quoted price is still valid on its validity date', status: 'quoted', validUntil: '2017-03-16', at: '2017-03-16T20:00:00Z', state: 'valid', daysLeft: 0 },
  { promise: 'a quoted price expires the day after its validity date', status: 'quoted', validUntil: '2017-03-16', at: '2017-03-17', state: 'expired', daysLeft: 0 },
  { promise: 'a declined quote request shows as declined', status: 'declined', at: '2017-02-14', state: 'declined', daysLeft: null },
  { promise: 'an expired quote shows as expired', status: 'expired', validUntil: '2017-03-16', at: '2017-02-14', state: 'expired', daysLeft: 0 },
];

describe('restricted quote validity (PRODUCT rule 5)', () => {
  for (const c of QUOTES) {
    it(c.promise, () => {
      const q = quote({ status: c.status, ...(c.validUntil ? { validUntil: c.validUntil } : {}) });
      expect(quoteState(q, c.at)).to.deep.equal({ state: c.state, daysLeft: c.daysLeft });
    });
  }

  it('a quote is valid for the program\'s 30 days from the day it is given', () => {
    expect(quoteValidUntil('2017-02-14T10:00:00Z', PROGRAM.quote)).to.equal('2017-03-16');
    expect(quoteValidUntil('2017-02-14', { ...PROGRAM.quote, validityDays: 7 })).to.equal('2017-02-21');
  });
});
