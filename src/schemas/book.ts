// The rep's book (`GET /v1/registrations`): a page of rows as the adapters accept it. In the HTTP
// adapter it comes with the book's own chunk (src/adapters/http-book.ts), loaded on the first call.
import * as v from './check.ts';
import type { BookPage } from '../domain/book.ts';
import { BOOK_VIEWS } from '../domain/status.ts';
import type { ExtensionStanding } from '../program/protection.ts';
import { count, isoDate, isoDateTime, nonEmptyString, quoteStatus, registrationStatus } from './primitives.ts';
import { ProtectionTermsSchema } from './program.ts';
import { MoneySchema } from './records.ts';
import { parseWith } from './parse.ts';

/** Each extension state's fields beside it (src/program/protection.ts). */
const EXTENSION_FIELDS: Record<ExtensionStanding['state'], v.Schema<unknown>> = {
  none: v.object({}),
  opens: v.object({ from: isoDate, until: isoDate }),
  open: v.object({ until: isoDate }),
  used: v.object({ finalUntil: isoDate }),
};
const ExtensionState = v.object({ state: v.picklist(['none', 'opens', 'open', 'used'] as const) });

export const ExtensionStandingSchema: v.Schema<ExtensionStanding> = {
  run: (input, path) => {
    const { state } = ExtensionState.run(input, path);
    return { state, ...(EXTENSION_FIELDS[state].run(input, path) as object) } as ExtensionStanding;
  },
};

export const BookRowSchema = v.object({
  registration: v.object({
    id: nonEmptyString,
    opportunityId: nonEmptyString,
    partnerOpportunityId: v.optional(nonEmptyString),
    submittedAt: isoDateTime,
    updatedAt: isoDateTime,
    extensionsUsed: count,
    reasons: v.array(v.string()),
  }),
  customer: v.object({ id: nonEmptyString, name: v.string() }),
  deal: v.object({ name: v.string(), amount: MoneySchema, closeDate: isoDate }),
  status: registrationStatus,
  protectedUntil: v.nullable(isoDate),
  extension: ExtensionStandingSchema,
  quote: v.nullable(v.object({ id: nonEmptyString, status: quoteStatus, validUntil: v.nullable(isoDate) })),
});

export const BookCountsSchema = v.object({
  total: count,
  byView: v.object(
    Object.fromEntries(BOOK_VIEWS.map((view) => [view, count])) as Record<(typeof BOOK_VIEWS)[number], typeof count>,
  ),
});

export const BookPageSchema = v.object({
  asOf: isoDateTime,
  protection: ProtectionTermsSchema,
  rows: v.array(BookRowSchema),
  nextCursor: v.nullable(nonEmptyString),
  counts: v.optional(BookCountsSchema),
});

export function parseBookPage(json: unknown): BookPage {
  return parseWith(BookPageSchema, json, 'book page');
}

// Compile-time guard: the schema's output is assignable to the domain type.
const _book: (x: v.InferOutput<typeof BookPageSchema>) => BookPage = (x) => x;
