// Properties the program promises for every input, not just the examples.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { REGISTRATION_STATUSES, QUOTE_STATUSES } from '../../src/domain/status.ts';
import { addDays, addMonths, toIsoDate } from '../../src/program/dates.ts';
import { evaluateEligibility, type EligibilityInput } from '../../src/program/eligibility.ts';
import {
  IllegalTransitionError,
  QUOTE_TRANSITIONS,
  REGISTRATION_TRANSITIONS,
  transitionQuote,
  transitionRegistration,
} from '../../src/program/lifecycle.ts';
import { protectionState } from '../../src/program/protection.ts';
import { isSameOpportunity } from '../../src/program/same-opportunity.ts';
import {
  CLASSIC,
  EXTENSION,
  LAUNCH_ONLY,
  PROGRAM,
  TERMS,
  approved,
  orders,
  quote,
  registration,
  withWindows,
} from './fixtures.ts';

const FAMILIES = PROGRAM.families.map((f) => f.id);
const LATEST = PROGRAM.families.filter((f) => f.generation === 'latest').map((f) => f.id);

const PROGRAM_START = PROGRAM.ruleSets[0]!.effectiveFrom;
/** A calendar date in the program's lifetime: from a little before its first rule set to six years on. */
const date = fc.integer({ min: -60, max: 6 * 366 }).map((n) => addDays(PROGRAM_START, n));
/** An order date: orders that count may be years older than the program (dormancy looks back). */
const orderDate = fc.integer({ min: -6 * 366, max: 6 * 366 }).map((n) => addDays(PROGRAM_START, n));
const dateTime = fc
  .tuple(date, fc.integer({ min: 0, max: 86_399 }))
  .map(([d, s]) => new Date(Date.parse(`${d}T00:00:00Z`) + s * 1000).toISOString());
const maybeDate = fc.option(orderDate, { nil: null });
const families = fc.array(fc.constantFrom(...FAMILIES), { maxLength: 5 });

const eligibilityInput = fc.record({
  at: fc.oneof(date, dateTime),
  families,
  lastInfraOrderAt: maybeDate,
  lastInfraOrderByYouAt: maybeDate,
});

function toInput(
  r: { at: string; families: string[]; lastInfraOrderAt: string | null; lastInfraOrderByYouAt: string | null },
  program = PROGRAM,
): EligibilityInput {
  return {
    program,
    at: r.at,
    opportunity: { lines: r.families.map((family) => ({ family })) },
    orders: orders(r.lastInfraOrderAt, r.lastInfraOrderByYouAt),
  };
}

describe('program properties', () => {
  it('adding a latest-generation line never makes an eligible deal ineligible', () => {
    fc.assert(
      fc.property(eligibilityInput, fc.constantFrom(...LATEST), (r, extra) => {
        const before = evaluateEligibility(toInput(r));
        const after = evaluateEligibility(toInput({ ...r, families: [...r.families, extra] }));
        if (before.eligible) expect(after.eligible).to.equal(true);
        if (before.ruleSetId !== null) expect(after.basis).to.include('latest-generation');
      }),
    );
  });

  it('the installed-base extension never removes eligibility that the launch rule set gave', () => {
    const afterExtension = fc.integer({ min: 0, max: 4 * 366 }).map((n) => addDays(EXTENSION.effectiveFrom, n));
    fc.assert(
      fc.property(eligibilityInput, afterExtension, (r, at) => {
        const launch = evaluateEligibility(toInput({ ...r, at }, LAUNCH_ONLY));
        const full = evaluateEligibility(toInput({ ...r, at }, PROGRAM));
        expect(launch.ruleSetId).to.equal('launch');
        expect(full.ruleSetId).to.equal(EXTENSION.id);
        if (launch.eligible) {
          expect(full.eligible).to.equal(true);
          for (const basis of launch.basis) expect(full.basis).to.include(basis);
        }
      }),
    );
  });

  it('eligibility is a function of its inputs (same input, same output)', () => {
    fc.assert(
      fc.property(eligibilityInput, (r) => {
        const first = evaluateEligibility(toInput(r));
        const second = evaluateEligibility(structuredClone(toInput(r)));
        expect(second).to.deep.equal(first);
        expect(first.eligible).to.equal(first.basis.length > 0);
        expect(first.at).to.equal(toIsoDate(r.at));
      }),
    );
  });

  it('a program with windows changed changes the boundaries accordingly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        date,
        (dormancyMonths, installedBaseMonths, last) => {
          const program = withWindows({ dormancyMonths, installedBaseMonths });
          // Another partner's last order: dormant exactly from last + dormancyMonths, not a day before.
          const dormantFrom = addMonths(last, dormancyMonths);
          const on = evaluateEligibility({
            program,
            at: dormantFrom,
            opportunity: { lines: [{ family: CLASSIC }] },
            orders: orders(last),
          });
          const before = evaluateEligibility({
            program,
            at: addDays(dormantFrom, -1),
            opportunity: { lines: [{ family: CLASSIC }] },
            orders: orders(last),
          });
          if (on.ruleSetId !== null) expect(on.basis).to.include('dormant-account');
          expect(before.basis).not.to.include('dormant-account');
          // Your own last sale: installed base through last + installedBaseMonths, not a day after.
          const lastDay = addMonths(last, installedBaseMonths);
          const inside = evaluateEligibility({ program, at: lastDay, opportunity: { lines: [] }, orders: orders(last, last) });
          const outside = evaluateEligibility({
            program,
            at: addDays(lastDay, 1),
            opportunity: { lines: [] },
            orders: orders(last, last),
          });
          if (inside.ruleSetId === EXTENSION.id) expect(inside.basis).to.include('installed-base');
          expect(outside.basis).not.to.include('installed-base');
        },
      ),
    );
  });

  it('isSameOpportunity is symmetric', () => {
    const footprint = fc.record({
      accountId: fc.constantFrom('acc-1', 'acc-2'),
      families: fc.uniqueArray(fc.constantFrom(...FAMILIES), { maxLength: 4 }),
      closeDate: date,
    });
    const window = fc.integer({ min: 0, max: 400 });
    fc.assert(
      fc.property(footprint, footprint, window, (a, b, days) => {
        const terms = { ...TERMS, sameOpportunityCloseDateDays: days };
        expect(isSameOpportunity(a, b, terms)).to.equal(isSameOpportunity(b, a, terms));
      }),
    );
  });

  it('protection daysLeft never increases as the date advances', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 1 }), (until, at, step, used) => {
        const reg = approved(until, used);
        const earlier = protectionState(reg, at, TERMS);
        const later = protectionState(reg, addDays(at, step), TERMS);
        expect(later.daysLeft!).to.be.at.most(earlier.daysLeft!);
        if (earlier.state === 'expired') expect(later.state).to.equal('expired');
      }),
    );
  });

  // Every (from, to) pair, not a sample: the tables are small enough to check exhaustively.
  it('every illegal transition throws IllegalTransitionError and every legal one appends exactly one history entry', () => {
    const ctx = { at: '2017-02-14T10:00:00Z', by: 'vendor' as const };
    let pairs = 0;
    for (const from of REGISTRATION_STATUSES) {
      for (const to of REGISTRATION_STATUSES) {
        pairs++;
        const reg = registration({ status: from });
        if (REGISTRATION_TRANSITIONS[from].includes(to)) {
          const next = transitionRegistration(reg, to, ctx);
          expect(next.status, `${from} → ${to}`).to.equal(to);
          expect(next.history).to.have.length(reg.history.length + 1);
          expect(next.history.at(-1)).to.include({ from, to });
        } else {
          expect(() => transitionRegistration(reg, to, ctx), `${from} → ${to}`).to.throw(IllegalTransitionError);
        }
      }
    }
    for (const from of QUOTE_STATUSES) {
      for (const to of QUOTE_STATUSES) {
        pairs++;
        const q = quote({ status: from, history: [] });
        if (QUOTE_TRANSITIONS[from].includes(to)) {
          expect(transitionQuote(q, to, ctx).history, `${from} → ${to}`).to.have.length(1);
        } else {
          expect(() => transitionQuote(q, to, ctx), `${from} → ${to}`).to.throw(IllegalTransitionError);
        }
      }
    }
    expect(pairs).to.equal(REGISTRATION_STATUSES.length ** 2 + QUOTE_STATUSES.length ** 2);
  });
});
