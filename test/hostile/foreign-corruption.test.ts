// Hostile world: a foreign adapter that hands over whatever its backend sent, unchecked, corrupted
// a thousand seeded ways. Through the element boundary every one ends as the value the contract's
// parser gives or as a typed invalid-response (the same verdict as parseOverview); a seeded sample
// goes through the panel: an error panel with Retry and one dealreg-error, or a correct render;
// Retry recovers once the adapter is fixed.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createMockBackend } from '../../mocks/index.ts';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import { validatesItself } from '../../src/adapters/validated.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import { DealRegError } from '../../src/errors.ts';
import { parseOverview } from '../../src/schemas/parse.ts';
import '../../widgets/index.ts';
import type { DealRegErrorEvent } from '../../widgets/index.ts';
import { guardedAdapter } from '../../widgets/state/guarded-adapter.ts';
import { deepQuery } from '../support/deep-dom.ts';
import { drain } from '../support/virtual-clock.ts';
import { corrupt, corruptionsArb, type Json } from './corrupt.ts';
import { deepText, findButton, mount, settled, unmount, until, watchTrouble } from './helpers.ts';

const TOKEN = 'demo-alpha';
const ACCOUNTS = ['acc-nextgen', 'acc-installed', 'acc-conflict', 'acc-protected', 'acc-expiring', 'acc-quoted', 'acc-empty'];
const SEED = 20170214;
const RUNS = 1000;
const SAMPLE = { failed: 20, passed: 10 };

/** A third-party adapter that passes its backend's body on as it came (no validation of its own). */
let real: DealRegAdapter | undefined;
function unchecked(body: () => unknown): DealRegAdapter {
  real ??= createMemoryAdapter(createMockBackend(), { token: TOKEN });
  return { ...real, getAccountOverview: () => Promise.resolve(body() as AccountOverview) };
}

type Verdict = { ok: true } | { ok: false; code: string };

/** What the contract's parser says of `doc` (it reads its input, never changes it). */
function parserVerdict(doc: unknown): { verdict: Verdict; value?: AccountOverview } {
  try {
    return { verdict: { ok: true }, value: parseOverview(doc) };
  } catch (error) {
    return { verdict: { ok: false, code: error instanceof DealRegError ? error.code : `not a DealRegError: ${String(error)}` } };
  }
}

describe('hostile world: a foreign adapter passing on corrupted overviews', function () {
  this.timeout(240_000); // 30 panels through error, Retry and recovery: ~20 s alone, several times that under load

  const valid = new Map<string, Json>();
  const failed: Array<{ account: string; doc: Json }> = [];
  const passed: Array<{ account: string; doc: Json }> = [];

  before(async () => {
    const core = createMockBackend();
    for (const account of ACCOUNTS) {
      const result = await core.getAccountOverview(TOKEN, account);
      if (!result.ok) throw new Error(`the mock does not serve ${account}`);
      valid.set(account, JSON.parse(JSON.stringify(result.body)) as Json);
    }
  });

  it('the shipped adapters are trusted method by method; a replaced method is not', () => {
    const real = createMemoryAdapter(createMockBackend(), { token: TOKEN });
    const copy = unchecked(() => null);
    expect(validatesItself(real.getAccountOverview)).to.equal(true);
    expect(validatesItself(copy.registerOpportunity), 'an untouched method keeps its trust').to.equal(true);
    expect(validatesItself(copy.getAccountOverview), 'the replaced method is checked').to.equal(false);
  });

  it(`${RUNS} seeded corruptions through the guard: each is what parseOverview says, or a typed invalid-response`, async () => {
    const trouble = watchTrouble();
    let runs = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ACCOUNTS), corruptionsArb, async (account, corruptions) => {
          runs++;
          const doc = structuredClone(valid.get(account)!);
          for (const c of corruptions) corrupt(doc, c);
          const expected = parserVerdict(doc);
          let value: AccountOverview | undefined;
          let actual: Verdict;
          try {
            value = await guardedAdapter(unchecked(() => doc)).getAccountOverview(account);
            actual = { ok: true };
          } catch (error) {
            expect(error, 'the guard rejects only with a DealRegError').to.be.instanceOf(DealRegError);
            actual = { ok: false, code: (error as DealRegError).code };
          }
          expect(actual, 'the guard agrees with the contract’s parser').to.deep.equal(expected.verdict);
          if (!actual.ok) expect(actual.code).to.equal('invalid-response');
          if (value) expect(value, 'what passes is the parser’s output').to.deep.equal(expected.value);
          if (!actual.ok && failed.length < SAMPLE.failed) failed.push({ account, doc });
          if (actual.ok && passed.length < SAMPLE.passed) passed.push({ account, doc });
        }),
        { numRuns: RUNS, seed: SEED },
      );
    } finally {
      trouble.stop();
    }
    expect(runs).to.equal(RUNS);
    expect(trouble.all()).to.deep.equal([]);
    expect(failed.length, 'some corruptions break the contract').to.equal(SAMPLE.failed);
    expect(passed.length, 'some still fit it').to.be.greaterThan(0);
  });

  it(`a sample (${SAMPLE.failed} broken, up to ${SAMPLE.passed} still valid) through the panel: error panel with Retry and one dealreg-error, or the account; Retry recovers once fixed`, async () => {
    expect(failed.length, 'the corruption test ran first').to.be.greaterThan(0);
    const trouble = watchTrouble();
    try {
      for (const { account, doc } of failed) {
        let fixed = false;
        const panel = mount(
          'dealreg-panel',
          unchecked(() => structuredClone(fixed ? valid.get(account)! : doc)),
          { 'account-id': account, locale: 'en' },
        );
        const events: DealRegErrorEvent[] = [];
        panel.addEventListener('dealreg-error', (e) => events.push(e));
        await until(
          () => settled(panel) && findButton(panel, /retry/i) !== undefined,
          `the error state of a corrupted ${account}`,
        );
        await drain();
        expect(deepQuery(panel, '[part~="error"]')!.dataset['code']).to.equal('invalid-response');
        expect(
          events.map((e) => e.detail.error.code),
          'exactly one dealreg-error',
        ).to.deep.equal(['invalid-response']);
        fixed = true;
        findButton(panel, /retry/i)!.click();
        const name = (valid.get(account) as unknown as AccountOverview).account.name;
        await until(
          () => settled(panel) && deepText(panel).includes(name) && !deepQuery(panel, '[part~="error"]'),
          `${account} after Retry`,
        );
        expect(events, 'no further dealreg-error').to.have.length(1);
        unmount(panel);
      }
      // Still valid by the contract: the account, or (when the program rules cannot compute with
      // it, e.g. a dormancy of 1e302 months) the element's own error panel with Retry, said once.
      for (const { account, doc } of passed) {
        const panel = mount(
          'dealreg-panel',
          unchecked(() => structuredClone(doc)),
          { 'account-id': account, locale: 'en' },
        );
        const events: DealRegErrorEvent[] = [];
        panel.addEventListener('dealreg-error', (e) => events.push(e));
        await until(
          () => settled(panel) && (deepText(panel).includes('Deal registration') || findButton(panel, /retry/i) !== undefined),
          `the panel of a corrupted but valid ${account}`,
        );
        await drain();
        if (deepQuery(panel, '[part~="error"]')) {
          expect(findButton(panel, /retry/i), 'a Retry button').to.exist;
          expect(
            events.map((e) => e.detail.error.code),
            'exactly one dealreg-error',
          ).to.deep.equal(['invalid-response']);
        } else {
          expect(events).to.deep.equal([]);
        }
        unmount(panel);
      }
    } finally {
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
  });
});
