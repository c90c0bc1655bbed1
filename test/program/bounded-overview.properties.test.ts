// The overview no longer carries every asset: the installed base travels as a per-family summary
// with a bounded list of refresh candidates. These properties prove nothing the rep is told
// changes: over generated accounts, what is decided and shown from the summary (and the order
// facts) equals what the full asset list gives.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Asset, InfraOrder, IsoDate, OrderFacts } from '../../src/domain/types.ts';
import { addDays, addMonths, compareDates, epochDay, toIsoDate } from '../../src/program/dates.ts';
import { evaluateEligibility } from '../../src/program/eligibility.ts';
import { summarizeInstalledBase } from '../../src/program/installed-base.ts';
import { PROGRAM } from './fixtures.ts';

const FAMILIES = PROGRAM.families.map((f) => f.id);
const GENERATION = new Map(PROGRAM.families.map((f) => [f.id, f.generation] as const));
const PROGRAM_START = PROGRAM.ruleSets[0]!.effectiveFrom;

/** A date within the program's lifetime (from its first rule set, four years on). */
const programDate = fc.integer({ min: 0, max: 4 * 366 }).map((n) => addDays(PROGRAM_START, n));

interface Sale {
  partnerId: 'you' | 'other';
  orderedAt: IsoDate;
  items: Array<{ family: string; quantity: number; supportMonths: number }>;
}

const sale: fc.Arbitrary<Sale> = fc.record({
  partnerId: fc.constantFrom('you' as const, 'other' as const),
  // Sales from six years before the program to its lifetime's end.
  orderedAt: fc.integer({ min: -6 * 366, max: 4 * 366 }).map((n) => addDays(PROGRAM_START, n)),
  items: fc.array(
    fc.record({
      family: fc.constantFrom(...FAMILIES),
      quantity: fc.integer({ min: 1, max: 40 }),
      supportMonths: fc.integer({ min: 12, max: 84 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

const account = fc.record({
  at: programDate,
  sales: fc.array(sale, { maxLength: 30 }),
  lines: fc.array(fc.constantFrom(...FAMILIES), { maxLength: 4 }),
  candidateLimit: fc.integer({ min: 0, max: 12 }),
  // Half the time, "today" is some asset's last day of support: the boundary that matters most.
  pin: fc.option(fc.nat(), { nil: null }),
});

/** The date of the run: the drawn one, or an asset's end of support when pinned. */
function dateOf(at: IsoDate, pin: number | null, assets: Asset[]): IsoDate {
  const pinned = pin === null ? undefined : assets[pin % Math.max(1, assets.length)];
  return pinned ? pinned.endOfSupportAt : at;
}

/** What the backend stores: each sale is an order plus the assets it delivered. */
function storeOf(sales: Sale[]): { orders: InfraOrder[]; assets: Array<Asset & { partnerId: string }> } {
  const orders: InfraOrder[] = [];
  const assets: Array<Asset & { partnerId: string }> = [];
  sales.forEach((s, i) => {
    orders.push({
      id: `ord-${i}`,
      accountId: 'acc',
      partnerId: s.partnerId,
      orderedAt: s.orderedAt,
      families: s.items.map((it) => it.family),
    });
    s.items.forEach((it, j) => {
      assets.push({
        id: `ast-${String(i).padStart(3, '0')}-${j}`,
        partnerId: s.partnerId,
        family: it.family,
        generation: GENERATION.get(it.family) ?? 'classic',
        quantity: it.quantity,
        purchasedAt: s.orderedAt,
        endOfSupportAt: addMonths(s.orderedAt, it.supportMonths),
      });
    });
  });
  return { orders, assets };
}

/** The order facts the overview carries (the backend's rule: orders up to the date, yours apart). */
function orderFacts(orders: InfraOrder[], at: IsoDate): OrderFacts {
  const upTo = orders.filter((o) => compareDates(o.orderedAt, at) <= 0);
  const latest = (list: InfraOrder[]) =>
    list.reduce<IsoDate | null>((m, o) => (m === null || o.orderedAt > m ? o.orderedAt : m), null);
  return { lastInfraOrderAt: latest(upTo), lastInfraOrderByYouAt: latest(upTo.filter((o) => o.partnerId === 'you')) };
}

/** The reference: the installed-base facts read straight off the full asset list. */
function fromFullList(assets: Asset[], at: IsoDate) {
  const horizon = epochDay(addMonths(at, PROGRAM.quote.refreshHorizonMonths));
  const families = new Map<string, { assets: number; units: number; earliest: number }>();
  for (const a of assets) {
    const f = families.get(a.family) ?? { assets: 0, units: 0, earliest: Infinity };
    f.assets += 1;
    f.units += a.quantity;
    f.earliest = Math.min(f.earliest, epochDay(a.endOfSupportAt));
    families.set(a.family, f);
  }
  const candidates = assets
    .filter((a) => epochDay(a.endOfSupportAt) >= epochDay(at) && epochDay(a.endOfSupportAt) <= horizon)
    .sort((a, b) => epochDay(a.endOfSupportAt) - epochDay(b.endOfSupportAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lastSaleByYou =
    assets
      .map((a) => a.purchasedAt)
      .filter((d) => compareDates(d, at) <= 0)
      .sort()
      .at(-1) ?? null;
  return { families, candidates, lastSaleByYou, units: assets.reduce((n, a) => n + a.quantity, 0) };
}

describe('bounded overview properties', () => {
  it('the eligibility decision from the summary and order facts equals the one from the full asset list', () => {
    fc.assert(
      fc.property(account, ({ at: drawn, sales, lines, pin }) => {
        const { orders, assets } = storeOf(sales);
        const at = dateOf(drawn, pin, assets);
        const facts = orderFacts(orders, at);
        const yours = assets.filter((a) => a.partnerId === 'you');
        const full = fromFullList(yours, at);
        // With the full list, "your last sale here" is read off your assets; the overview sends the order fact.
        const fromAssets = evaluateEligibility({
          program: PROGRAM,
          at,
          opportunity: { lines: lines.map((family) => ({ family })) },
          orders: { lastInfraOrderAt: facts.lastInfraOrderAt, lastInfraOrderByYouAt: full.lastSaleByYou },
        });
        const fromSummary = evaluateEligibility({
          program: PROGRAM,
          at,
          opportunity: { lines: lines.map((family) => ({ family })) },
          orders: facts,
        });
        expect(fromSummary).to.deep.equal(fromAssets);
      }),
      { numRuns: 300 },
    );
  });

  it('the summary shows the same families, totals and first refresh candidates as the full list', () => {
    fc.assert(
      fc.property(account, ({ at: drawn, sales, candidateLimit, pin }) => {
        const yours = storeOf(sales).assets.filter((a) => a.partnerId === 'you');
        const at = dateOf(drawn, pin, yours);
        const full = fromFullList(yours, at);
        const summary = summarizeInstalledBase(yours, at, PROGRAM, { candidateLimit });
        expect(summary.totalAssets).to.equal(yours.length);
        expect(summary.totalUnits).to.equal(full.units);
        expect(summary.families.map((f) => f.family).sort()).to.deep.equal([...full.families.keys()].sort());
        for (const f of summary.families) {
          const ref = full.families.get(f.family)!;
          expect([f.assets, f.units, epochDay(f.earliestEndOfSupportAt)]).to.deep.equal([ref.assets, ref.units, ref.earliest]);
        }
        expect(summary.refreshCandidatesTotal).to.equal(full.candidates.length);
        expect(summary.refreshCandidates.map((a) => a.id)).to.deep.equal(
          full.candidates.slice(0, candidateLimit).map((a) => a.id),
        );
        // Bounded: never more candidates than asked for, whatever the account's size.
        expect(summary.refreshCandidates.length).to.be.at.most(candidateLimit);
        for (const c of summary.refreshCandidates) expect(compareDates(c.endOfSupportAt, toIsoDate(at))).to.be.at.least(0);
      }),
      { numRuns: 300 },
    );
  });
});
