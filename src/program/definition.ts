// The program is data: versioned rule sets with effective dates, and the terms of protection and quotes.
// Nothing in the engine hard-codes a date, a window or a product family; it reads them from here.
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import type { ProductGeneration, QualifyingBasis } from '../domain/status.ts';

export interface ProductFamily {
  id: string;
  /** Display names by locale; `en` is required. */
  label: { en: string; fr?: string };
  generation: ProductGeneration;
}

/** The eligibility rules in force from `effectiveFrom` until the next rule set takes over. */
export interface RuleSet {
  id: string;
  label: { en: string; fr?: string };
  effectiveFrom: IsoDate;
  /** Each basis qualifies a deal on its own (they are alternatives). */
  bases: QualifyingBasis[];
  /** Families that count as latest-generation technology under this rule set. */
  latestGenerationFamilies: string[];
  /** An account is dormant when nobody ordered vendor infrastructure there for at least this long. */
  dormancyMonths: number;
  /** The partner's own installed base: accounts where it sold vendor infrastructure this recently. */
  installedBaseMonths: number;
}

export interface ProtectionTerms {
  periodDays: number;
  extensionDays: number;
  maxExtensions: number;
  /**
   * An extension may be requested only with this many days or fewer left (its last day counts as 0).
   * The backend refuses earlier requests and the widgets offer the action from the same day on.
   */
  extensionWindowDays: number;
  expiringSoonDays: number;
  /** Rule 1: close dates within this many days may be the same opportunity. */
  sameOpportunityCloseDateDays: number;
}

export interface QuoteTerms {
  validityDays: number;
  /** Refresh candidates: installed-base assets whose end of support falls within this many months. */
  refreshHorizonMonths: number;
}

export interface ProgramDefinition {
  id: string;
  label: { en: string; fr?: string };
  families: ProductFamily[];
  ruleSets: RuleSet[];
  protection: ProtectionTerms;
  quote: QuoteTerms;
}

const LATEST_GENERATION = ['composable', 'flash-storage', 'hyperconverged'];

/** The sample program of docs/program.md: launch on 2016-09-01, installed-base extension on 2017-02-01. */
export const SAMPLE_PROGRAM: ProgramDefinition = {
  id: 'opportunity-protection',
  label: { en: 'Opportunity protection', fr: 'Protection des opportunités' },
  families: [
    {
      id: 'composable',
      label: { en: 'Composable infrastructure (Synergy)', fr: 'Infrastructure composable (Synergy)' },
      generation: 'latest',
    },
    { id: 'flash-storage', label: { en: 'Flash storage', fr: 'Stockage flash' }, generation: 'latest' },
    { id: 'hyperconverged', label: { en: 'Hyperconverged systems', fr: 'Systèmes hyperconvergés' }, generation: 'latest' },
    { id: 'rack-servers', label: { en: 'Rack servers', fr: 'Serveurs rack' }, generation: 'classic' },
    { id: 'tower-servers', label: { en: 'Tower servers', fr: 'Serveurs tour' }, generation: 'classic' },
    { id: 'disk-storage', label: { en: 'Disk storage', fr: 'Stockage sur disque' }, generation: 'classic' },
    { id: 'networking', label: { en: 'Networking', fr: 'Réseau' }, generation: 'classic' },
  ],
  ruleSets: [
    {
      id: 'launch',
      label: { en: 'Launch rules', fr: 'Règles de lancement' },
      effectiveFrom: '2016-09-01',
      bases: ['latest-generation', 'dormant-account'],
      latestGenerationFamilies: LATEST_GENERATION,
      dormancyMonths: 24,
      installedBaseMonths: 24,
    },
    {
      id: 'installed-base-extension',
      label: { en: 'Installed-base extension', fr: 'Extension à la base installée' },
      effectiveFrom: '2017-02-01',
      bases: ['latest-generation', 'dormant-account', 'installed-base'],
      latestGenerationFamilies: LATEST_GENERATION,
      dormancyMonths: 24,
      installedBaseMonths: 24,
    },
  ],
  protection: {
    periodDays: 90,
    extensionDays: 30,
    maxExtensions: 1,
    extensionWindowDays: 14,
    expiringSoonDays: 14,
    sameOpportunityCloseDateDays: 180,
  },
  quote: { validityDays: 30, refreshHorizonMonths: 12 },
};

/** The demo's default "today" (docs/program.md §6): just after the installed-base extension took effect. */
export const SAMPLE_DEMO_CLOCK: IsoDateTime = '2017-02-14T09:00:00Z';
