// Theming promises of docs/theming.md: the documented custom properties reach inside, and the
// panel forwards its children's parts so a host page can style them from outside.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegPanel, DealRegQuoteButton } from '../../widgets/index.ts';
import { buttonNamed, deepQuery, memoryAdapter, until } from './helpers.ts';

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

  it("the panel forwards its children's parts: a host page styles rows, buttons and hints through dealreg-panel::part()", async () => {
    const style = document.createElement('style');
    style.textContent = `
      dealreg-panel::part(opportunity) { outline: 3px solid rgb(1, 2, 3); }
      dealreg-panel::part(request-button) { text-transform: uppercase; }
      dealreg-panel::part(register-button) { letter-spacing: 3px; }
      dealreg-panel::part(installed-base) { outline: 4px solid rgb(4, 5, 6); }
      dealreg-panel::part(decision) { outline: 5px solid rgb(7, 8, 9); }`;
    document.head.append(style);
    try {
      const el = await fixture<DealRegPanel>(
        html`<dealreg-panel account-id="acc-protected" .adapter=${memoryAdapter()}></dealreg-panel>`,
      );
      await until(() => buttonNamed(el, 'Request quote') && deepQuery(el, '[part~="installed-base"]'), 'loaded');
      expect(getComputedStyle(deepQuery(el, '[part~="opportunity"]')!).outlineColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(buttonNamed(el, 'Request quote')!).textTransform).to.equal('uppercase');
      expect(getComputedStyle(deepQuery(el, '[part~="installed-base"]')!).outlineColor).to.equal('rgb(4, 5, 6)');
      const open = await fixture<DealRegPanel>(
        html`<dealreg-panel account-id="acc-nextgen" .adapter=${memoryAdapter()}></dealreg-panel>`,
      );
      await until(() => deepQuery(open, '[part~="decision"]') && buttonNamed(open, 'Register opportunity'), 'a decision');
      expect(getComputedStyle(buttonNamed(open, 'Register opportunity')!).letterSpacing).to.equal('3px');
      expect(getComputedStyle(deepQuery(open, '[part~="decision"]')!).outlineColor).to.equal('rgb(7, 8, 9)');
    } finally {
      style.remove();
    }
  });

  /** A CRM section styled `style`, holding a panel (the panel is the fixture: a plain wrapper fixture waits for a frame). */
  async function panelIn(style: string): Promise<{ section: HTMLElement; panel: DealRegPanel }> {
    const section = document.createElement('section');
    section.setAttribute('style', style);
    document.body.append(section);
    const panel = await fixture<DealRegPanel>(
      html`<dealreg-panel account-id="acc-protected" .adapter=${memoryAdapter()}></dealreg-panel>`,
      {
        parentNode: section,
      },
    );
    await until(() => buttonNamed(panel, 'Request quote'), 'loaded');
    return { section, panel };
  }

  it('inside a visibility: hidden CRM section the panel stays hidden (and shows when the section does)', async () => {
    const { section, panel } = await panelIn('visibility: hidden');
    try {
      const button = buttonNamed(panel, 'Request quote')!;
      expect(getComputedStyle(panel).visibility).to.equal('hidden');
      expect(getComputedStyle(button).visibility).to.equal('hidden');
      expect(button.checkVisibility({ visibilityProperty: true })).to.equal(false);
      section.style.visibility = 'visible';
      expect(button.checkVisibility({ visibilityProperty: true })).to.equal(true);
    } finally {
      fixtureCleanup();
      section.remove();
    }
  });

  it('inside a pointer-events: none section the panel takes no pointer events either', async () => {
    const { section, panel } = await panelIn('pointer-events: none');
    try {
      expect(getComputedStyle(buttonNamed(panel, 'Request quote')!).pointerEvents).to.equal('none');
    } finally {
      fixtureCleanup();
      section.remove();
    }
  });
});
