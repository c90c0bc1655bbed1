// What the mock checks in a request before any rule of the program: the registration body, the
// Idempotency-Key, the paging parameters. Written on the in-house validator (src/schemas/check.ts),
// as the adapters' answers are; each refusal is a 400 invalid-request whose detail names the field
// and its rule in the contract's words (openapi RegistrationRequest).
import { PRESALES_ACTIVITIES, type PresalesActivity } from '../../src/domain/status.ts';
import * as v from '../../src/schemas/check.ts';
import { nonEmptyString } from '../../src/schemas/primitives.ts';
import { canonicalJson, MAX_BODY_DEPTH, nestsDeeperThan } from './fingerprint.ts';
import { MAX_PAGE_SIZE } from './paging.ts';
import { problem, type Failure } from './problems.ts';

export const NOTE_MAX_LENGTH = 2000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/**
 * `schema`, its issues told as `message` (or the message for the value's path): every issue inside it
 * (a field's rule, not its parts'), or with `ownOnly` just the one about the value itself (an
 * object's type, its fields telling theirs).
 */
export function told<T>(schema: v.Schema<T>, message: string | ((path: string) => string), ownOnly = false): v.Schema<T> {
  return {
    run: (input, path) => {
      try {
        return schema.run(input, path);
      } catch (issue) {
        if (!(issue instanceof v.SchemaIssue) || (ownOnly && issue.path !== path)) throw issue;
        throw typeof message === 'string' ? new v.SchemaIssue(path, message) : new v.SchemaIssue(path, message(path), message);
      }
    },
  };
}

/** Every unknown activity named at once, so one correction fixes them all. */
const knownActivities: v.Check<string[]> = (activities) => {
  const unknown = activities.filter((a) => !(PRESALES_ACTIVITIES as readonly string[]).includes(a));
  return unknown.length > 0 ? `unknown presales activity: ${unknown.join(', ')}` : undefined;
};

/** The fields both registration bodies share, in the contract's order. */
export const registrationFields = {
  accountId: told(nonEmptyString, 'accountId must be a non-empty string'),
  presalesActivities: v.pipe(told(v.array(v.string()), 'presalesActivities must be an array of strings'), knownActivities),
  note: v.optional(
    told(
      v.pipe(
        v.string(),
        v.check((note) => note.length <= NOTE_MAX_LENGTH, 'too long'),
      ),
      `note must be a string of at most ${NOTE_MAX_LENGTH} characters`,
    ),
  ),
};

const RegistrationRequestSchema = told(
  v.object({
    accountId: registrationFields.accountId,
    opportunityId: told(nonEmptyString, 'opportunityId must be a non-empty string'),
    presalesActivities: registrationFields.presalesActivities,
    note: registrationFields.note,
  }),
  'the body must be a JSON object',
  true,
);

export interface RegistrationRequestBody {
  accountId: string;
  opportunityId: string;
  /** Each activity once, in the order first given. */
  presalesActivities: PresalesActivity[];
  note?: string;
}

/** The value `schema` reads in `input`, or the 400 that tells its first issue. */
export function read<T>(schema: v.Schema<T>, input: unknown): T | Failure {
  try {
    return schema.run(input, '');
  } catch (issue) {
    if (!(issue instanceof v.SchemaIssue)) throw issue;
    return problem(400, 'invalid-request', issue.message);
  }
}

/** POST /v1/registrations's body, checked field by field in the contract's order. */
export function checkRegistrationBody(body: unknown): RegistrationRequestBody | Failure {
  const request = read(RegistrationRequestSchema, body);
  if ('ok' in request) return request;
  return { ...request, presalesActivities: eachActivityOnce(request.presalesActivities) };
}

/** Activities that knownActivities has passed: each once, in the order first given. */
export const eachActivityOnce = (activities: string[]): PresalesActivity[] => [...new Set(activities as PresalesActivity[])];

/**
 * The canonical text of a registration request (what its idempotency fingerprint hashes), or 400
 * for a body nested deeper than any request, refused before the recursive walk that writes it.
 */
export function describeRegistration(body: unknown): string | Failure {
  if (nestsDeeperThan(body, MAX_BODY_DEPTH)) {
    return problem(400, 'invalid-request', `the body nests deeper than ${MAX_BODY_DEPTH} levels`);
  }
  return `POST /v1/registrations ${canonicalJson(body)}`;
}

const IdempotencyKeySchema = told(
  v.pipe(
    v.string(),
    v.check((key) => key.trim() !== '', 'blank'),
    v.check((key) => key.length <= IDEMPOTENCY_KEY_MAX_LENGTH, 'too long'),
  ),
  `an Idempotency-Key header (1–${IDEMPOTENCY_KEY_MAX_LENGTH} characters) is required`,
);

/** The Idempotency-Key header every POST carries (null: absent). */
export function checkIdempotencyKey(key: string | null): string | Failure {
  return read(IdempotencyKeySchema, key);
}

const PageSizeSchema = told(
  v.pipe(v.number(), v.integer(), v.minValue(1)),
  `limit must be a whole number from 1 (a page holds at most ${MAX_PAGE_SIZE})`,
);

/** `limit` null is the default page; a larger one than the maximum is served as the maximum. */
export function checkPageSize(limit: number | null, defaultSize: number): number | Failure {
  if (limit === null) return defaultSize;
  const size = read(PageSizeSchema, limit);
  return typeof size === 'number' ? Math.min(size, MAX_PAGE_SIZE) : size;
}

const CursorSchema = told(nonEmptyString, "cursor is required: the overview's or the previous page's nextCursor");

/** The `cursor` query parameter ('' when absent). */
export function checkCursorGiven(cursor: string): string | Failure {
  return read(CursorSchema, cursor);
}
