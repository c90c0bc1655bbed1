// Theming promises of docs/theming.md: the documented custom properties reach inside, and the
// panel forwards its children's parts so a host page can style them from outside.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegQuoteButton } from '../../widgets/index.ts';
import { buttonNamed, memoryAdapter } from './helpers.ts';

describe('theming', () => {
  it('--dealreg-color-on-brand colours the text of primary buttons (default white)', async () => {
    const plain = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button registration-id="r" .adapter=${memoryAdapter()}></dealreg-quote-button>`,
    );
    expect(getComputedStyle(buttonNamed(plain, 'Request quote')!).color).to.equal('rgb(255, 255, 255)');
    const themed = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button
        style="--dealreg-color-brand: rgb(250, 220, 0); --dealreg-color-on-brand: rgb(20, 20, 20)"
        registration-id="r"
        .adapter=${memoryAdapter()}
      ></dealreg-quote-button>`,
    );
    const button = buttonNamed(themed, 'Request quote')!;
    expect(getComputedStyle(button).color).to.equal('rgb(20, 20, 20)');
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(250, 220, 0)');
  });
});
