// What this partner sold at the account, summarised per family, and which assets are due for a
// refresh. The overview carries this summary, never the asset list: its size follows the number of
// families and a bounded list of candidates, not the size of the account.
import type { Asset, InstalledBaseFamily, InstalledBaseSummary, IsoDate, IsoDateTime } from '../domain/types.ts';
import type { ProgramDefinition } from '../domain/program.ts';
import { addMonths, epochDay, toIsoDate } from './dates.ts';

/** Refresh candidates the overview carries at most (the exact count travels beside them). */
export const REFRESH_CANDIDATES_MAX = 10;

export interface SummaryOptions {
  /** How many refresh candidates to keep (default REFRESH_CANDIDATES_MAX). */
  candidateLimit?: number;
}

// Ids and ISO dates order by code point; localeCompare would cost a collator call per comparison.
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sums the assets per family (units largest first, ties by family id) and picks the refresh
 * candidates: assets still supported at `at` (support runs through its end date) whose end of
 * support falls within the program's refresh horizon, soonest first (ties by asset id). Pure; `at`
 * is the server's date.
 */
export function summarizeInstalledBase(
  assets: Iterable<Asset>,
  at: IsoDate | IsoDateTime,
  program: ProgramDefinition,
  options: SummaryOptions = {},
): InstalledBaseSummary {
  const limit = Math.max(0, options.candidateLimit ?? REFRESH_CANDIDATES_MAX);
  const today = epochDay(at);
  const horizon = epochDay(addMonths(at, program.quote.refreshHorizonMonths));
  const generations = new Map(program.families.map((f) => [f.id, f.generation] as const));
  const byFamily = new Map<string, { family: InstalledBaseFamily; earliest: number }>();
  const candidates: Array<{ asset: Asset; endOfSupport: number }> = [];
  let totalAssets = 0;
  let totalUnits = 0;

  for (const asset of assets) {
    totalAssets += 1;
    totalUnits += asset.quantity;
    const endOfSupport = epochDay(asset.endOfSupportAt);
    let entry = byFamily.get(asset.family);
    if (!entry) {
      const family: InstalledBaseFamily = {
        family: asset.family,
        generation: generations.get(asset.family) ?? asset.generation,
        assets: 0,
        units: 0,
        earliestEndOfSupportAt: toIsoDate(asset.endOfSupportAt),
      };
      entry = { family, earliest: endOfSupport };
      byFamily.set(asset.family, entry);
    }
    entry.family.assets += 1;
    entry.family.units += asset.quantity;
    if (endOfSupport < entry.earliest) {
      entry.earliest = endOfSupport;
      entry.family.earliestEndOfSupportAt = toIsoDate(asset.endOfSupportAt);
    }
    if (endOfSupport >= today && endOfSupport <= horizon) candidates.push({ asset, endOfSupport });
  }

  const families = [...byFamily.values()]
    .map((entry) => entry.family)
    .sort((a, b) => b.units - a.units || byCodePoint(a.family, b.family));
  candidates.sort((a, b) => a.endOfSupport - b.endOfSupport || byCodePoint(a.asset.id, b.asset.id));
  return {
    families,
    totalAssets,
    totalUnits,
    refreshCandidates: candidates.slice(0, limit).map(({ asset }) => ({
      id: asset.id,
      family: asset.family,
      generation: asset.generation,
      quantity: asset.quantity,
      purchasedAt: asset.purchasedAt,
      endOfSupportAt: asset.endOfSupportAt,
    })),
    refreshCandidatesTotal: candidates.length,
  };
}

/** An empty installed base (a partner that never sold here). */
export function emptyInstalledBase(): InstalledBaseSummary {
  return { families: [], totalAssets: 0, totalUnits: 0, refreshCandidates: [], refreshCandidatesTotal: 0 };
}
