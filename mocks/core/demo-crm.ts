// The CRM side of each demo scenario (docs/program.md §6): the records a partner's CRM holds for that
// customer, as a host passes them to the panel. They are made from the same seeded deals as the
// vendor's (scenarios.ts), dated from the same anchor, so the two join in the demo: each deal the
// scenarios registered for a partner carries that partner's CRM id of it (crm-ids.ts). The CRM
// also holds what the vendor does not: closed deals, and a services line the catalogue lacks.
import type { CrmOpportunity, CrmOpportunityLine, CrmRecords } from '../../src/domain/crm.ts';
import type { IsoDate, IsoDateTime } from '../../src/domain/types.ts';
import { addMonths, daysBetween, toIsoDate } from '../../src/program/dates.ts';
import { crmAccountId, crmOpportunityId } from './crm-ids.ts';
import { DEMO_CUSTOMERS, type CustomerIdentifiers } from './customers.ts';
import { familiesOf, skuOf } from './families.ts';
import type { Store } from './model.ts';
import { SAMPLE_DEMO_CLOCK, SAMPLE_PROGRAM } from './sample-program.ts';
import { buildDemoStore, createIdSource, DEFAULT_SEED, DEMO_PARTNERS, type DemoAccountId } from './scenarios.ts';

export interface DemoCrmOptions {
  /** The date the scenarios are dated from (default: the sample demo clock), as the mock backend's `anchor`. */
  anchor?: IsoDateTime;
  /** Whose CRM: each partner's has its own ids (default alpha, the signed-in partner of the demo). */
  partner?: 'alpha' | 'beta';
}

/** Which identifiers each CRM holds: most the customer master's; two hold only a VAT number or a DUNS. */
const HELD_ONLY: Partial<Record<DemoAccountId, 'vatNumber' | 'duns'>> = {
  'acc-protected': 'vatNumber',
  'acc-installed': 'duns',
};

/** CRMs that do not know their lines' families (the vendor classifies every SKU anyway). */
const NO_FAMILIES: ReadonlySet<DemoAccountId> = new Set(['acc-dormant']);

/** Lines the CRM holds that the vendor does not sell: named in the vendor's `unknownSkus`. */
const SERVICES_LINES: Readonly<Record<string, CrmOpportunityLine[]>> = {
  'opp-nextgen-synergy': [{ sku: 'PS-DEPLOY-SYN', quantity: 1, description: 'Prestation de déploiement Synergy' }],
};

let cached: { anchor: IsoDateTime; store: Store } | undefined;

/** The demo store the scenarios seed from this anchor (the last one kept: a host asks for one date). */
function demoStore(anchor: IsoDateTime): Store {
  if (cached?.anchor !== anchor) {
    const store = buildDemoStore({
      anchor,
      program: SAMPLE_PROGRAM,
      seed: DEFAULT_SEED,
      partners: DEMO_PARTNERS,
      nextId: createIdSource(DEFAULT_SEED),
    });
    cached = { anchor, store };
  }
  return cached.store;
}

/** A stage as a Salesforce org names it, from how far the close date is. */
function stageOf(closeDate: IsoDate, today: IsoDate): string {
  const days = daysBetween(today, closeDate);
  return days <= 45 ? 'Negotiation/Review' : days <= 90 ? 'Proposal/Price Quote' : 'Qualification';
}

const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Deals the CRM closed before the scenarios' date: shown by the panel, never offered for registration. */
function closedDeals(account: DemoAccountId, today: IsoDate, key: (k: string) => string): CrmOpportunity[] {
  const fam = familiesOf(SAMPLE_PROGRAM);
  const line = (family: string, model: number, quantity: number): CrmOpportunityLine => ({
    sku: skuOf(family, model),
    family,
    quantity,
  });
  if (account === 'acc-installed') {
    // The sale five months ago that put the account in alpha's installed base.
    return [
      {
        id: key('won-headquarters'),
        name: 'Serveurs du siège, tranche 1',
        amount: { value: 96_000, currency: 'EUR' },
        closeDate: addMonths(today, -5),
        stage: 'Closed Won',
        closed: 'won',
        lines: [line(fam.classic(0), 380, 4), line(fam.classic(3), 5940, 2)],
      },
    ];
  }
  if (account === 'acc-dormant') {
    return [
      {
        id: key('lost-disk'),
        name: 'Extension du stockage sur disque',
        amount: { value: 38_000, currency: 'EUR' },
        closeDate: addMonths(today, -10),
        stage: 'Closed Lost',
        closed: 'lost',
        lines: [{ sku: skuOf(fam.classic(2), 2040), quantity: 1 }],
      },
    ];
  }
  return [];
}

/** A customer of the generated book (book-data.ts): `acc-book-001` to `acc-book-150`. */
export type BookCustomerId = `acc-book-${string}`;

export const isBookCustomer = (id: string): id is BookCustomerId => /^acc-book-\d{3}$/.test(id);

/**
 * A book customer's account in the partner's CRM: the deals the partner registered from it (a
 * registration carrying the CRM's id), under those ids, so the panel joins each to its registration;
 * a deal won or lost is closed in the CRM too. Deals registered outside the CRM are not in it.
 */
function bookCrmRecords(account: BookCustomerId, options: DemoCrmOptions): CrmRecords {
  const anchor = new Date(options.anchor ?? SAMPLE_DEMO_CLOCK).toISOString();
  const partner = options.partner ?? 'alpha';
  const today = toIsoDate(anchor);
  const store = demoStore(anchor);
  const vendor = store.accounts.get(account);
  if (!vendor?.siren) throw new RangeError(`no book customer ${account}`);
  const name = vendor.name.replace(` (${vendor.city})`, '');
  const opportunities: CrmOpportunity[] = [];
  const seen = new Set<string>();
  for (const reg of store.registrations.values()) {
    const opp = store.opportunities.get(reg.opportunityId);
    if (reg.partnerId !== partner || !reg.partnerOpportunityId || opp?.accountId !== account || seen.has(opp.id)) continue;
    seen.add(opp.id);
    const closed = reg.status === 'won' || reg.status === 'lost' ? reg.status : undefined;
    opportunities.push({
      id: reg.partnerOpportunityId,
      name: opp.name,
      amount: { ...opp.amount },
      closeDate: opp.closeDate,
      stage: closed === 'won' ? 'Closed Won' : closed === 'lost' ? 'Closed Lost' : stageOf(opp.closeDate, today),
      ...(closed ? { closed } : {}),
      lines: opp.lines.map((l) => ({ sku: l.sku, family: l.family, quantity: l.quantity })),
    });
  }
  const crmAccount: CrmRecords['account'] = {
    id: crmAccountId(partner, account),
    name,
    country: vendor.country,
    siren: vendor.siren,
  };
  return { account: crmAccount, opportunities };
}

/**
 * The records a partner's CRM holds for a demo customer: its Account (CRM id, name, country, the
 * identifiers) and its Opportunities (CRM ids, amounts, close dates, stages, lines with SKUs, and
 * families where the CRM knows them). acc-large holds 1,000 opportunities; acc-broken's records are
 * valid, the vendor's answers about it are not. Every call returns new objects: the host owns them.
 */
export function demoCrmRecords(account: DemoAccountId | BookCustomerId, options: DemoCrmOptions = {}): CrmRecords {
  if (isBookCustomer(account)) return bookCrmRecords(account, options);
  const anchor = new Date(options.anchor ?? SAMPLE_DEMO_CLOCK).toISOString();
  const partner = options.partner ?? 'alpha';
  const today = toIsoDate(anchor);
  const store = demoStore(anchor);
  const vendor = store.accounts.get(account);
  if (!vendor) throw new RangeError(`no demo account ${account}`);

  const ids: CustomerIdentifiers = DEMO_CUSTOMERS[account];
  const held = HELD_ONLY[account];
  const name = vendor.name.replace(` (${vendor.city})`, '');
  const crmAccount: CrmRecords['account'] = {
    id: crmAccountId(partner, account),
    name,
    country: vendor.country,
    ...(held === undefined ? ids : { [held]: ids[held] }),
    website: `https://www.${slug(name)}.fr`,
  };

  // acc-large's CRM knows the family of every other deal's lines.
  const withFamilies = (index: number) => !NO_FAMILIES.has(account) && (account !== 'acc-large' || index % 2 === 0);
  const opportunities: CrmOpportunity[] = [];
  for (const opp of store.opportunities.values()) {
    if (opp.accountId !== account) continue;
    const families = withFamilies(opportunities.length);
    opportunities.push({
      id: crmOpportunityId(partner, opp.id),
      name: opp.name,
      amount: { value: opp.amount.value, currency: opp.amount.currency },
      closeDate: opp.closeDate,
      stage: stageOf(opp.closeDate, today),
      lines: [
        ...opp.lines.map((l) =>
          families ? { sku: l.sku, family: l.family, quantity: l.quantity } : { sku: l.sku, quantity: l.quantity },
        ),
        ...(SERVICES_LINES[opp.id] ?? []).map((l) => ({ ...l })),
      ],
    });
  }
  opportunities.push(...closedDeals(account, today, (k) => crmOpportunityId(partner, `${account}#${k}`)));
  return { account: crmAccount, opportunities };
}
