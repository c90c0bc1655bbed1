// The records of the REST contract: registrations, quote requests and the one-round-trip account overview.
import * as v from './check.ts';
import { OPPORTUNITY_STATES } from '../domain/status.ts';
import type { AccountOverview, OpportunityPage, QuoteRequest, Registration } from '../domain/types.ts';
import {
  actor,
  count,
  currency,
  finiteNumber,
  isoDate,
  isoDateTime,
  nonEmptyString,
  presalesActivity,
  productGeneration,
  quoteStatus,
  registrationStatus,
} from './primitives.ts';
import { ProgramDefinitionSchema } from './program.ts';

export const RegistrationStatusChangeSchema = v.object({
  from: v.nullable(registrationStatus),
  to: registrationStatus,
  at: isoDateTime,
  by: actor,
  reason: v.optional(v.string()),
});

export const QuoteStatusChangeSchema = v.object({
  from: v.nullable(quoteStatus),
  to: quoteStatus,
  at: isoDateTime,
  by: actor,
  reason: v.optional(v.string()),
});

export const MoneySchema = v.object({ value: finiteNumber, currency });

/** A deal's line as the vendor classified it: no family and no generation for a SKU it does not know. */
export const ClassifiedLineSchema = v.object({
  sku: v.string(),
  quantity: count,
  family: v.nullable(nonEmptyString),
  generation: v.nullable(productGeneration),
});

export const DealSnapshotSchema = v.object({
  name: v.string(),
  amount: MoneySchema,
  closeDate: isoDate,
  lines: v.array(ClassifiedLineSchema),
});

export const RegistrationSchema = v.object({
  id: nonEmptyString,
  accountId: nonEmptyString,
  opportunityId: nonEmptyString,
  status: registrationStatus,
  submittedAt: isoDateTime,
  approvedAt: v.optional(isoDateTime),
  protectedUntil: v.optional(isoDate),
  reasons: v.array(v.string()),
  history: v.array(RegistrationStatusChangeSchema),
  extensionsUsed: count,
  presalesActivities: v.array(presalesActivity),
  note: v.optional(v.string()),
  ruleSetId: v.optional(v.string()),
  partnerOpportunityId: v.optional(nonEmptyString),
  deal: v.optional(DealSnapshotSchema),
  unknownSkus: v.optional(v.array(v.string())),
});

export const QuoteRequestSchema = v.object({
  id: nonEmptyString,
  registrationId: nonEmptyString,
  status: quoteStatus,
  requestedAt: isoDateTime,
  listPrice: v.optional(finiteNumber),
  discountPercent: v.optional(v.pipe(finiteNumber, v.minValue(0), v.maxValue(100))),
  netPrice: v.optional(finiteNumber),
  currency: v.optional(currency),
  validUntil: v.optional(isoDate),
  reasons: v.optional(v.array(v.string())),
  history: v.optional(v.array(QuoteStatusChangeSchema)),
});

export const AssetSchema = v.object({
  id: nonEmptyString,
  family: nonEmptyString,
  generation: productGeneration,
  quantity: count,
  purchasedAt: isoDate,
  endOfSupportAt: isoDate,
});

export const OpportunityLineSchema = v.object({
  family: nonEmptyString,
  sku: v.string(),
  quantity: count,
});

export const OpportunitySchema = v.object({
  id: nonEmptyString,
  name: v.string(),
  amount: MoneySchema,
  closeDate: isoDate,
  lines: v.array(OpportunityLineSchema),
  protectedByAnotherPartner: v.boolean(),
});

export const InstalledBaseFamilySchema = v.object({
  family: nonEmptyString,
  generation: productGeneration,
  assets: count,
  units: count,
  earliestEndOfSupportAt: isoDate,
});

export const InstalledBaseSummarySchema = v.object({
  families: v.array(InstalledBaseFamilySchema),
  totalAssets: count,
  totalUnits: count,
  refreshCandidates: v.array(AssetSchema),
  refreshCandidatesTotal: count,
});

/** Every state is present, each a count; the total is their sum (checked: a summary line must add up). */
export const OpportunityCountsSchema = v.pipe(
  v.object({
    total: count,
    byState: v.object(
      Object.fromEntries(OPPORTUNITY_STATES.map((s) => [s, count])) as {
        [K in (typeof OPPORTUNITY_STATES)[number]]: typeof count;
      },
    ),
  }),
  v.check(
    (c) => Object.values(c.byState).reduce((sum, n) => sum + n, 0) === c.total,
    'the counts per state do not add up to the total',
  ),
);

const pageEntries = {
  opportunities: v.array(OpportunitySchema),
  registrations: v.array(RegistrationSchema),
  quotes: v.array(QuoteRequestSchema),
  nextCursor: v.nullable(nonEmptyString),
};

export const OpportunityPageSchema = v.object(pageEntries);

export const AccountOverviewSchema = v.object({
  asOf: isoDateTime,
  partner: v.object({ id: nonEmptyString, name: v.string() }),
  account: v.object({ id: nonEmptyString, name: v.string(), country: v.string() }),
  orders: v.object({ lastInfraOrderAt: v.nullable(isoDate), lastInfraOrderByYouAt: v.nullable(isoDate) }),
  installedBase: InstalledBaseSummarySchema,
  opportunityCounts: OpportunityCountsSchema,
  ...pageEntries,
  program: ProgramDefinitionSchema,
});

// Compile-time guards: each schema's output is assignable to its domain type.
const _registration: (x: v.InferOutput<typeof RegistrationSchema>) => Registration = (x) => x;
const _quote: (x: v.InferOutput<typeof QuoteRequestSchema>) => QuoteRequest = (x) => x;
const _overview: (x: v.InferOutput<typeof AccountOverviewSchema>) => AccountOverview = (x) => x;
const _page: (x: v.InferOutput<typeof OpportunityPageSchema>) => OpportunityPage = (x) => x;
