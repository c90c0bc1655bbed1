// Building blocks of the boundary schemas: dates, enums and numbers as the REST contract sends them.
import * as v from './check.ts';
import {
  ACTORS,
  PRESALES_ACTIVITIES,
  PRODUCT_GENERATIONS,
  QUALIFYING_BASES,
  QUOTE_STATUSES,
  REGISTRATION_STATUSES,
} from '../domain/status.ts';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = v.pipe(v.string(), v.regex(ISO_DATE, 'expected an ISO calendar date (YYYY-MM-DD)'));
/** A date-time with seconds and a zone (RFC 3339, as `Date#toISOString` writes it). */
export const isoDateTime = v.pipe(v.string(), v.regex(ISO_DATE_TIME, 'expected an ISO date-time'));

export const nonEmptyString = v.pipe(v.string(), v.minLength(1));
export const finiteNumber = v.pipe(v.number(), v.finite());
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const currency = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code'));
export const localizedLabel = v.object({ en: v.string(), fr: v.optional(v.string()) });

export const registrationStatus = v.picklist(REGISTRATION_STATUSES);
export const quoteStatus = v.picklist(QUOTE_STATUSES);
export const presalesActivity = v.picklist(PRESALES_ACTIVITIES);
export const productGeneration = v.picklist(PRODUCT_GENERATIONS);
export const qualifyingBasis = v.picklist(QUALIFYING_BASES);
export const actor = v.picklist(ACTORS);
