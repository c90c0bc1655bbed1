// What this partner sold at the account, summed by family, and which assets are due for a refresh.
import type { Asset, IsoDate, IsoDateTime } from '../domain/types.ts';
import type { ProductGeneration } from '../domain/status.ts';
import type { ProgramDefinition } from './definition.ts';
import { addMonths, epochDay } from './dates.ts';

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

// Ids and ISO dates order by code point; localeCompare would cost a collator call per comparison.
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function summarizeInstalledBase(
  assets: readonly Asset[],
  at: IsoDate | IsoDateTime,
  program: ProgramDefinition,
): InstalledBaseSummary {
  const horizon = epochDay(addMonths(at, program.quote.refreshHorizonMonths));
  const generations = new Map(program.families.map((f) => [f.id, f.generation] as const));
  const byFamily = new Map<string, InstalledBaseFamily>();
  const candidates: Array<{ asset: Asset; endOfSupport: number }> = [];
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
    const endOfSupport = epochDay(asset.endOfSupportAt);
    if (endOfSupport <= horizon) candidates.push({ asset, endOfSupport });
  }

  const families = [...byFamily.values()].sort((a, b) => b.quantity - a.quantity || byCodePoint(a.family, b.family));
  candidates.sort((a, b) => a.endOfSupport - b.endOfSupport || byCodePoint(a.asset.id, b.asset.id));
  return { families, refreshCandidates: candidates.map((c) => c.asset), totalQuantity };
}
