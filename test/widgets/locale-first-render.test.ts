// A page that asks for French from the start never shows English first, not even for one render:
// the element waits for the French messages (loaded on first need) before its first update. Its own
// file, so that French is not loaded yet when it starts (each test file gets a fresh page).
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegPanel, DealRegQuoteButton } from '../../widgets/index.ts';
import { DealRegElement } from '../../widgets/element/base.ts';
import { isLocaleReady } from '../../widgets/i18n/localization.ts';
import { buttonNamed, deepQuery, deepText, memoryAdapter, until } from './helpers.ts';

/** Every English string these views show before and after their data arrives. */
const ENGLISH = ['Request quote', 'Loading…', 'Opportunities', 'Eligibility', 'Register opportunity', 'Approved', 'days left'];

/** Records the shadow text of every dealreg element after each of its updates (every render). */
function recordRenders(): { renders: string[]; stop: () => void } {
  const renders: string[] = [];
  const proto = DealRegElement.prototype as unknown as { performUpdate(): void };
  const original = proto.performUpdate;
  proto.performUpdate = function (this: DealRegElement) {
    original.call(this);
    renders.push(`${this.localName}: ${this.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? ''}`);
  };
  return { renders, stop: () => (proto.performUpdate = original) };
}

describe('a page in French from the start', () => {
  it('the quote button and the whole panel render French from their first render on', async () => {
    expect(isLocaleReady('fr'), 'French is not loaded before the first French element').to.equal(false);
    const { renders, stop } = recordRenders();
    try {
      const button = await fixture<DealRegQuoteButton>(
        html`<dealreg-quote-button locale="fr" registration-id="reg-x" .adapter=${memoryAdapter()}></dealreg-quote-button>`,
      );
      await until(() => buttonNamed(button, 'Demander une cotation'), 'the French button');
      const panel = await fixture<DealRegPanel>(
        html`<dealreg-panel locale="fr" account-id="acc-protected" .adapter=${memoryAdapter()}></dealreg-panel>`,
      );
      await until(() => buttonNamed(panel, 'Demander une cotation'), 'the panel rendered its protected deal');
      await panel.updateComplete;
      expect(deepText(panel)).to.include('Approuvée');
    } finally {
      stop();
    }
    expect(renders.length, 'renders observed').to.be.greaterThan(3);
    const english = renders.filter((r) => ENGLISH.some((s) => r.includes(s)));
    expect(english, 'renders showing English').to.deep.equal([]);
    expect(
      renders.some((r) => r.includes('Chargement…')),
      "the panel's loading state was seen, in French",
    ).to.equal(true);
    expect(deepQuery(document.body, 'dealreg-status')).to.exist;
  });
});
