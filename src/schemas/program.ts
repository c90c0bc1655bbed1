// The program definition as the overview carries it (see src/domain/program.ts).
import * as v from './check.ts';
import type { ProgramDefinition } from '../domain/program.ts';
import { count, isoDate, localizedLabel, nonEmptyString, productGeneration, qualifyingBasis } from './primitives.ts';

export const ProductFamilySchema = v.object({
  id: nonEmptyString,
  label: localizedLabel,
  generation: productGeneration,
});

export const RuleSetSchema = v.object({
  id: nonEmptyString,
  label: localizedLabel,
  effectiveFrom: isoDate,
  bases: v.array(qualifyingBasis),
  latestGenerationFamilies: v.array(v.string()),
  dormancyMonths: count,
  installedBaseMonths: count,
});

export const ProtectionTermsSchema = v.object({
  periodDays: count,
  extensionDays: count,
  maxExtensions: count,
  extensionWindowDays: count,
  expiringSoonDays: count,
  sameOpportunityCloseDateDays: count,
});

export const QuoteTermsSchema = v.object({
  validityDays: count,
  refreshHorizonMonths: count,
});

export const ProgramDefinitionSchema = v.object({
  id: nonEmptyString,
  label: localizedLabel,
  families: v.array(ProductFamilySchema),
  ruleSets: v.array(RuleSetSchema),
  protection: ProtectionTermsSchema,
  quote: QuoteTermsSchema,
});

// Compile-time guard: the schema's output is the domain type.
const _program: (x: v.InferOutput<typeof ProgramDefinitionSchema>) => ProgramDefinition = (x) => x;
