// A portal with no CRM behind it (issue 19 §1): the panel without records offers "Register a new
// deal", a form where the rep types the deal (name, amount, close date, lines) and the presales
// activities; it is checked before anything is sent, sent once, and the new deal then shows.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegPanel } from '../../widgets/index.ts';
import type { DealRegistrationRequest } from '../../src/domain/deal.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { backend, counting, deepQuery, deepQueryAll, deepText, memoryAdapter, until } from './helpers.ts';

function button(root: Element, name: RegExp): HTMLButtonElement {
  const found = deepQueryAll<HTMLButtonElement>(root, 'button').find((b) => name.test(b.textContent?.trim() ?? ''));
  if (!found) throw new Error(`no button ${String(name)} in: ${deepText(root)}`);
  return found;
}

function form(el: Element): HTMLFormElement {
  const found = deepQuery<HTMLFormElement>(el, 'form[part~="form"]');
  if (!found) throw new Error('no form');
  return found;
}

function type(root: Element, selector: string, value: string): void {
  const input = deepQuery<HTMLInputElement>(root, selector);
  if (!input) throw new Error(`no field ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function emptyPanel(locale: 'en' | 'fr', adapter: DealRegAdapter): Promise<DealRegPanel> {
  const el = await fixture<DealRegPanel>(
    html`<dealreg-panel style="width:360px" account-id="acc-empty" locale=${locale} .adapter=${adapter}></dealreg-panel>`,
  );
  await until(() => !!deepQuery(el, '[part~="new-deal-button"]') && !deepQuery(el, '.skeleton'), 'the empty account');
  return el;
}

for (const locale of ['en', 'fr'] as const) {
  describe(`<dealreg-panel> without records: registering a new deal (${locale})`, () => {
    it('checks every field before sending, sends the typed deal once, and the new deal shows', async () => {
      const adapter = counting(memoryAdapter(backend()));
      const sent: DealRegistrationRequest[] = [];
      const register = adapter.registerOpportunity.bind(adapter);
      adapter.registerOpportunity = (request, options) => {
        sent.push(request as DealRegistrationRequest);
        return register(request, options);
      };
      const el = await emptyPanel(locale, adapter);
      deepQuery<HTMLButtonElement>(el, '[part~="new-deal-button"]')!.click();
      await until(() => !!deepQuery(el, 'form[part~="form"] #name'), 'the new-deal form');
      await expect(el).to.be.accessible();
      // Nothing typed: each field says what it needs, the first takes the focus, nothing is sent.
      button(form(el), /Submit registration|Envoyer la déclaration/).click();
      await until(() => deepQueryAll(form(el), '[role="alert"]').length >= 5, 'every field explained');
      expect(
        deepQueryAll(form(el), '[aria-invalid="true"]').map((f) => f.id || (f as HTMLInputElement).value),
      ).to.include.members(['name', 'amount', 'closeDate']);
      expect(adapter.calls.registerOpportunity).to.equal(0);
      await expect(el).to.be.accessible();
      type(el, '#name', 'Baie flash du studio');
      type(el, '#amount', '86000');
      type(el, '#closeDate', '2017-05-31');
      type(el, 'input[aria-label="Product code"], input[aria-label="Référence produit"]', 'SY480-G10');
      deepQuery<HTMLInputElement>(el, 'input[value="workshop"]')!.click();
      const submit = button(form(el), /Submit registration|Envoyer la déclaration/);
      submit.click();
      submit.click();
      await until(() => !deepQuery(el, 'form[part~="form"]'), 'the form closed on the answer');
      expect(adapter.calls.registerOpportunity).to.equal(1);
      expect(sent[0]!.accountId).to.equal('acc-empty');
      expect(sent[0]!.deal).to.deep.include({
        name: 'Baie flash du studio',
        amount: { value: 86000, currency: 'EUR' },
        closeDate: '2017-05-31',
        lines: [{ sku: 'SY480-G10', quantity: 1 }],
      });
      expect(sent[0]!.presalesActivities).to.deep.equal(['workshop']);
      await until(
        () => deepText(el).includes('Baie flash du studio') && !!deepQuery(el, 'dealreg-status'),
        'the new deal listed',
      );
      await expect(el).to.be.accessible();
    });
  });
}
