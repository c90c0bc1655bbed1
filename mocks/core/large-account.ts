// acc-large: 1,000 opportunities and 10,000 installed-base assets from a seed, for the benchmarks
// and the bounded overview.
import type { InfraOrder, IsoDate } from '../../src/domain/types.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import { addDays, addMonths } from '../../src/program/dates.ts';
import { familiesOf, skuOf, SUPPORT_MONTHS } from './families.ts';
import type { InternalAsset, InternalOpportunity } from './model.ts';
import { mulberry32, pick, randomInt, type Random } from './prng.ts';

export const LARGE_OPPORTUNITIES = 1_000;
export const LARGE_ASSETS = 10_000;

const SITES = ['Blagnac', 'Colomiers', 'Labège', 'Muret', 'Castres', 'Albi', 'Montauban', 'Auch', 'Tarbes', 'Pau'];
const PROJECTS = ['Renouvellement', 'Extension', 'Consolidation', 'Migration', 'Plan de reprise', 'Modernisation'];

export interface LargeAccountData {
  opportunities: InternalOpportunity[];
  assets: InternalAsset[];
  orders: InfraOrder[];
}

/**
 * acc-large from a seed: the same seed and date give deep-equal data on every run
 * (mulberry32, no Math.random, no clock read).
 */
export function generateLargeAccount(seed: number, today: IsoDate, program: ProgramDefinition): LargeAccountData {
  const random: Random = mulberry32(seed);
  const fam = familiesOf(program);
  const accountId = 'acc-large';
  const opportunities: InternalOpportunity[] = [];
  for (let i = 1; i <= LARGE_OPPORTUNITIES; i += 1) {
    const lineCount = randomInt(random, 1, 3);
    const lines = Array.from({ length: lineCount }, () => {
      const family = pick(random, fam.all);
      return { family, sku: skuOf(family, randomInt(random, 100, 999)), quantity: randomInt(random, 1, 40) };
    });
    opportunities.push({
      id: `opp-large-${String(i).padStart(4, '0')}`,
      accountId,
      name: `${pick(random, PROJECTS)} — ${pick(random, SITES)} n° ${i}`,
      amount: { value: randomInt(random, 5, 900) * 1_000, currency: 'EUR' },
      closeDate: addDays(today, randomInt(random, 7, 360)),
      lines,
    });
  }
  const assets: InternalAsset[] = [];
  let lastSale: IsoDate | null = null;
  for (let i = 1; i <= LARGE_ASSETS; i += 1) {
    const family = pick(random, fam.all);
    const purchasedAt = addDays(today, -randomInt(random, 30, 6 * 365));
    if (lastSale === null || purchasedAt > lastSale) lastSale = purchasedAt;
    assets.push({
      id: `ast-large-${String(i).padStart(5, '0')}`,
      accountId,
      partnerId: 'alpha',
      family,
      generation: fam.generationOf(family),
      quantity: randomInt(random, 1, 24),
      purchasedAt,
      endOfSupportAt: addMonths(purchasedAt, SUPPORT_MONTHS),
    });
  }
  const orders: InfraOrder[] = [];
  if (lastSale !== null) {
    orders.push({ id: 'ord-large-alpha', accountId, partnerId: 'alpha', orderedAt: lastSale, families: [fam.classic(0)] });
  }
  return { opportunities, assets, orders };
}
