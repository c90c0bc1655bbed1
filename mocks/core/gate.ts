// What every request to the mock backend goes through before a query or a command decides it: the
// bearer token, the simulated latency and outages, and for a POST its Idempotency-Key.
//
// Concurrency: JavaScript runs one task at a time, so a decision is race-free as long as its check
// and its insert run with no `await` between them. Both gates await the simulated latency FIRST and
// only then call the handler, which decides and writes synchronously (a query may await a cursor's
// signature once its answer is decided).
import type { CoreResult } from './backend-core.ts';
import { fingerprintOf } from './fingerprint.ts';
import { createIdempotencyStore, type IdempotencyStore } from './idempotency.ts';
import type { Partner } from './model.ts';
import { isFailure, problem, type Failure } from './problems.ts';
import { checkIdempotencyKey } from './request-checks.ts';

/** What configure() may change while the backend runs. */
export interface GateSettings {
  /** Simulated latency per request: fixed, or uniformly drawn from [min, max]. */
  latencyMs: number | [number, number];
  /** Share of requests answered 503 `service-unavailable`, 0..1. Nothing is processed then. */
  failureRate: number;
  random: () => number;
}

export interface Gate {
  /** The partner a bearer token names, or null. */
  partnerOf(token: string | null): Partner | null;
  read(token: string | null, handle: (partner: Partner) => CoreResult | Promise<CoreResult>): Promise<CoreResult>;
  /**
   * A POST under an idempotency key: a replay returns the first answer; the same key for another
   * request is 422; the same key while the first is still being processed is 409. `describe` gives
   * the request's canonical text (hashed, never kept) or the failure that refuses it.
   */
  write(
    token: string | null,
    idempotencyKey: string | null,
    describe: () => string | Failure,
    handle: (partner: Partner) => CoreResult,
  ): Promise<CoreResult>;
  /** Forgets every idempotency key (reset). */
  forgetKeys(): void;
}

const RETRY_AFTER_SECONDS = 1;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGate(
  settings: GateSettings,
  who: { tokens: Record<string, string>; partners: readonly Partner[] },
  realTime: () => number,
): Gate {
  const freshKeys = (): IdempotencyStore => createIdempotencyStore({ now: realTime });
  let idempotency = freshKeys();

  function partnerOf(token: string | null): Partner | null {
    if (token === null) return null;
    const id = Object.prototype.hasOwnProperty.call(who.tokens, token) ? who.tokens[token] : undefined;
    if (id === undefined) return null;
    return who.partners.find((p) => p.id === id) ?? { id, name: id, token };
  }

  function latency(): number {
    const { latencyMs, random } = settings;
    if (typeof latencyMs === 'number') return Math.max(0, latencyMs);
    const [min, max] = latencyMs;
    return Math.max(0, min + random() * (max - min));
  }

  async function delay(): Promise<void> {
    const ms = latency();
    if (ms > 0) await sleep(ms);
    else await Promise.resolve();
  }

  function unavailable(): Failure | null {
    if (settings.failureRate <= 0 || settings.random() >= settings.failureRate) return null;
    return { ...problem(503, 'service-unavailable', 'simulated outage, retry shortly'), retryAfterSeconds: RETRY_AFTER_SECONDS };
  }

  const unauthorized = () => problem(401, 'unauthorized', 'a valid bearer token is required');

  /** `result` after the latency: every refusal before the handler costs the same time as a decision. */
  async function late(result: CoreResult): Promise<CoreResult> {
    await delay();
    return result;
  }

  return {
    partnerOf,

    async read(token, handle) {
      await delay();
      const partner = partnerOf(token);
      if (!partner) return unauthorized();
      return unavailable() ?? handle(partner);
    },

    // The hash is awaited BEFORE the check; from the check to the in-flight mark there is no
    // `await`, and the mark is set before the latency, so overlapping retries see it.
    async write(token, idempotencyKey, describe, handle) {
      const partner = partnerOf(token);
      if (!partner) return late(unauthorized());
      const key = checkIdempotencyKey(idempotencyKey);
      if (isFailure(key)) return late(key);
      const described = describe();
      if (typeof described !== 'string') return late(described);
      const fingerprint = await fingerprintOf(described);
      const slot = `${partner.id}\u0000${key}`;
      const seen = idempotency.get(slot);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return late(problem(422, 'idempotency-key-reused', 'this Idempotency-Key was used for a different request'));
        }
        if (seen.result === null) {
          return problem(409, 'request-in-flight', 'the first request with this Idempotency-Key is still being processed');
        }
        return late(structuredClone(seen.result));
      }
      const entry = idempotency.begin(slot, fingerprint);
      try {
        await delay();
        const failure = unavailable();
        if (failure) {
          idempotency.forget(slot); // nothing happened: the retry must be processed
          return failure;
        }
        // From here to the end: synchronous. The check-and-insert of every rule is atomic.
        const result = handle(partner);
        // A refusal that says when to retry (the rejection cap's 429) changed nothing: it is not the
        // key's answer, and a retry with the same key is decided afresh.
        if (!result.ok && result.retryAfterSeconds !== undefined) idempotency.forget(slot);
        else entry.result = structuredClone(result);
        return result;
      } catch (error) {
        idempotency.forget(slot);
        throw error;
      }
    },

    forgetKeys() {
      idempotency = freshKeys();
    },
  };
}
