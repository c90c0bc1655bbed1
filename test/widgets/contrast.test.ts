// Button text keeps 4.5:1 against its button (WCAG 1.4.3), computed from the colours the browser
// renders: with the default theme, and with the demo's dark host theme (the custom properties
// demo/crm.css sets, documented in docs/theming.md), in every demo state and with the form open.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegPanel } from '../../widgets/index.ts';
import { DEMO_SCENARIOS } from '../../demo/scenarios.ts';
import { backend, deepQuery, deepQueryAll, memoryAdapter, until } from './helpers.ts';

type Rgba = [number, number, number, number];

function parse(colour: string): Rgba {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(colour);
  if (!m) throw new Error(`not an rgb() colour: ${colour}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

/** The colour behind an element: its own background over its ancestors' (through the shadow roots). */
function backgroundOf(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (
    let at: Element | null = el;
    at;
    at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host as Element | undefined) ?? null
  ) {
    const c = parse(getComputedStyle(at).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] === 1) break;
  }
  let out: Rgba = [255, 255, 255, 1];
  for (const [r, g, b, a] of layers.reverse())
    out = [r * a + out[0] * (1 - a), g * a + out[1] * (1 - a), b * a + out[2] * (1 - a), 1];
  return out;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number): number => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(text: Rgba, behind: Rgba): number {
  const [hi, lo] = [luminance(text), luminance(behind)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The demo's dark host theme: the declarations of `body.theme-dark dealreg-panel` in demo/crm.css. */
async function darkTheme(): Promise<Array<[string, string]>> {
  const css = await (await fetch('/demo/crm.css')).text();
  const block = /body\.theme-dark dealreg-panel\s*\{([^}]*)\}/.exec(css);
  expect(block, 'the dark theme in demo/crm.css').to.exist;
  return [...block![1]!.matchAll(/(--dealreg-[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]);
}

/** Every visible button's text contrast, named. */
function buttonContrasts(el: Element): Array<{ name: string; ratio: number }> {
  return deepQueryAll<HTMLButtonElement>(el, 'button')
    .filter((b) => b.getClientRects().length > 0)
    .map((b) => ({
      name: b.textContent!.trim(),
      ratio: contrast(parse(getComputedStyle(b).color), backgroundOf(b)),
    }));
}

describe('button text contrast, from the rendered colours', function () {
  this.timeout(60_000);
  afterEach(() => fixtureCleanup());

  for (const theme of ['light', 'dark'] as const) {
    for (const scenario of DEMO_SCENARIOS) {
      it(`${theme}: ${scenario.accountId}${scenario.partner ? ` as ${scenario.partner}` : ''}`, async () => {
        const el = await fixture<DealRegPanel>(
          html`<dealreg-panel
            style="width:360px"
            account-id=${scenario.accountId}
            .adapter=${memoryAdapter(backend(), `demo-${scenario.partner ?? 'alpha'}`)}
          ></dealreg-panel>`,
        );
        if (theme === 'dark') for (const [name, value] of await darkTheme()) el.style.setProperty(name, value);
        await until(() => deepQuery(el, '[part~="header"]') && !deepQuery(el, '[aria-busy="true"], .skeleton'), 'loaded');
        const register = deepQuery<HTMLButtonElement>(el, '[part~="register-button"][aria-disabled="false"]');
        if (register) {
          register.click();
          await until(() => deepQuery(el, '[part~="submit-button"]'), 'the form, open');
        }
        const low = buttonContrasts(el).filter((b) => b.ratio < 4.5);
        expect(low.map((b) => `${b.name}: ${b.ratio.toFixed(2)}`)).to.deep.equal([]);
      });
    }
  }
});
