// French and English: labels through @lit/localize, money and dates through Intl in the element's locale.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegPanel, DealRegQuoteButton, DealRegRegisterForm, DealRegStatus } from '../../widgets/index.ts';
import { backend, buttonNamed, deepQuery, deepText, memoryAdapter, until } from './helpers.ts';

describe('locales', () => {
  it('fr: the quote action is "Demander une cotation" and amounts use French number formats', async () => {
    const core = backend();
    const adapter = memoryAdapter(core);
    const el = await fixture<DealRegPanel>(
      html`<dealreg-panel locale="fr" account-id="acc-quoted" .adapter=${adapter}></dealreg-panel>`,
    );
    await until(() => deepQuery(el, '[part~="quote"] dl'), 'quote shown');
    await el.updateComplete;
    const overview = await adapter.getAccountOverview('acc-quoted');
    const quote = overview.quotes[0]!;
    // Whole amounts without cents, as the host CRM shows them (format.test.ts has the rule itself).
    const eur = {
      format: (v: number) =>
        new Intl.NumberFormat('fr', {
          style: 'currency',
          currency: quote.currency!,
          ...(Number.isInteger(v) ? { maximumFractionDigits: 0 } : {}),
        }).format(v),
    };
    const text = deepText(el);
    expect(text).to.include(eur.format(quote.netPrice!));
    expect(text).to.include(eur.format(overview.opportunities[0]!.amount.value));
    expect(text).to.include('Prix net');
    expect(text).to.include('Cotation reçue');
    const validUntil = new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' })
      .format(new Date(`${quote.validUntil!}T00:00:00Z`))
      .replace(/ /g, '\u00a0');
    expect(text).to.include(`À commander au plus tard le ${validUntil}`);
    await expect(el).to.be.accessible();
  });

  it('fr: "Demander une cotation" on a protected deal, with the countdown in French', async () => {
    const el = await fixture<DealRegStatus>(
      html`<dealreg-status locale="fr" actions account-id="acc-protected" .adapter=${memoryAdapter()}></dealreg-status>`,
    );
    await until(() => buttonNamed(el, 'Demander une cotation'), 'French quote button');
    await el.updateComplete;
    expect(deepText(el)).to.include('60 jours restants');
    expect(deepText(el)).to.include('Approuvée');
    await expect(el).to.be.accessible();
  });

  it('without a locale attribute, the nearest lang decides (fr page section)', async () => {
    // The fixture root is a Lit element: a plain root would wait for an animation frame, which a
    // background test page does not get.
    const wrapper = await fixture(html`<dealreg-provider
      ><section lang="fr-FR">
        <dealreg-quote-button registration-id="reg-x" .adapter=${memoryAdapter()}></dealreg-quote-button></section
    ></dealreg-provider>`);
    const el = wrapper.querySelector<DealRegQuoteButton>('dealreg-quote-button')!;
    await el.updateComplete;
    expect(buttonNamed(el, 'Demander une cotation')).to.exist;
  });

  it('en is the default, and switching an element back to en renders English again', async () => {
    const el = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button locale="fr" registration-id="reg-x" .adapter=${memoryAdapter()}></dealreg-quote-button>`,
    );
    await el.updateComplete;
    expect(buttonNamed(el, 'Demander une cotation')).to.exist;
    el.locale = 'en';
    await el.updateComplete;
    expect(buttonNamed(el, 'Request quote')).to.exist;
  });

  it('fr: hints name the coming rule set and its date in French (acc-installed before the extension)', async () => {
    const core = backend({ clock: '2017-01-15T09:00:00Z' });
    const el = await fixture(
      html`<dealreg-eligibility locale="fr" account-id="acc-installed" opportunity-id="opp-installed-refresh" .adapter=${memoryAdapter(core)}></dealreg-eligibility>`,
    );
    await until(() => deepQuery(el, '[part~="hint"]'), 'hints');
    const date = new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' })
      .format(new Date('2017-02-01T00:00:00Z'))
      .replace(/ /g, '\u00a0');
    expect(deepText(el)).to.include(`Éligible à partir du ${date}`);
    expect(deepText(el)).to.include('Extension à la base installée');
    expect(deepText(el)).to.include('Non éligible');
  });

  it('en: acc-installed before the extension is not eligible and the hint names the coming rule and date', async () => {
    const core = backend({ clock: '2017-01-15T09:00:00Z' });
    const el = await fixture(
      html`<dealreg-eligibility account-id="acc-installed" opportunity-id="opp-installed-refresh" .adapter=${memoryAdapter(core)}></dealreg-eligibility>`,
    );
    await until(() => deepQuery(el, '[part~="hint"]'), 'hints');
    const text = deepText(el);
    expect(text).to.include('Not eligible');
    expect(text).to.include('Eligible from Feb\u00a01,\u00a02017 under the Installed-base extension');
    expect(text).to.include('Add a ');
    expect(deepQuery(el, '[part~="installed-base"]')).to.exist;
    expect(text).to.include('Rack servers');
    await expect(el).to.be.accessible();
  });
});

describe('each element in its own locale', () => {
  it('two quote buttons on one page, fr and en: "Demander une cotation" and "Request quote"', async () => {
    const provider = await fixture(html`<dealreg-provider .adapter=${memoryAdapter()}
      ><dealreg-quote-button locale="fr" registration-id="reg-x"></dealreg-quote-button
      ><dealreg-quote-button locale="en" registration-id="reg-x"></dealreg-quote-button
    ></dealreg-provider>`);
    const [fr, en] = [...provider.querySelectorAll<DealRegQuoteButton>('dealreg-quote-button')];
    await Promise.all([fr!.updateComplete, en!.updateComplete]);
    expect(buttonNamed(fr!, 'Demander une cotation'), 'the fr button').to.exist;
    expect(buttonNamed(en!, 'Request quote'), 'the en button').to.exist;
    // Rendering one again does not drag the other into its language.
    fr!.requestUpdate();
    await fr!.updateComplete;
    en!.requestUpdate();
    await en!.updateComplete;
    expect(buttonNamed(fr!, 'Demander une cotation')).to.exist;
    expect(buttonNamed(en!, 'Request quote')).to.exist;
    await expect(fr!).to.be.accessible();
    await expect(en!).to.be.accessible();
  });

  it('the attribute wins over the provider, the provider over the nearest lang', async () => {
    const provider = await fixture(html`<dealreg-provider locale="fr" .adapter=${memoryAdapter()}
      ><section lang="en">
        <dealreg-quote-button id="from-provider" registration-id="reg-x"></dealreg-quote-button>
        <dealreg-quote-button id="own" locale="en" registration-id="reg-x"></dealreg-quote-button></section
    ></dealreg-provider>`);
    const fromProvider = provider.querySelector<DealRegQuoteButton>('#from-provider')!;
    const own = provider.querySelector<DealRegQuoteButton>('#own')!;
    await Promise.all([fromProvider.updateComplete, own.updateComplete]);
    expect(buttonNamed(fromProvider, 'Demander une cotation'), 'provider fr beats lang en').to.exist;
    expect(buttonNamed(own, 'Request quote'), 'attribute en beats provider fr').to.exist;
    // Without a provider locale, the nearest lang decides.
    (provider as HTMLElement & { locale?: string }).locale = undefined;
    await (provider as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await until(() => buttonNamed(fromProvider, 'Request quote'), 'the section lang (en) once the provider has no locale');
  });

  it('switches at run time: attribute en → fr → en, and a provider switching every element inside', async () => {
    const provider = await fixture(html`<dealreg-provider locale="en" .adapter=${memoryAdapter()}
      ><dealreg-quote-button registration-id="reg-x"></dealreg-quote-button
    ></dealreg-provider>`);
    const el = provider.querySelector<DealRegQuoteButton>('dealreg-quote-button')!;
    await el.updateComplete;
    expect(buttonNamed(el, 'Request quote')).to.exist;
    (provider as HTMLElement & { locale?: string }).locale = 'fr';
    await until(() => buttonNamed(el, 'Demander une cotation'), 'French from the provider');
    el.locale = 'en';
    await el.updateComplete;
    expect(buttonNamed(el, 'Request quote')).to.exist;
    el.locale = 'fr';
    await el.updateComplete;
    expect(buttonNamed(el, 'Demander une cotation')).to.exist;
    await expect(el).to.be.accessible();
  });

  it("strings built in an event handler are in the element's locale (French form validation beside an English form)", async () => {
    const adapter = memoryAdapter();
    const provider = await fixture(html`<dealreg-provider .adapter=${adapter}
      ><dealreg-register-form locale="fr" account-id="acc-nextgen"></dealreg-register-form
      ><dealreg-register-form locale="en" account-id="acc-nextgen"></dealreg-register-form
    ></dealreg-provider>`);
    const [fr, en] = [...provider.querySelectorAll<DealRegRegisterForm>('dealreg-register-form')];
    for (const [form, open, submit] of [
      [fr!, 'Déclarer une opportunité', 'Envoyer la déclaration'],
      [en!, 'Register opportunity', 'Submit registration'],
    ] as const) {
      await until(() => buttonNamed(form, open), `${form.locale} open button`);
      buttonNamed(form, open)!.click();
      await until(() => buttonNamed(form, submit), `${form.locale} form`);
      buttonNamed(form, submit)!.click();
      await form.updateComplete;
    }
    expect(deepText(fr!)).to.include('Choisissez l’opportunité à déclarer.');
    expect(deepText(en!)).to.include('Choose the opportunity to register.');
    await expect(fr!).to.be.accessible();
  });
});
