// The program is data (docs/program.md §2): versioned rule sets with effective dates, and the terms
// of protection and quotes. The engine in src/program reads them; nothing there hard-codes a date, a
// window or a product family. The types are the domain's: every account overview carries a program.
import type { IsoDate } from './types.ts';
import type { ProductGeneration, QualifyingBasis } from './status.ts';

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
