// What this partner sold at the account, summed by family, and which assets are due for a refresh.
import type { Asset, IsoDate, IsoDateTime } from '../domain/types.ts';
import type { ProductGeneration } from '../domain/status.ts';
import type { ProgramDefinition } from './definition.ts';
import { addMonths, toIsoDate } from './dates.ts';

export interface InstalledBaseFamily {
  family: string;
  generation: ProductGeneration;
  quantity: number;
  assets: number;
}

export interface InstalledBaseSummary {
  /** By quantity, largest first (ties by family id). */
  families: InstalledBaseFamily[];
  /** End of support within program.quote.refreshHorizonMonths after `at`, or already past; soonest first. */
  refreshCandidates: Asset[];
  totalQuantity: number;
}

export function summarizeInstalledBase(
  assets: readonly Asset[],
  at: IsoDate | IsoDateTime,
  program: ProgramDefinition,
): InstalledBaseSummary {
  const horizon = addMonths(at, program.quote.refreshHorizonMonths);
  const generations = new Map(program.families.map((f) => [f.id, f.generation] as const));
  const byFamily = new Map<string, InstalledBaseFamily>();
  const candidates: Array<{ asset: Asset; endOfSupport: IsoDate }> = [];
  let totalQuantity = 0;

  for (const asset of assets) {
    totalQuantity += asset.quantity;
    let entry = byFamily.get(asset.family);
    if (!entry) {
      entry = { family: asset.family, generation: generations.get(asset.family) ?? asset.generation, quantity: 0, assets: 0 };
      byFamily.set(asset.family, entry);
    }
    entry.quantity += asset.quantity;
    entry.assets += 1;
    // ISO calendar dates compare correctly as strings once normalised.
    const endOfSupport = toIsoDate(asset.endOfSupportAt);
    if (endOfSupport <= horizon) candidates.push({ asset, endOfSupport });
  }

  const families = [...byFamily.values()].sort((a, b) => b.quantity - a.quantity || a.family.localeCompare(b.family));
  candidates.sort((a, b) => (a.endOfSupport < b.endOfSupport ? -1 : a.endOfSupport > b.endOfSupport ? 1 : a.asset.id.localeCompare(b.asset.id)));
  return { families, refreshCandidates: candidates.map((c) => c.asset), totalQuantity };
}
