// What the mock checks in a CRM deal before any rule of the program: the deal as the partner's CRM
// sends it (to register it, or to preview up to a page of them). Each refusal is a 400
// invalid-request whose detail names the field by its path in the body (`deal.lines.2.quantity`,
// `deals.4.closeDate`) and its rule, in the contract's words (openapi DealSubmission).
import type { DealSubmission } from '../../src/domain/deal.ts';
import type { PresalesActivity } from '../../src/domain/status.ts';
import * as v from '../../src/schemas/check.ts';
import { isoDate } from '../../src/schemas/primitives.ts';
import { toIsoDate } from '../../src/program/dates.ts';
import { problem, type Failure } from './problems.ts';
import { eachActivityOnce, read, registrationFields, told } from './request-checks.ts';

/** Longest id, name, SKU or family a deal may carry; a line's description may be longer. */
export const DEAL_TEXT_MAX_LENGTH = 255;
export const LINE_DESCRIPTION_MAX_LENGTH = 1000;
export const MAX_DEAL_LINES = 200;
/** Deals one preview request may carry: a page of the panel's list. */
export const MAX_PREVIEW_DEALS = 25;

const text = (max: number) =>
  told(
    v.pipe(
      v.string(),
      v.minLength(1),
      v.check((s) => s.length <= max, 'too long'),
    ),
    (path) => `${path} must be a non-empty string of at most ${max} characters`,
  );

const exists = (date: string): boolean => {
  try {
    return toIsoDate(date) === date;
  } catch {
    return false;
  }
};

const object = <E extends Record<string, v.Schema<unknown>>>(entries: E) =>
  told(v.object(entries), (path) => `${path} must be an object`, true);

const DealLineSchema = object({
  sku: text(DEAL_TEXT_MAX_LENGTH),
  family: v.optional(text(DEAL_TEXT_MAX_LENGTH)),
  quantity: told(v.pipe(v.number(), v.integer(), v.minValue(1)), (path) => `${path} must be a whole number from 1`),
  description: v.optional(
    told(
      v.pipe(
        v.string(),
        v.check((s) => s.length <= LINE_DESCRIPTION_MAX_LENGTH, 'too long'),
      ),
      (path) => `${path} must be a string of at most ${LINE_DESCRIPTION_MAX_LENGTH} characters`,
    ),
  ),
});

const DealSubmissionSchema = object({
  partnerOpportunityId: text(DEAL_TEXT_MAX_LENGTH),
  name: text(DEAL_TEXT_MAX_LENGTH),
  amount: object({
    value: told(v.pipe(v.number(), v.finite(), v.minValue(0)), (path) => `${path} must be a finite number from 0`),
    currency: told(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'code')), (path) => `${path} must be an ISO 4217 code`),
  }),
  closeDate: told(v.pipe(isoDate, v.check(exists, 'no such day')), (path) => `${path} must be a calendar date (YYYY-MM-DD)`),
  lines: told(
    v.pipe(
      v.array(DealLineSchema),
      v.check((lines) => lines.length <= MAX_DEAL_LINES, 'too many'),
    ),
    (path) => `${path} must be an array of at most ${MAX_DEAL_LINES} lines`,
    true,
  ),
});

export interface DealRegistrationBody {
  accountId: string;
  deal: DealSubmission;
  /** Each activity once, in the order first given. */
  presalesActivities: PresalesActivity[];
  note?: string;
  customer?: { name: string; country: string };
}

const DealRegistrationSchema = told(
  v.object({
    accountId: registrationFields.accountId,
    deal: DealSubmissionSchema,
    presalesActivities: registrationFields.presalesActivities,
    note: registrationFields.note,
    customer: v.optional(
      object({
        name: text(DEAL_TEXT_MAX_LENGTH),
        country: told(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'code')), (path) => `${path} must be an ISO 3166 code`),
      }),
    ),
  }),
  'the body must be a JSON object',
  true,
);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a registration body is the one for a CRM deal (it carries `deal`); the other names a vendor opportunity. */
export const isDealRegistration = (body: unknown): boolean => isObject(body) && body.deal !== undefined;

/** POST /v1/registrations with `deal`, checked field by field in the contract's order. */
export function checkDealRegistrationBody(body: unknown): DealRegistrationBody | Failure {
  if (isObject(body) && body.opportunityId !== undefined) {
    return problem(400, 'invalid-request', 'a registration names either opportunityId or deal, not both');
  }
  const request = read(DealRegistrationSchema, body);
  if ('ok' in request) return request;
  return { ...request, presalesActivities: eachActivityOnce(request.presalesActivities) };
}

const PreviewSchema = told(
  v.object({
    deals: told(
      v.pipe(
        v.array(DealSubmissionSchema),
        v.check((deals) => deals.length >= 1 && deals.length <= MAX_PREVIEW_DEALS, 'count'),
      ),
      `deals must be an array of 1 to ${MAX_PREVIEW_DEALS} deals`,
      true,
    ),
  }),
  'the body must be a JSON object',
  true,
);

/** POST /v1/accounts/{accountRef}/deal-previews's body: 1 to 25 deals, each checked as a registration's. */
export function checkPreviewBody(body: unknown): DealSubmission[] | Failure {
  const request = read(PreviewSchema, body);
  return 'ok' in request ? request : request.deals;
}
