// At home in a Lightning page (issue 12): text at the host's scale (a 16px root, 13px body text)
// and never below 12px, SVG icons beside words, the panel's own card dropped with
// appearance="plain", a compact layout in a sidebar and two columns in a main column.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegPanel } from '../../widgets/index.ts';
import {
  buttonNamed,
  deepElements,
  deepQuery,
  deepQueryAll,
  deepText,
  memoryAdapter,
  until,
  inALightningPage,
} from './helpers.ts';

/** Every element that holds text directly (a non-blank text node), through the shadow roots. */
function textHolders(root: Element): Element[] {
  return deepElements(root).filter(
    (el) =>
      !el.closest('style, script, template') &&
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''),
  );
}

const px = (el: Element): number => Number.parseFloat(getComputedStyle(el).fontSize);

/** Loaded: no skeleton, nothing busy, the header is shown (or an error). */
function loaded(el: DealRegPanel): boolean {
  return (
    !deepQuery(el, '.skeleton, [aria-busy="true"]') && !!(deepQuery(el, '[part~="header"]') || deepQuery(el, '[part~="error"]'))
  );
}

async function panel(account: string, options: { width: number; locale?: string; appearance?: string }): Promise<DealRegPanel> {
  const el = await fixture<DealRegPanel>(
    html`<dealreg-panel
      style="width:${options.width}px"
      account-id=${account}
      locale=${options.locale ?? 'en'}
      appearance=${options.appearance ?? 'card'}
      .adapter=${memoryAdapter()}
    ></dealreg-panel>`,
  );
  await until(() => loaded(el), `${account} loaded`);
  return el;
}

describe('in a Lightning page: 16px root, 13px body text', function () {
  // Each test renders several full panels (and axe runs on each): more than the default 10 s.
  this.timeout(60_000);
  inALightningPage();

  const SCENARIOS = [
    'acc-protected',
    'acc-quoted',
    'acc-expiring',
    'acc-conflict',
    'acc-nextgen',
    'acc-installed',
    'acc-empty',
    'acc-broken',
  ];

  for (const width of [360, 900]) {
    it(`at ${width}px, no text of any scenario is below 12px, and body text is the host's 13px`, async () => {
      const sizes = new Map<string, number>();
      for (const account of SCENARIOS) {
        const el = await panel(account, { width });
        // The register form too (its labels, options and fields).
        buttonNamed(el, 'Register opportunity')?.click();
        await el.updateComplete;
        const holders = textHolders(el);
        expect(holders.length, `${account} shows text`).to.be.at.least(3);
        for (const holder of holders) {
          const size = px(holder);
          const what = `${account}: "${holder.textContent!.trim().slice(0, 40)}" (${holder.localName}.${holder.className})`;
          expect(size, what).to.be.at.least(12);
          sizes.set(what, size);
        }
        if (account !== 'acc-broken') {
          expect(getComputedStyle(deepQuery(el, '[part~="base"]')!).fontSize, `${account}: the panel's text`).to.equal('13px');
        }
        if (account === 'acc-protected') {
          expect(px(deepQuery(el, '.meta')!), 'an opportunity row').to.equal(13);
          expect(px(deepQuery(el, '[part~="summary"]')!), 'the summary').to.equal(13);
          expect(px(deepQuery(el, '[part~="status-badge"]')!), 'a badge: smaller, not below 12px').to.equal(12);
        }
      }
      expect(sizes.size).to.be.greaterThan(40);
    });
  }

  it('a larger host scale is followed (16px body: 16px text), and a tiny one stops at 12px', async () => {
    try {
      document.body.style.fontSize = '16px';
      let el = await panel('acc-protected', { width: 360 });
      expect(px(deepQuery(el, '.meta')!)).to.equal(16);
      fixtureCleanup();
      document.body.style.fontSize = '9px';
      el = await panel('acc-protected', { width: 360 });
      for (const holder of textHolders(el)) expect(px(holder), holder.textContent!).to.be.at.least(12);
      expect(px(deepQuery(el, '.meta')!)).to.equal(12);
    } finally {
      document.body.style.fontSize = '13px';
    }
  });

  it('--dealreg-font-size sizes the text once: a relative value does not compound through the nested elements', async () => {
    const el = await fixture<DealRegPanel>(
      html`<dealreg-panel style="width:360px; --dealreg-font-size: 1.25em" account-id="acc-protected" .adapter=${memoryAdapter()}></dealreg-panel>`,
    );
    await until(() => loaded(el), 'loaded');
    expect(getComputedStyle(deepQuery(el, '[part~="base"]')!).fontSize).to.equal('16.25px');
    expect(px(deepQuery(el, '.meta')!), 'a row inside <dealreg-status>').to.equal(16.25);
    expect(px(buttonNamed(el, 'Request quote')!), 'a button inside <dealreg-quote-button>').to.equal(16.25);
  });

  it('status icons are inline SVG, hidden from assistive technology, beside words (no Unicode glyphs)', async () => {
    for (const account of ['acc-protected', 'acc-quoted', 'acc-conflict', 'acc-nextgen']) {
      const el = await panel(account, { width: 360 });
      const badges = deepQueryAll(el, '[part~="status-badge"]');
      expect(badges.length, `${account} has badges`).to.be.greaterThan(0);
      for (const badge of badges) {
        const svg = badge.querySelector('svg');
        expect(svg, `${account}: the badge "${badge.textContent!.trim()}" has an svg icon`).to.exist;
        expect(svg!.getAttribute('aria-hidden')).to.equal('true');
        expect(svg!.getAttribute('focusable')).to.equal('false');
        expect(svg!.getBoundingClientRect().width, 'the icon is drawn').to.be.greaterThan(8);
        expect(badge.textContent!.trim(), 'the badge says it in words').to.match(/\w{3,}/);
      }
      for (const hintIcon of deepQueryAll(el, '[part~="hint"] .icon'))
        expect(hintIcon.querySelector('svg[aria-hidden="true"]')).to.exist;
      expect(deepText(el)).not.to.match(/[✓✕○★⊘]/);
      await expect(el).to.be.accessible();
    }
  });

  it('appearance="card" (default) draws the panel\'s card; "plain" draws no border, shadow, background or padding of its own', async () => {
    const card = await panel('acc-protected', { width: 360 });
    expect(card.appearance).to.equal('card');
    const cardBase = getComputedStyle(deepQuery(card, '[part~="base"]')!);
    expect(cardBase.borderTopWidth).to.equal('1px');
    expect(cardBase.borderTopStyle).to.equal('solid');
    expect(cardBase.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(cardBase.paddingTop).not.to.equal('0px');

    const plain = await panel('acc-protected', { width: 360, appearance: 'plain' });
    const base = getComputedStyle(deepQuery(plain, '[part~="base"]')!);
    expect(base.borderTopStyle).to.equal('none');
    expect(base.borderLeftStyle).to.equal('none');
    expect(base.boxShadow).to.equal('none');
    expect(base.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(base.paddingTop).to.equal('0px');
    expect(base.paddingLeft).to.equal('0px');
    // Flush in the host's frame: the panel's text starts at its own left edge.
    const title = deepQuery(plain, 'h2')!;
    expect(Math.round(title.getBoundingClientRect().left)).to.equal(Math.round(plain.getBoundingClientRect().left));
    await expect(plain).to.be.accessible();

    // Reflected, and switchable at run time.
    expect(plain.getAttribute('appearance')).to.equal('plain');
    plain.appearance = 'card';
    await plain.updateComplete;
    expect(plain.getAttribute('appearance')).to.equal('card');
    expect(getComputedStyle(deepQuery(plain, '[part~="base"]')!).borderTopStyle).to.equal('solid');
  });

  it('appearance="plain" while loading drops the card too (the skeleton sits in the host\'s frame)', async () => {
    const adapter = memoryAdapter();
    const el = await fixture<DealRegPanel>(
      html`<dealreg-panel
        appearance="plain"
        account-id="acc-protected"
        .adapter=${{ ...adapter, getAccountOverview: () => new Promise<never>(() => {}) }}
      ></dealreg-panel>`,
    );
    const base = deepQuery(el, '[part~="base"]')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(getComputedStyle(base).borderTopStyle).to.equal('none');
  });

  function box(el: DealRegPanel, selector: string): DOMRect {
    return deepQuery(el, selector)!.getBoundingClientRect();
  }

  it('at 360px (a sidebar): one column, the account’s context (new deals, installed base) first, then the opportunities', async () => {
    const el = await panel('acc-nextgen', { width: 360 });
    const main = box(el, 'section.main');
    const context = box(el, 'section[aria-labelledby="eligibility-title"]');
    expect(Math.round(context.left)).to.equal(Math.round(main.left));
    expect(main.top).to.be.at.least(context.bottom);
    expect(Math.round(main.width)).to.equal(Math.round(context.width));
    // Nothing spills out of the sidebar.
    const right = el.getBoundingClientRect().right;
    for (const node of deepQueryAll(el, '[part~="opportunity"], [part~="status-badge"], button, table')) {
      expect(node.getBoundingClientRect().right, `${node.localName} "${node.textContent!.trim().slice(0, 30)}"`).to.be.at.most(
        right + 0.5,
      );
    }
    await expect(el).to.be.accessible();
  });

  it('at 900px (a main column): two columns, the opportunities beside the account’s context, atop the second column', async () => {
    const el = await panel('acc-nextgen', { width: 900 });
    const main = box(el, 'section.main');
    const context = box(el, 'section[aria-labelledby="eligibility-title"]');
    expect(context.left).to.be.at.least(main.right);
    expect(Math.abs(context.top - main.top)).to.be.lessThan(2);
    expect(main.width).to.be.greaterThan(context.width);
    await expect(el).to.be.accessible();
  });

  for (const locale of ['en', 'fr']) {
    for (const width of [360, 900]) {
      it(`axe: ${locale} at ${width}px, card and plain, with the quote and the form open`, async () => {
        for (const appearance of ['card', 'plain']) {
          const el = await panel('acc-quoted', { width, locale, appearance });
          await until(() => deepQuery(el, '[part~="quote"] dl'), 'the quote');
          await expect(el).to.be.accessible();
          // acc-quoted's only deal is held: the form opens where a deal qualifies (acc-nextgen).
          const open = await panel('acc-nextgen', { width, locale, appearance });
          buttonNamed(open, locale === 'fr' ? 'Déclarer une opportunité' : 'Register opportunity')!.click();
          await until(() => deepQuery(open, '[part~="form"]'), 'the form');
          await expect(open).to.be.accessible();
        }
      });
    }
  }

  it('a Register action that cannot act looks inactive, beside one that can (a deal that does not qualify, one that does)', async () => {
    const held = await panel('acc-other-installed', { width: 360 });
    const inert = deepQuery(held, '[part~="register-button"]')!;
    expect(inert.getAttribute('aria-disabled')).to.equal('true');
    const live = deepQuery(await panel('acc-nextgen', { width: 360 }), '[part~="register-button"]')!;
    expect(live.getAttribute('aria-disabled')).to.equal('false');
    expect(getComputedStyle(inert).backgroundColor, 'the inactive button is not drawn in the brand colour').not.to.equal(
      getComputedStyle(live).backgroundColor,
    );
    expect(getComputedStyle(inert).cursor).to.equal('not-allowed');
    await expect(held).to.be.accessible();
  });

  it("the quote's validity keeps its space before the parenthesis (en and fr)", async () => {
    const en = await panel('acc-quoted', { width: 360 });
    await until(() => deepQuery(en, '[part~="quote"] dd:last-of-type'), 'the quote');
    // The date's own spaces are non-breaking: a date never breaks across lines.
    expect(deepQuery(en, '[part~="quote"] dd:last-of-type')!.textContent!.trim()).to.match(
      /^\w{3}\u00a0\d{1,2},\u00a0\d{4} \(\d+ days? left\)$/,
    );
    const fr = await panel('acc-quoted', { width: 360, locale: 'fr' });
    await until(() => deepQuery(fr, '[part~="quote"] dd:last-of-type'), 'the quote');
    expect(deepQuery(fr, '[part~="quote"] dd:last-of-type')!.textContent!.trim()).to.match(/\d{4} \(\d+ jours? restants?\)$/);
    expect(deepText(fr)).to.include('Cotation reçue');
    expect(deepText(fr)).to.include('Remise de protection');
  });
});
