// The generated book (docs/book.md): Alpha's 400 deals over 135 generated customers, Beta's 60 over
// 15 more (and some attempts on Alpha's protected deals, rejected already-protected), every
// registration dated from the anchor and drawn from the seed (mulberry32: the same seed and anchor
// give the same book), in every state a registration can be in, so each view of the book has rows
// and Alpha's pages run several deep. Registrations and quotes go through the engine's lifecycle
// functions, as the scenarios' do. The customers have valid SIRENs and no order on record.
import type { IsoDate, IsoDateTime } from '../../src/domain/types.ts';
import { PRESALES_ACTIVITIES, type Actor } from '../../src/domain/status.ts';
import { canonicalSiren } from '../../src/program/customer-identifiers.ts';
import { addDays, daysBetween } from '../../src/program/dates.ts';
import {
  approveRegistration,
  extendProtection,
  rejectRegistration,
  submittedRegistration,
  transitionQuote,
  transitionRegistration,
} from '../../src/program/lifecycle.ts';
import { ruleSetInForce } from '../../src/program/rule-set.ts';
import { classifyLines } from './catalogue.ts';
import { crmOpportunityId } from './crm-ids.ts';
import { DEMO_CUSTOMERS } from './customers.ts';
import { familiesOf, skuOf } from './families.ts';
import type { InternalAccount, InternalOpportunity, InternalRegistration, Store } from './model.ts';
import { seedQuotedQuote, seedSubmittedQuote } from './pricing.ts';
import { mulberry32, pick, randomInt, type Random } from './prng.ts';
import type { ScenarioOptions } from './scenarios.ts';

export const BOOK_CUSTOMERS = 150;

type Fate = 'expiring' | 'protected' | 'action-required' | 'submitted' | 'rejected' | 'expired' | 'withdrawn' | 'won' | 'lost';

/** How many deals each partner's generated book holds, by how their registration stands on the anchor date. */
export const BOOK_PLAN: Readonly<Record<'alpha' | 'beta', Readonly<Record<Fate, number>>>> = {
  alpha: {
    expiring: 36,
    protected: 120,
    'action-required': 20,
    submitted: 34,
    rejected: 50,
    expired: 60,
    withdrawn: 20,
    won: 40,
    lost: 20,
  },
  beta: {
    expiring: 6,
    protected: 16,
    'action-required': 4,
    submitted: 6,
    rejected: 8,
    expired: 6,
    withdrawn: 2,
    won: 4,
    lost: 2,
  },
};
/** Beta's attempts on Alpha's protected deals, each rejected already-protected. */
const BETA_ATTEMPTS = 6;
/** Alpha's customers are the first ones; Beta's the rest. */
const ALPHA_CUSTOMERS = 135;

/** A list written on one line, `|` between its items. */
const words = (list: string): string[] => list.split('|');
const TRADES = words(
  'Laboratoires|Transports|Clinique|Groupe|Mutuelle|Imprimerie|Hôtel|Cabinet|Brasserie|Menuiserie|Fromagerie|Assurances|Ateliers|Institut|Coopérative|Éditions|Verrerie|Conserverie|Pépinières|Tanneries',
);
const NAMES = words(
  'Durand|Lefèvre|Moreau|Girard|Bonnet|Dupont|Lambert|Fontaine|Rousseau|Vincent|Mercier|Blanc|Guérin|Boyer|Garnier|Chevalier|Legrand|Gauthier|Perrin|Robin|Clément|Morin|Roussel|Mathieu|Noël|Lemaître|Bérenger|Faure|Ménard|Séverin',
);
const CITIES = words(
  'Angers|Annecy|Besançon|Brest|Caen|Chambéry|Dijon|Grenoble|Le Mans|Limoges|Nancy|Nîmes|Orléans|Poitiers|Reims|Rouen|Saint-Étienne|Tours|Troyes|Vannes',
);
const PROJECTS = words(
  "Renouvellement des serveurs|Stockage flash|Infrastructure hyperconvergée|Plateforme composable|Plan de reprise d'activité|Consolidation du stockage|Modernisation du réseau|Cluster de calcul|Sauvegarde et archivage|Bureaux virtuels",
);
const SITES = words("du siège|de l'usine|des agences|du centre de données|du site principal|des entrepôts|du laboratoire");
const REJECTIONS = [
  ['not-eligible'],
  ['missing-presales-activity'],
  ['not-eligible', 'missing-presales-activity'],
  ['opportunity-closed'],
];
/** SIRENs the docs and tests use for a customer the vendor has no record of. */
const RESERVED_SIRENS = new Set(['732829320', '404833048', '552100554', ...Object.values(DEMO_CUSTOMERS).map((c) => c.siren)]);

/** Eight random digits (the first from 3) and the Luhn check digit that makes them a SIREN. */
function sirenFrom(random: Random): string {
  const digits = [randomInt(random, 3, 9), ...Array.from({ length: 7 }, () => randomInt(random, 0, 9))];
  const sum = digits.reduce((total, d, i) => total + (i % 2 === 1 ? (2 * d > 9 ? 2 * d - 9 : 2 * d) : d), 0);
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
}

function customersOf(random: Random): InternalAccount[] {
  const names = new Set<string>();
  const sirens = new Set<string>(RESERVED_SIRENS);
  return Array.from({ length: BOOK_CUSTOMERS }, (_, i) => {
    let name: string;
    do name = `${pick(random, TRADES)} ${pick(random, NAMES)}`;
    while (names.has(name));
    names.add(name);
    let siren: string;
    do siren = sirenFrom(random);
    while (sirens.has(siren) || canonicalSiren(siren) !== siren);
    sirens.add(siren);
    const city = pick(random, CITIES);
    return { id: `acc-book-${String(i + 1).padStart(3, '0')}`, name: `${name} (${city})`, country: 'FR', city, siren };
  });
}

const at = (date: IsoDate, time = '10:30:00'): IsoDateTime => `${date}T${time}Z`;

/** Adds the generated book to the demo store: its customers, their deals, the registrations and quotes on them. */
export function seedBook(store: Store, o: ScenarioOptions, today: IsoDate): void {
  const random = mulberry32(o.seed ^ 0xb00c);
  const fam = familiesOf(o.program);
  const terms = o.program.protection;
  const validity = o.program.quote.validityDays;
  const customers = customersOf(random);
  for (const account of customers) store.accounts.set(account.id, account);
  let deals = 0;
  const alphaProtected: InternalRegistration[] = [];

  const deal = (account: InternalAccount, closeDate: IsoDate): InternalOpportunity => {
    deals += 1;
    const family = pick(random, fam.all);
    const lines = [{ family, sku: skuOf(family, randomInt(random, 100, 999)), quantity: randomInt(random, 1, 24) }];
    if (random() < 0.4)
      lines.push({ family: fam.classic(deals), sku: skuOf(fam.classic(deals), 380), quantity: randomInt(random, 1, 8) });
    const opp: InternalOpportunity = {
      id: `opp-book-${String(deals).padStart(4, '0')}`,
      accountId: account.id,
      name: `${pick(random, PROJECTS)} ${pick(random, SITES)}`,
      amount: { value: randomInt(random, 10, 900) * 1_000, currency: 'EUR' },
      closeDate,
      lines,
    };
    store.opportunities.set(opp.id, opp);
    return opp;
  };

  /** The partner's submission, from its CRM most of the time (then it carries the CRM's id and the deal's snapshot). */
  const submit = (partnerId: string, opp: InternalOpportunity, on: IsoDate, activities = true): InternalRegistration => {
    const submittedAt = at(on, '16:05:00');
    const presalesActivities = activities ? [pick(random, PRESALES_ACTIVITIES)] : [];
    const reg: InternalRegistration = {
      ...submittedRegistration({
        id: o.nextId('reg'),
        accountId: opp.accountId,
        opportunityId: opp.id,
        submittedAt,
        presalesActivities,
      }),
      partnerId,
    };
    const ruleSet = ruleSetInForce(o.program, submittedAt);
    if (ruleSet) reg.ruleSetId = ruleSet.id;
    if (random() < 0.85) {
      const { lines, unknownSkus } = classifyLines(o.program, opp.lines);
      reg.partnerOpportunityId = crmOpportunityId(partnerId, opp.id);
      reg.deal = { name: opp.name, amount: opp.amount, closeDate: opp.closeDate, lines };
      reg.unknownSkus = unknownSkus;
    }
    return reg;
  };
  const approve = (reg: InternalRegistration, on: IsoDate): InternalRegistration => ({
    ...approveRegistration(reg, { at: at(on), by: 'vendor' }, terms),
    partnerId: reg.partnerId,
  });
  const then = (reg: InternalRegistration, to: InternalRegistration['status'], on: IsoDate, by: Actor, reason?: string) => ({
    ...transitionRegistration(reg, to, { at: at(on, to === 'expired' ? '00:00:00' : '14:20:00'), by, reason }),
    partnerId: reg.partnerId,
  });

  /** A quote on an active protection, sometimes: priced and valid, pending, lapsed or declined. */
  const quoteOn = (reg: InternalRegistration, opp: InternalOpportunity, approvedOn: IsoDate): void => {
    const held = daysBetween(approvedOn, today);
    const draw = random();
    if (draw < 0.4) {
      const quotedOn = addDays(today, -randomInt(random, 0, Math.min(validity - 1, held)));
      seedQuotedQuote(store, o, reg, opp, addDays(quotedOn, -Math.min(2, daysBetween(approvedOn, quotedOn))), quotedOn);
    } else if (draw < 0.46) {
      // Awaiting the vendor's pricing for good: the demo's pending state.
      const quote = seedSubmittedQuote(o, reg, addDays(today, -Math.min(1, held)), Number.MAX_SAFE_INTEGER);
      store.quotes.set(quote.id, quote);
    } else if (draw < 0.52 && held > validity + 2) {
      const quoted = seedQuotedQuote(store, o, reg, opp, approvedOn, addDays(approvedOn, 1));
      const lapsed = transitionQuote(quoted, 'expired', { at: at(addDays(quoted.validUntil!, 1), '00:00:00'), by: 'system' });
      store.quotes.set(quoted.id, { ...quoted, ...lapsed });
    } else if (draw < 0.56) {
      const submitted = seedSubmittedQuote(o, reg, addDays(today, -randomInt(random, 0, Math.min(5, held))));
      const declined = transitionQuote(submitted, 'declined', {
        at: at(today, '08:00:00'),
        by: 'vendor',
        reason: 'pricing-unavailable',
      });
      store.quotes.set(submitted.id, { ...submitted, ...declined, reasons: ['pricing-unavailable'] });
    }
  };

  const registerAs = (partnerId: 'alpha' | 'beta', fate: Fate, account: InternalAccount): void => {
    const days = (min: number, max: number) => randomInt(random, min, max);
    let reg: InternalRegistration;
    if (fate === 'expiring' || fate === 'protected') {
      const left = fate === 'expiring' ? days(0, terms.expiringSoonDays) : days(terms.expiringSoonDays + 1, terms.periodDays);
      const extended = fate === 'expiring' && terms.maxExtensions > 0 && random() < 0.35;
      const approvedOn = addDays(today, left - terms.periodDays - (extended ? terms.extensionDays : 0));
      const opp = deal(account, addDays(today, left + days(15, 150)));
      reg = approve(submit(partnerId, opp, addDays(approvedOn, -days(1, 4))), approvedOn);
      if (extended) {
        const asked = addDays(reg.protectedUntil!, -days(1, terms.extensionWindowDays));
        reg = { ...extendProtection(reg, at(asked, '09:40:00'), terms), partnerId };
      }
      quoteOn(reg, opp, approvedOn);
      if (partnerId === 'alpha' && fate === 'protected') alphaProtected.push(reg);
    } else if (fate === 'submitted' || fate === 'action-required') {
      const on = addDays(today, fate === 'submitted' ? -days(0, 6) : -days(1, 20));
      reg = submit(partnerId, deal(account, addDays(today, days(20, 200))), on);
      if (fate === 'action-required') reg = then(reg, 'action-required', addDays(on, 1), 'vendor', 'details-requested');
    } else if (fate === 'rejected') {
      const reasons = pick(random, REJECTIONS);
      const on = addDays(today, -days(0, 90));
      const closeDate = reasons[0] === 'opportunity-closed' ? addDays(on, -days(1, 30)) : addDays(on, days(30, 200));
      const submitted = submit(partnerId, deal(account, closeDate), on, !reasons.includes('missing-presales-activity'));
      reg = { ...rejectRegistration(submitted, reasons, { at: submitted.submittedAt, by: 'vendor' }), partnerId };
    } else {
      // Closed after an approval: lapsed, withdrawn, won or lost, on a day before the anchor.
      const endedAgo = days(1, 150);
      const approvedOn = addDays(today, -endedAgo - (fate === 'expired' ? terms.periodDays : days(5, terms.periodDays - 1)));
      const opp = deal(account, addDays(today, fate === 'won' || fate === 'lost' ? -endedAgo : days(10, 150)));
      reg = approve(submit(partnerId, opp, addDays(approvedOn, -days(1, 4))), approvedOn);
      if (fate === 'expired') reg = then(reg, 'expired', addDays(reg.protectedUntil!, 1), 'system', 'protection-period-ended');
      else reg = then(reg, fate, addDays(today, -endedAgo), fate === 'withdrawn' ? 'partner' : 'vendor');
    }
    store.registrations.set(reg.id, reg);
  };

  for (const partnerId of ['alpha', 'beta'] as const) {
    const fates = Object.entries(BOOK_PLAN[partnerId]).flatMap(([fate, n]) => Array<Fate>(n).fill(fate as Fate));
    for (let i = fates.length - 1; i > 0; i -= 1) {
      const j = randomInt(random, 0, i);
      [fates[i], fates[j]] = [fates[j]!, fates[i]!];
    }
    const [first, count] = partnerId === 'alpha' ? [0, ALPHA_CUSTOMERS] : [ALPHA_CUSTOMERS, BOOK_CUSTOMERS - ALPHA_CUSTOMERS];
    // Every customer gets a deal before any gets a second.
    fates.forEach((fate, i) =>
      registerAs(partnerId, fate, customers[first + (i < count ? i : randomInt(random, 0, count - 1))]!),
    );
  }
  for (const held of alphaProtected.slice(0, BETA_ATTEMPTS)) {
    const opp = store.opportunities.get(held.opportunityId)!;
    const waited = Math.min(randomInt(random, 1, 10), daysBetween(held.approvedAt!, today));
    const attempt = submit('beta', opp, addDays(held.approvedAt!, waited));
    const rejected = {
      ...rejectRegistration(attempt, ['already-protected'], { at: attempt.submittedAt, by: 'vendor' }),
      partnerId: 'beta',
    };
    store.registrations.set(rejected.id, rejected);
  }
}
