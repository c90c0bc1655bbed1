// The demo scenarios of docs/program.md §6, dated relative to an anchor date (the mock's clock unless
// the backend is given a fixed anchor). Families are taken from the program definition by
// generation (never named here), so a modified program still seeds.
// Registrations go through the engine's lifecycle functions, exactly like live ones.
import type { InfraOrder, IsoDate, IsoDateTime } from '../../src/domain/types.ts';
import type { PresalesActivity } from '../../src/domain/status.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import { addDays, addMonths, toIsoDate } from '../../src/program/dates.ts';
import { approveRegistration, submittedRegistration } from '../../src/program/lifecycle.ts';
import { ruleSetInForce } from '../../src/program/rule-set.ts';
import type { InternalAccount, InternalOpportunity, InternalRegistration, Partner, Store } from './model.ts';
import { seedQuotedQuote } from './pricing.ts';
import { mulberry32 } from './prng.ts';
import { familiesOf, skuOf, SUPPORT_MONTHS } from './families.ts';
import { generateLargeAccount } from './large-account.ts';
import { seedBook } from './book-data.ts';
import { classifyLines } from './catalogue.ts';
import { crmOpportunityId } from './crm-ids.ts';
import { DEMO_CUSTOMERS, type CustomerIdentifiers } from './customers.ts';

export { generateLargeAccount, LARGE_ASSETS, LARGE_OPPORTUNITIES, type LargeAccountData } from './large-account.ts';
export { netPriceOf, protectedDiscountPercent } from './pricing.ts';
export { BOOK_CUSTOMERS, BOOK_PLAN } from './book-data.ts';

export const DEMO_PARTNERS: readonly Partner[] = [
  { id: 'alpha', name: 'Alpha Systèmes', token: 'demo-alpha' },
  { id: 'beta', name: 'Beta Intégration', token: 'demo-beta' },
];

export const DEMO_ACCOUNT_IDS = [
  'acc-nextgen',
  'acc-dormant',
  'acc-installed',
  'acc-other-installed',
  'acc-conflict',
  'acc-protected',
  'acc-expiring',
  'acc-quoted',
  'acc-empty',
  'acc-large',
  'acc-broken',
] as const;
export type DemoAccountId = (typeof DEMO_ACCOUNT_IDS)[number];

export const DEFAULT_SEED = 20170214;

/** Ids that look opaque and reveal nothing (no partner, no counter), yet repeat for the same seed. */
export function createIdSource(seed: number): (prefix: string) => string {
  const random = mulberry32(seed ^ 0x5eed1d);
  const used = new Set<string>();
  return (prefix) => {
    for (;;) {
      const id = `${prefix}-${Math.floor(random() * 0xffffffff)
        .toString(16)
        .padStart(8, '0')}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

export interface ScenarioOptions {
  /** The date every seeded record is dated from ("60 days left" counts from it). */
  anchor: IsoDateTime;
  program: ProgramDefinition;
  seed: number;
  partners: readonly Partner[];
  nextId: (prefix: string) => string;
}

const at = (date: IsoDate, time = '10:30:00'): IsoDateTime => `${date}T${time}Z`;

/** Builds the whole demo store. Pure apart from the id source it is given. */
export function buildDemoStore(o: ScenarioOptions): Store {
  const today = toIsoDate(o.anchor);
  const fam = familiesOf(o.program);
  const store: Store = {
    partners: [...o.partners],
    accounts: new Map(),
    orders: [],
    assets: [],
    opportunities: new Map(),
    registrations: new Map(),
    quotes: new Map(),
  };
  const monthsAgo = (m: number): IsoDate => addMonths(today, -m);
  const daysFromNow = (d: number): IsoDate => addDays(today, d);

  const customers: Readonly<Record<string, CustomerIdentifiers>> = DEMO_CUSTOMERS;
  const account = (id: string, name: string, city: string, extra: Partial<InternalAccount> = {}) => {
    store.accounts.set(id, { id, name: `${name} (${city})`, country: 'FR', city, ...customers[id], ...extra });
  };
  const order = (accountId: string, partnerId: string, orderedAt: IsoDate, families: string[]) => {
    const o2: InfraOrder = { id: o.nextId('ord'), accountId, partnerId, orderedAt, families };
    store.orders.push(o2);
  };
  const asset = (accountId: string, partnerId: string, family: string, quantity: number, purchasedAt: IsoDate) => {
    store.assets.push({
      id: o.nextId('ast'),
      accountId,
      partnerId,
      family,
      generation: fam.generationOf(family),
      quantity,
      purchasedAt,
      endOfSupportAt: addMonths(purchasedAt, SUPPORT_MONTHS),
    });
  };
  /** An order and the assets it delivered. */
  const sale = (accountId: string, partnerId: string, when: IsoDate, items: Array<[family: string, qty: number]>) => {
    order(accountId, partnerId, when, [...new Set(items.map(([f]) => f))]);
    for (const [family, qty] of items) asset(accountId, partnerId, family, qty, when);
  };
  const opportunity = (
    accountId: string,
    id: string,
    name: string,
    amount: number,
    closeInDays: number,
    lines: Array<[family: string, model: number, quantity: number]>,
  ): InternalOpportunity => {
    const opp: InternalOpportunity = {
      id,
      accountId,
      name,
      amount: { value: amount, currency: 'EUR' },
      closeDate: daysFromNow(closeInDays),
      lines: lines.map(([family, model, quantity]) => ({ family, sku: skuOf(family, model), quantity })),
    };
    store.opportunities.set(id, opp);
    return opp;
  };
  /**
   * An approved registration whose protection has `daysLeft` days to run on the anchor date, made
   * from the partner's CRM (demo-crm.ts): it carries the CRM's id of the deal and its snapshot.
   */
  const approved = (
    partnerId: string,
    opp: InternalOpportunity,
    daysLeft: number,
    presalesActivities: PresalesActivity[],
  ): InternalRegistration => {
    const approvedOn = addDays(today, daysLeft - o.program.protection.periodDays);
    const submittedAt = at(addDays(approvedOn, -1), '16:05:00');
    const submitted = submittedRegistration({
      id: o.nextId('reg'),
      accountId: opp.accountId,
      opportunityId: opp.id,
      submittedAt,
      presalesActivities,
    });
    const ruleSet = ruleSetInForce(o.program, submittedAt);
    if (ruleSet) submitted.ruleSetId = ruleSet.id;
    const { lines, unknownSkus } = classifyLines(o.program, opp.lines);
    const { name, amount, closeDate } = opp;
    const deal = {
      partnerOpportunityId: crmOpportunityId(partnerId, opp.id),
      deal: { name, amount, closeDate, lines },
      unknownSkus,
    };
    const reg = {
      ...approveRegistration(submitted, { at: at(approvedOn), by: 'vendor' }, o.program.protection),
      ...deal,
      partnerId,
    };
    store.registrations.set(reg.id, reg);
    return reg;
  };

  // acc-nextgen — beta's installed base; an open deal with a composable (Synergy) line.
  account('acc-nextgen', 'Laboratoires Vernier', 'Lyon');
  sale('acc-nextgen', 'beta', monthsAgo(14), [
    [fam.classic(0), 12],
    [fam.classic(3), 4],
  ]);
  sale('acc-nextgen', 'beta', monthsAgo(8), [[fam.classic(2), 2]]);
  opportunity('acc-nextgen', 'opp-nextgen-synergy', 'Plateforme composable du site de Gerland', 480_000, 75, [
    [fam.latest(0), 480, 4],
    [fam.classic(3), 5940, 2],
  ]);

  // acc-dormant — last vendor infrastructure order well past the dormancy window (30 months with the sample program).
  const dormancy = (ruleSetInForce(o.program, today) ?? o.program.ruleSets.at(-1))?.dormancyMonths ?? 0;
  account('acc-dormant', "Papeteries de l'Aubrac", 'Rodez');
  sale('acc-dormant', 'beta', monthsAgo(dormancy + 6), [[fam.classic(2), 1]]);
  order('acc-dormant', 'vendor-direct', monthsAgo(dormancy + 16), [fam.classic(0)]);
  opportunity('acc-dormant', 'opp-dormant-storage', 'Renouvellement du stockage de production', 95_000, 60, [
    [fam.classic(2), 2040, 2],
  ]);

  // acc-installed — alpha sold servers here 5 and 11 months ago (and older ones now near end of support).
  account('acc-installed', 'Transports Morel', 'Nantes');
  sale('acc-installed', 'alpha', monthsAgo(54), [[fam.classic(0), 6]]);
  sale('acc-installed', 'alpha', monthsAgo(11), [[fam.classic(0), 8]]);
  sale('acc-installed', 'alpha', monthsAgo(5), [
    [fam.classic(0), 4],
    [fam.classic(3), 2],
  ]);
  opportunity('acc-installed', 'opp-installed-refresh', 'Renouvellement des serveurs du siège', 210_000, 90, [
    [fam.classic(0), 380, 10],
  ]);

  // acc-other-installed — beta sold here 6 months ago; a classic deal.
  account('acc-other-installed', 'Clinique Saint-Roch', 'Montpellier');
  sale('acc-other-installed', 'beta', monthsAgo(6), [[fam.classic(1), 6]]);
  opportunity('acc-other-installed', 'opp-other-towers', 'Serveurs tour pour les cabinets de radiologie', 64_000, 45, [
    [fam.classic(1), 350, 8],
    [fam.classic(3), 2930, 3],
  ]);

  // acc-conflict — beta holds an approved protection on the deal.
  account('acc-conflict', 'Groupe Hospitalier Lemoine', 'Lille');
  order('acc-conflict', 'vendor-direct', monthsAgo(9), [fam.classic(2)]);
  const conflictDeal = opportunity('acc-conflict', 'opp-conflict-flash', "Baie flash pour l'imagerie médicale", 265_000, 100, [
    [fam.latest(1), 8200, 1],
  ]);
  approved('beta', conflictDeal, 70, ['workshop', 'sizing']);

  // acc-protected — alpha holds an approved protection with 60 days left.
  account('acc-protected', 'Mutuelle Atlantique', 'La Rochelle');
  const protectedDeal = opportunity(
    'acc-protected',
    'opp-protected-hci',
    'Infrastructure hyperconvergée des agences',
    160_000,
    80,
    [[fam.latest(2), 380, 6]],
  );
  approved('alpha', protectedDeal, 60, ['proof-of-concept']);

  // acc-expiring — alpha's protection ends in 5 days; its extension is still available.
  account('acc-expiring', 'Banque Rhodanienne', 'Valence');
  const expiringDeal = opportunity('acc-expiring', 'opp-expiring-composable', 'Modernisation du centre de données', 390_000, 40, [
    [fam.latest(0), 480, 3],
    [fam.classic(0), 380, 6],
  ]);
  approved('alpha', expiringDeal, 5, ['workshop', 'architecture-design']);

  // acc-quoted — alpha holds a protection and a quoted restricted price.
  account('acc-quoted', 'Coopérative Agricole du Berry', 'Bourges');
  const quotedDeal = opportunity('acc-quoted', 'opp-quoted-flash', 'Stockage flash pour la plateforme logistique', 320_000, 55, [
    [fam.latest(1), 8400, 2],
  ]);
  const quotedReg = approved('alpha', quotedDeal, 45, ['sizing', 'demo']);
  seedQuotedQuote(store, o, quotedReg, quotedDeal, addDays(today, -4), addDays(today, -3));

  // acc-empty — a new logo: no orders, no deals.
  account('acc-empty', 'Studio Lumière Numérique', 'Marseille');

  // acc-large — 1,000 opportunities and 10,000 alpha assets, from the seed.
  account('acc-large', 'Distribution Garonne', 'Toulouse');
  const large = generateLargeAccount(o.seed, today, o.program);
  for (const opp of large.opportunities) store.opportunities.set(opp.id, opp);
  store.assets.push(...large.assets);
  store.orders.push(...large.orders);

  // acc-broken — the backend answers this account's overview with a malformed payload.
  account('acc-broken', 'Fonderies de Lorraine', 'Metz', { malformed: true });
  opportunity('acc-broken', 'opp-broken-network', 'Cœur de réseau des ateliers', 52_000, 30, [[fam.classic(3), 5940, 4]]);

  // The partners' books beyond these accounts: 150 generated customers, Alpha's 400 deals and Beta's 60 (book-data.ts).
  seedBook(store, o, today);

  return store;
}
