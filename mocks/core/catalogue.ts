// The vendor's product catalogue: what each SKU is (family, generation). The vendor classifies every
// line of a CRM deal here; the CRM's family is a hint at most, kept only for a SKU the catalogue lacks.
// It holds named products and, for each family of the program, a product series of model numbers
// (`RS-380`: rack servers, model 380), which is what the demo data's lines carry (families.ts).
import type { ClassifiedLine, DealLine } from '../../src/domain/deal.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import type { ProductGeneration } from '../../src/domain/status.ts';
import { seriesOf } from './families.ts';

export interface CatalogueEntry {
  sku: string;
  family: string;
  generation: ProductGeneration;
}

/** Named products of the sample program's families; one of a family the program lacks is left out. */
export const NAMED_PRODUCTS: ReadonlyArray<{ sku: string; family: string; description: string }> = [
  { sku: 'SY480-G10', family: 'composable', description: 'Synergy 480 Gen10 compute module' },
  { sku: 'SY660-G10', family: 'composable', description: 'Synergy 660 Gen10 compute module' },
  { sku: 'SY12000-FRM', family: 'composable', description: 'Synergy 12000 frame' },
  { sku: 'AF40-FLASH', family: 'flash-storage', description: 'All-flash array AF40' },
  { sku: 'HC380-4N', family: 'hyperconverged', description: 'Hyperconverged system 380, four nodes' },
  { sku: 'DL380-G10', family: 'rack-servers', description: 'Rack server DL380 Gen10' },
  { sku: 'DL360-G10', family: 'rack-servers', description: 'Rack server DL360 Gen10' },
  { sku: 'ML350-G10', family: 'tower-servers', description: 'Tower server ML350 Gen10' },
  { sku: 'MSA2050-SAN', family: 'disk-storage', description: 'Disk array MSA 2050 SAN' },
  { sku: 'FF5940-48G', family: 'networking', description: 'Switch 5940, 48 ports' },
];

/** A series' model numbers: 100 to 9999. */
const SERIES_SKU = /^([A-Z]+)-([1-9]\d{2,3})$/;

export interface Catalogue {
  /** The product a SKU names (compared trimmed, in capitals), or null when the vendor does not sell it. */
  lookup(sku: string): CatalogueEntry | null;
}

export interface Classification {
  lines: ClassifiedLine[];
  /** Each SKU the catalogue lacks, once, in the order of the lines. */
  unknownSkus: string[];
}

const catalogues = new WeakMap<ProgramDefinition, Catalogue>();

/** The catalogue of a program's families (made once per program). */
export function catalogueOf(program: ProgramDefinition): Catalogue {
  let catalogue = catalogues.get(program);
  if (catalogue) return catalogue;
  const generationOf = new Map(program.families.map((f) => [f.id, f.generation]));
  const named = new Map<string, CatalogueEntry>();
  for (const product of NAMED_PRODUCTS) {
    const generation = generationOf.get(product.family);
    if (generation !== undefined) named.set(product.sku, { sku: product.sku, family: product.family, generation });
  }
  // Two families with the same initials: the first in the program's order owns the series.
  const series = new Map<string, string>();
  for (const family of program.families) if (!series.has(seriesOf(family.id))) series.set(seriesOf(family.id), family.id);
  catalogue = {
    lookup(sku) {
      const key = sku.trim().toUpperCase();
      const found = named.get(key);
      if (found) return { ...found };
      const family = series.get(SERIES_SKU.exec(key)?.[1] ?? '');
      return family === undefined ? null : { sku: key, family, generation: generationOf.get(family)! };
    },
  };
  catalogues.set(program, catalogue);
  return catalogue;
}

/**
 * Each line as the vendor sees it. A SKU the catalogue lacks is listed in `unknownSkus`, never dropped;
 * its line keeps the CRM's family when that is a family of the program, and has none otherwise.
 */
export function classifyLines(program: ProgramDefinition, lines: readonly DealLine[]): Classification {
  const catalogue = catalogueOf(program);
  const unknownSkus: string[] = [];
  const classified = lines.map((line): ClassifiedLine => {
    const entry = catalogue.lookup(line.sku);
    if (entry) return { sku: line.sku, quantity: line.quantity, family: entry.family, generation: entry.generation };
    if (!unknownSkus.includes(line.sku)) unknownSkus.push(line.sku);
    const hinted = program.families.find((f) => f.id === line.family);
    return { sku: line.sku, quantity: line.quantity, family: hinted?.id ?? null, generation: hinted?.generation ?? null };
  });
  return { lines: classified, unknownSkus };
}

/** The lines a classification can place in a family: what eligibility and rule 1 read. */
export function placedLines(lines: readonly ClassifiedLine[]): Array<{ family: string; sku: string; quantity: number }> {
  const placed: Array<{ family: string; sku: string; quantity: number }> = [];
  for (const line of lines)
    if (line.family !== null) placed.push({ family: line.family, sku: line.sku, quantity: line.quantity });
  return placed;
}
