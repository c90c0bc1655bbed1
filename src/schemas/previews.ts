// The deal previews of the REST contract (`POST /v1/accounts/{accountRef}/deal-previews`): for each
// CRM deal, its lines as the vendor classified them and the engine's decision, as data.
import * as v from './check.ts';
import type { DealPreviews } from '../domain/deal.ts';
import type { EligibilityDecision, EligibilityHint } from '../domain/eligibility.ts';
import { count, isoDate, isoDateTime, nonEmptyString, qualifyingBasis } from './primitives.ts';
import { ClassifiedLineSchema, QuoteRequestSchema, RegistrationSchema } from './records.ts';

const families = v.array(v.string());

/** Each hint's fields beside its code (src/domain/eligibility.ts). */
const HINTS: Record<EligibilityHint['code'], v.Schema<unknown>> = {
  'program-not-started': v.object({ effectiveFrom: isoDate }),
  'qualifies-latest-generation': v.object({ families }),
  'qualifies-new-account': v.object({}),
  'qualifies-dormant-account': v.object({ lastOrderAt: isoDate, months: count }),
  'qualifies-installed-base': v.object({ lastOrderByYouAt: isoDate, months: count, until: isoDate }),
  'add-latest-generation-line': v.object({ families }),
  'account-not-dormant': v.object({ lastOrderAt: isoDate, months: count, dormantFrom: isoDate }),
  'not-installed-base': v.object({ lastOrderByYouAt: v.nullable(isoDate), months: count }),
  'eligible-from-rule-set': v.object({ ruleSetId: v.string(), effectiveFrom: isoDate, basis: v.array(qualifyingBasis) }),
  'ineligible-from-rule-set': v.object({ ruleSetId: v.string(), effectiveFrom: isoDate }),
};

const HintCode = v.object({ code: v.picklist(Object.keys(HINTS) as Array<EligibilityHint['code']>) });

/** A hint: its code first, then the fields that code carries. */
export const EligibilityHintSchema: v.Schema<EligibilityHint> = {
  run: (input, path) => {
    const { code } = HintCode.run(input, path);
    return { code, ...(HINTS[code].run(input, path) as object) } as EligibilityHint;
  },
};

export const EligibilityDecisionSchema = v.object({
  eligible: v.boolean(),
  at: isoDate,
  ruleSetId: v.nullable(v.string()),
  basis: v.array(qualifyingBasis),
  hints: v.array(EligibilityHintSchema),
});

export const DealPreviewSchema = v.object({
  partnerOpportunityId: nonEmptyString,
  lines: v.array(ClassifiedLineSchema),
  unknownSkus: v.array(v.string()),
  eligibility: EligibilityDecisionSchema,
  protectedByAnotherPartner: v.boolean(),
  registration: v.nullable(RegistrationSchema),
  quote: v.nullable(QuoteRequestSchema),
});

export const DealPreviewsSchema = v.object({
  asOf: isoDateTime,
  previews: v.array(DealPreviewSchema),
});

// Compile-time guards: each schema's output is assignable to its domain type.
const _decision: (x: v.InferOutput<typeof EligibilityDecisionSchema>) => EligibilityDecision = (x) => x;
const _previews: (x: v.InferOutput<typeof DealPreviewsSchema>) => DealPreviews = (x) => x;
