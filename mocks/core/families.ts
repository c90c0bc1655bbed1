// The demo data's product families, taken from the program definition by generation (never named
// here, so a modified program still seeds), and catalogue-like SKUs derived from them.
import type { ProductGeneration } from '../../src/domain/status.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';

/** End of support of a server or array, counted from its purchase. */
export const SUPPORT_MONTHS = 60;

export interface Families {
  latest: (i: number) => string;
  classic: (i: number) => string;
  generationOf: (family: string) => ProductGeneration;
  all: string[];
}

export function familiesOf(program: ProgramDefinition): Families {
  const latest = program.families.filter((f) => f.generation === 'latest').map((f) => f.id);
  const classic = program.families.filter((f) => f.generation === 'classic').map((f) => f.id);
  const byIndex = (list: string[], fallback: string[]) => (i: number) => {
    const source = list.length > 0 ? list : fallback;
    const family = source[i % source.length];
    if (family === undefined) throw new Error('the program defines no product family');
    return family;
  };
  const all = program.families.map((f) => f.id);
  return {
    latest: byIndex(latest, all),
    classic: byIndex(classic, all),
    generationOf: (family) => program.families.find((f) => f.id === family)?.generation ?? 'classic',
    all,
  };
}

/** The initials of a family id, a product series' prefix in the catalogue: 'rack-servers' → 'RS'. */
export function seriesOf(family: string): string {
  return family
    .split('-')
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

/** A SKU of the family's series (catalogue.ts knows the whole series): 'rack-servers', 380 → 'RS-380'. */
export function skuOf(family: string, model: number): string {
  return `${seriesOf(family)}-${model}`;
}
