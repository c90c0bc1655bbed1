// The host's records, read before anything is shown or sent: a record that is wrong is named (which
// record, which field, what) and left out; the valid ones are kept. Nothing here throws on data.
import * as v from './check.ts';
import type { CrmAccount, CrmOpportunity, CrmRecords } from '../domain/crm.ts';
import { isCalendarDate } from '../program/dates.ts';
import { canonicalDuns, canonicalSiren, canonicalVatNumber } from '../program/customer-identifiers.ts';
import { isoDate, nonEmptyString } from './primitives.ts';

/** The most opportunities one account's records may hold; beyond it the rest are left out. */
export const MAX_CRM_OPPORTUNITIES = 2000;

/** One thing wrong in the host's records: the record (`account`, or an opportunity's id or index) and the field. */
export interface CrmRecordProblem {
  record: string;
  field: string;
  message: string;
}

export interface CrmRecordsReading {
  /** The valid part of the records; null when the account itself cannot be used. */
  records: CrmRecords | null;
  problems: CrmRecordProblem[];
}

/** ISO 4217 codes the runtime knows, where it can list them (the pattern alone lets "ABC" through). */
const knownCurrencies: ReadonlySet<string> | null = (() => {
  const list = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('currency');
  return list && list.length > 0 ? new Set(list) : null;
})();

const calendarDate = v.pipe(isoDate, v.check(isCalendarDate, 'expected a calendar date that exists'));

const isCurrency = (c: string): boolean => /^[A-Z]{3}$/.test(c) && (knownCurrencies === null || knownCurrencies.has(c));

const currencyCode = v.pipe(v.string(), v.check(isCurrency, 'expected an ISO 4217 currency code'));

const optionalText = v.optional(v.string());

// `keep`: a valid record is read as the host handed it (nothing copied): the host replaces its
// records to change them, and the panel reads each object it is given once.
const KEEP = { keep: true };

const LineSchema = v.object(
  {
    sku: nonEmptyString,
    family: v.optional(nonEmptyString),
    quantity: v.pipe(v.number(), v.integer(), v.minValue(1)),
    description: optionalText,
  },
  KEEP,
);

export const OpportunitySchema = v.object(
  {
    id: nonEmptyString,
    name: nonEmptyString,
    amount: v.object(
      {
        value: v.pipe(v.number(), v.finite(), v.minValue(0)),
        currency: currencyCode,
      },
      KEEP,
    ),
    closeDate: calendarDate,
    stage: optionalText,
    closed: v.optional(v.picklist(['won', 'lost'] as const)),
    lines: v.array(LineSchema, KEEP),
  },
  KEEP,
);

const identifier = (canonical: (value: string) => string | null, what: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.check((s) => canonical(s) !== null, what),
    ),
  );

const AccountSchema = v.object({
  id: nonEmptyString,
  name: nonEmptyString,
  country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'expected an ISO 3166 country code (two capitals)')),
  siren: identifier(canonicalSiren, 'expected a SIREN: 9 digits with a valid check digit'),
  vatNumber: identifier(canonicalVatNumber, 'expected a French VAT number: FR, its key, then a valid SIREN'),
  duns: identifier(canonicalDuns, 'expected a DUNS number: 9 digits'),
  website: optionalText,
});

const isText = (value: unknown, least = 0): value is string => typeof value === 'string' && value.length >= least;

/** The keys of an object but two optional ones, when it is an object. */
const keyCount = (value: unknown, a?: unknown, b?: unknown): number | false =>
  isObject(value) && Object.keys(value).length - +(a !== undefined) - +(b !== undefined);

/**
 * An opportunity the schema would keep as handed over (valid, no key it does not name), told without
 * the schema's walk: each new records object is read whole, up to 2,000 opportunities, nearly all of
 * them such. Anything else goes to the schema, which names what is wrong. Never yes where the schema
 * would not keep the record itself (test/adapters/crm-records.test.ts).
 */
export function keptAsHandedOver(raw: unknown): boolean {
  const o = raw as CrmOpportunity;
  if (keyCount(o, o?.stage, o?.closed) !== 5) return false;
  const { id, name, amount, closeDate, stage, closed, lines } = o;
  if (!(isText(id, 1) && isText(name, 1) && isText(closeDate) && isCalendarDate(closeDate) && Array.isArray(lines))) return false;
  if (!((stage === undefined || isText(stage)) && (closed === undefined || closed === 'won' || closed === 'lost'))) return false;
  if (keyCount(amount) !== 2 || !isText(amount.currency) || !isCurrency(amount.currency)) return false;
  if (!(typeof amount.value === 'number' && Number.isFinite(amount.value) && amount.value >= 0)) return false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (keyCount(line, line?.family, line?.description) !== 2) return false;
    const { sku, family, quantity, description } = line!;
    if (!(isText(sku, 1) && (family === undefined || isText(family, 1)) && (description === undefined || isText(description)))) {
      return false;
    }
    if (!(Number.isInteger(quantity) && quantity >= 1)) return false;
  }
  return true;
}

function problemOf(record: string, error: unknown): CrmRecordProblem {
  if (!(error instanceof v.SchemaIssue)) throw error;
  return { record, field: error.path, message: error.message };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record's name in a problem: its id when it has a usable one, else its place in the list. */
function nameOf(raw: unknown, index: number): string {
  const id = isObject(raw) ? raw.id : undefined;
  return typeof id === 'string' && id !== '' ? id : `opportunities.${index}`;
}

/** The account, with a malformed identifier named and dropped (never sent), the rest kept. */
function readAccount(raw: unknown, problems: CrmRecordProblem[]): CrmAccount | null {
  if (!isObject(raw)) {
    problems.push({ record: 'account', field: '', message: 'expected the CRM account as an object' });
    return null;
  }
  const kept = { ...raw };
  for (let attempt = 0; attempt < 4; attempt += 1) {
    try {
      return AccountSchema.run(kept, '') as CrmAccount;
    } catch (error) {
      const problem = problemOf('account', error);
      problems.push(problem);
      // An identifier that fails its check is dropped, and the account read again without it.
      if (!['siren', 'vatNumber', 'duns', 'website'].includes(problem.field)) return null;
      delete kept[problem.field];
    }
  }
  return null;
}

/**
 * Reads the host's records: the account (required), then each opportunity on its own. An invalid
 * opportunity, both holders of a duplicated id, and those past the 2,000th are left out and named.
 */
export function readCrmRecords(input: unknown): CrmRecordsReading {
  const problems: CrmRecordProblem[] = [];
  if (!isObject(input)) {
    return { records: null, problems: [{ record: 'records', field: '', message: 'expected { account, opportunities }' }] };
  }
  const account = readAccount(input.account, problems);
  const rawList = input.opportunities ?? [];
  if (!Array.isArray(rawList)) {
    problems.push({ record: 'records', field: 'opportunities', message: 'expected an array of opportunities' });
    return { records: account && { account, opportunities: [] }, problems };
  }
  if (rawList.length > MAX_CRM_OPPORTUNITIES) {
    problems.push({
      record: 'records',
      field: 'opportunities',
      message: `expected at most ${MAX_CRM_OPPORTUNITIES} opportunities, received ${rawList.length}: the rest are left out`,
    });
  }
  const valid: CrmOpportunity[] = [];
  const seen = new Map<string, number>();
  Array.from(rawList.slice(0, MAX_CRM_OPPORTUNITIES), (raw: unknown, index) => {
    const name = nameOf(raw, index);
    try {
      const opportunity = (keptAsHandedOver(raw) ? raw : OpportunitySchema.run(raw, '')) as CrmOpportunity;
      seen.set(opportunity.id, (seen.get(opportunity.id) ?? 0) + 1);
      valid.push(opportunity);
    } catch (error) {
      problems.push(problemOf(name, error));
    }
  });
  for (const [id, times] of seen) {
    if (times > 1)
      problems.push({ record: id, field: 'id', message: `expected a unique id, found ${times} opportunities with it` });
  }
  const opportunities = valid.filter((o) => seen.get(o.id) === 1);
  return { records: account && { account, opportunities }, problems };
}
