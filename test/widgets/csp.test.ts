// Under a strict Content Security Policy (`default-src 'self'`, no 'unsafe-inline'), a `style="…"`
// attribute is blocked (style-src-attr). No element renders one, in any state, and the loading
// skeleton still reserves its height through classes.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { DealRegError } from '../../src/errors.ts';
import { deepQuery, deepQueryAll, memoryAdapter, until } from './helpers.ts';

/** Never answers: every element stays in its loading state. */
const pending: DealRegAdapter = {
  getAccountOverview: () => new Promise(() => {}),
  registerOpportunity: () => new Promise(() => {}),
  requestQuote: () => new Promise(() => {}),
  getQuote: () => new Promise(() => {}),
  requestExtension: () => new Promise(() => {}),
};

const failing: DealRegAdapter = { ...pending, getAccountOverview: () => Promise.reject(new DealRegError('offline')) };

function inlineStyles(root: Element): string[] {
  return deepQueryAll(root, '[style]').map((el) => `<${el.localName} style="${el.getAttribute('style')}">`);
}

describe('strict CSP: no inline style attribute', () => {
  for (const tag of ['dealreg-panel', 'dealreg-status', 'dealreg-eligibility']) {
    it(`<${tag}> loading: a skeleton whose every bone has a height, styled by classes only (its total height: status.test.ts)`, async () => {
      const el = await fixture(`<${tag} account-id="acc-nextgen"></${tag}>`);
      (el as HTMLElement & { adapter?: DealRegAdapter }).adapter = pending;
      await until(() => deepQuery(el, '.skeleton'), 'the skeleton');
      expect(inlineStyles(el)).to.deep.equal([]);
      for (const bone of deepQueryAll(el, '.skeleton')) expect(bone.getBoundingClientRect().height).to.be.greaterThan(10);
    });
  }

  it('the panel loaded, with the form open, and in error: no inline style', async () => {
    // acc-nextgen: a deal that can be registered, so the form opens (nothing to register keeps it shut).
    const el = await fixture(html`<dealreg-panel account-id="acc-nextgen" .adapter=${memoryAdapter()}></dealreg-panel>`);
    await until(() => deepQuery(el, '[part~="opportunity"]') && deepQuery(el, '[part~="register-button"]'), 'loaded');
    deepQuery<HTMLButtonElement>(el, '[part~="register-button"]')!.click();
    await until(() => deepQuery(el, '[part~="form"]'), 'form open');
    expect(inlineStyles(el)).to.deep.equal([]);
    const broken = await fixture(html`<dealreg-panel account-id="acc-nextgen" .adapter=${failing}></dealreg-panel>`);
    await until(() => deepQuery(broken, '[part~="error"]'), 'error');
    expect(inlineStyles(broken)).to.deep.equal([]);
  });
});
