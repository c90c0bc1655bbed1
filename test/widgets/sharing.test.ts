// Promises: elements under one provider share one account overview (one request), a mutation
// refreshes them all, and changing account-id aborts the previous request.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import type { DealRegProvider, DealRegStatus } from '../../widgets/index.ts';
import { backend, buttonNamed, counting, deepQuery, deepText, memoryAdapter, until } from './helpers.ts';

describe('shared account overview', () => {
  it('two widgets of the same account under one provider make one overview request', async () => {
    const adapter = counting(memoryAdapter());
    const el = await fixture<DealRegProvider>(html`<dealreg-provider .adapter=${adapter}>
      <dealreg-status account-id="acc-nextgen"></dealreg-status>
      <dealreg-eligibility account-id="acc-nextgen"></dealreg-eligibility>
    </dealreg-provider>`);
    const status = el.querySelector('dealreg-status')!;
    const eligibility = el.querySelector('dealreg-eligibility')!;
    await until(
      () => deepText(status).includes('Plateforme composable') && deepText(eligibility).includes('Your installed base here'),
      'both loaded',
    );
    expect(adapter.calls.getAccountOverview).to.equal(1);
    expect(adapter.accounts).to.deep.equal(['acc-nextgen']);
  });

  it('the whole panel (status, eligibility, register form, quote buttons) makes one overview request', async () => {
    const adapter = counting(memoryAdapter());
    const el = await fixture(html`<dealreg-panel account-id="acc-protected" .adapter=${adapter}></dealreg-panel>`);
    await until(() => buttonNamed(el, 'Request quote'), 'quote button');
    expect(adapter.calls.getAccountOverview).to.equal(1);
  });

  it('two accounts are two requests, one each', async () => {
    const adapter = counting(memoryAdapter());
    const el = await fixture(html`<dealreg-provider .adapter=${adapter}>
      <dealreg-status account-id="acc-nextgen"></dealreg-status>
      <dealreg-status account-id="acc-dormant"></dealreg-status>
      <dealreg-status account-id="acc-nextgen"></dealreg-status>
    </dealreg-provider>`);
    await until(() => [...el.querySelectorAll('dealreg-status')].every((s) => deepQuery(s, '[part~="opportunity"]')), 'loaded');
    expect(adapter.calls.getAccountOverview).to.equal(2);
    expect([...adapter.accounts].sort()).to.deep.equal(['acc-dormant', 'acc-nextgen']);
  });

  it('a registration made in one widget updates every widget of the account from its answer, without a reload', async () => {
    const adapter = counting(memoryAdapter());
    const el = await fixture(html`<dealreg-provider .adapter=${adapter}>
      <dealreg-register-form account-id="acc-nextgen"></dealreg-register-form>
      <dealreg-status account-id="acc-nextgen"></dealreg-status>
    </dealreg-provider>`);
    const form = el.querySelector('dealreg-register-form')!;
    const status = el.querySelector<DealRegStatus>('dealreg-status')!;
    await until(() => deepText(status).includes('Not registered'), 'status loaded');
    buttonNamed(form, 'Register opportunity')!.click();
    await until(() => deepQuery(form, 'select'), 'form open');
    const select = deepQuery<HTMLSelectElement>(form, 'select')!;
    select.value = 'opp-nextgen-synergy';
    select.dispatchEvent(new Event('change'));
    deepQuery<HTMLInputElement>(form, 'input[value="workshop"]')!.click();
    await form.updateComplete;
    buttonNamed(form, 'Submit registration')!.click();
    await until(() => deepQuery(status, '[data-state="approved"]'), 'status shows the approval without a reload');
    expect(adapter.calls.getAccountOverview, 'the overview is patched, not asked again (issue 11)').to.equal(1);
    expect(deepText(status)).to.include('Approved');
  });

  it('changing account-id aborts the previous request', async () => {
    const seen: Array<{ id: string; signal: AbortSignal | undefined }> = [];
    const real = memoryAdapter();
    const adapter: DealRegAdapter = {
      ...real,
      getAccountOverview(id, o) {
        seen.push({ id, signal: o?.signal });
        if (id === 'acc-slow') {
          // Never answers: only an abort ends it.
          return new Promise<AccountOverview>((_, reject) =>
            o?.signal?.addEventListener('abort', () => reject(o.signal!.reason)),
          );
        }
        return real.getAccountOverview(id, o);
      },
    };
    const el = await fixture<DealRegStatus>(html`<dealreg-status account-id="acc-slow" .adapter=${adapter}></dealreg-status>`);
    expect(seen).to.have.length(1);
    expect(seen[0]!.signal!.aborted).to.equal(false);
    el.accountId = 'acc-dormant';
    await el.updateComplete;
    expect(seen[0]!.signal!.aborted).to.equal(true);
    await until(() => deepText(el).includes('Renouvellement du stockage'), 'the new account is shown');
    expect(seen.map((s) => s.id)).to.deep.equal(['acc-slow', 'acc-dormant']);
  });

  it('a request another widget still needs is not aborted when one widget leaves', async () => {
    const signals: Array<AbortSignal | undefined> = [];
    let answer: ((o: AccountOverview) => void) | undefined;
    const real = memoryAdapter(backend());
    const adapter: DealRegAdapter = {
      ...real,
      getAccountOverview(id, o) {
        signals.push(o?.signal);
        return new Promise<AccountOverview>((resolve) => {
          answer = resolve;
        }).then(() => real.getAccountOverview(id));
      },
    };
    const el = await fixture(html`<dealreg-provider .adapter=${adapter}>
      <dealreg-status account-id="acc-nextgen"></dealreg-status>
      <dealreg-eligibility account-id="acc-nextgen"></dealreg-eligibility>
    </dealreg-provider>`);
    el.querySelector('dealreg-status')!.remove();
    expect(signals).to.have.length(1);
    expect(signals[0]!.aborted).to.equal(false);
    answer!({} as AccountOverview);
    const eligibility = el.querySelector('dealreg-eligibility')!;
    await until(() => deepText(eligibility).includes('Your installed base here'), 'the remaining widget got the response');
    el.querySelector('dealreg-eligibility')!.remove();
  });
});
