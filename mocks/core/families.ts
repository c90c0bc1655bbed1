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

/** A catalogue-like SKU derived from the family id: 'rack-servers' → 'RS-380'. */
export function skuOf(family: string, model: number): string {
  const initials = family
    .split('-')
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
  return `${initials}-${model}`;
}
