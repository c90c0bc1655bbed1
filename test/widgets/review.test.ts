// What a rep reads on the panel (issue 19 §3, the gallery review), in every demo state, English and
// French: one brand button per row, no sentence said twice, one verdict line per deal, a next step in
// every state, information icons for rules and hints (the warning icon for problems), the account's
// context before its deals, dates that never break, a numeric column's heading over its numbers, the
// type and spacing scale, and axe in each state.
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import '../../widgets/index.ts';
import type { DealRegPanel } from '../../widgets/index.ts';
import { icon } from '../../widgets/templates/icons.ts';
import type { IconName } from '../../widgets/templates/icons.ts';
import { DEMO_SCENARIOS } from '../../demo/scenarios.ts';
import type { DemoScenario } from '../../demo/scenarios.ts';
import { dormantFrom } from '../../src/program/eligibility.ts';
import { ruleSetInForce } from '../../src/program/rule-set.ts';
import { DealRegError } from '../../src/errors.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import {
  backend,
  buttonNamed,
  counting,
  deepElements,
  deepQuery,
  deepQueryAll,
  deepText,
  memoryAdapter,
  until,
  inALightningPage,
} from './helpers.ts';

type Locale = 'en' | 'fr';

/** The default brand colour (#0176d3) as computed. */
const BRAND = 'rgb(1, 118, 211)';

const tokenOf = (scenario: DemoScenario): string => `demo-${scenario.partner ?? 'alpha'}`;
const nameOf = (scenario: DemoScenario): string => `${scenario.accountId}${scenario.partner ? ` as ${scenario.partner}` : ''}`;

/** Loaded: the header, rows, the empty state or an error, and nothing inside still busy. */
function loaded(el: Element): boolean {
  return (
    !!deepQuery(el, '[part~="header"]') &&
    !!(deepQuery(el, 'li[part~="opportunity"]') || deepQuery(el, '[part~="empty"]') || deepQuery(el, '[part~="error"]')) &&
    !deepQuery(el, '[aria-busy="true"], .skeleton')
  );
}

async function panel(
  accountId: string,
  { locale = 'en', width = 360, adapter }: { locale?: Locale; width?: number; adapter?: DealRegAdapter } = {},
): Promise<DealRegPanel> {
  const el = await fixture<DealRegPanel>(
    html`<dealreg-panel
      style="width:${width}px"
      account-id=${accountId}
      locale=${locale}
      .adapter=${adapter ?? memoryAdapter(backend())}
    ></dealreg-panel>`,
  );
  await until(() => loaded(el), `${accountId} loaded`);
  return el;
}

/** The opportunity row an element is in (through the shadow roots), if any. */
function rowOf(el: Element): Element | null {
  for (
    let at: Element | null = el;
    at;
    at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host as Element | undefined) ?? null
  ) {
    if (at.matches('li[part~="opportunity"]')) return at;
  }
  return null;
}

const fold = (s: string): string =>
  s
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The sentences a rep reads, with the row each is in (null: the account's part of the panel): every
 * element's own text, cut at the end of a sentence, a colon, a semicolon and a middle dot (a date's
 * spaces are non-breaking, so "févr. 2017" is not cut). Words and labels (under four words: a badge,
 * a button, a heading) and badges (a state's label) are not sentences.
 */
function sentences(root: Element): Array<{ text: string; row: Element | null }> {
  const out: Array<{ text: string; row: Element | null }> = [];
  for (const el of deepElements(root)) {
    if (el.closest('style, script, template, .badge') || el.getClientRects().length === 0) continue;
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join(' ');
    for (const piece of own.split(/[.;:!?](?= |$)|·/)) {
      const text = fold(piece);
      if (text.split(' ').length >= 4) out.push({ text, row: rowOf(el) });
    }
  }
  return out;
}

/** Sentences said twice: within a row, in the account's part, or once there and again in a row. */
function repeated(root: Element): string[] {
  const all = sentences(root);
  const twice: string[] = [];
  const account = all.filter((s) => s.row === null).map((s) => s.text);
  for (const [i, s] of all.entries()) {
    const again = all.findIndex((t, j) => j > i && t.text === s.text && (t.row === s.row || t.row === null || s.row === null));
    if (again >= 0) twice.push(s.text);
  }
  for (const s of all) if (s.row !== null && account.includes(s.text)) twice.push(s.text);
  return [...new Set(twice)];
}

/** Buttons a rep can press that wear the brand colour. */
function brandButtons(root: Element): HTMLButtonElement[] {
  return deepQueryAll<HTMLButtonElement>(root, 'button').filter(
    (b) =>
      b.getClientRects().length > 0 &&
      !b.disabled &&
      b.getAttribute('aria-disabled') !== 'true' &&
      getComputedStyle(b).backgroundColor === BRAND,
  );
}

/** An icon's drawing, to tell which one an element shows. */
function glyph(name: IconName): string {
  const div = document.createElement('div');
  render(icon(name), div);
  return div.querySelector('svg')!.innerHTML;
}
const drawn = (el: Element): string => el.querySelector('svg')!.innerHTML;

describe('what a rep reads on the panel (issue 19 §3)', function () {
  this.timeout(120_000);
  inALightningPage();

  for (const locale of ['en', 'fr'] as const) {
    describe(`every demo state (${locale})`, () => {
      for (const scenario of DEMO_SCENARIOS) {
        it(`${nameOf(scenario)}: one brand button per row and none outside, no sentence twice, axe`, async () => {
          const el = await panel(scenario.accountId, { locale, adapter: memoryAdapter(backend(), tokenOf(scenario)) });
          const brand = brandButtons(el);
          const rows = deepQueryAll(el, 'li[part~="opportunity"]');
          for (const row of rows) {
            const own = brand.filter((b) => rowOf(b) === row);
            expect(
              own.length,
              `${row.dataset['opportunityId']}: ${own.map((b) => b.textContent!.trim()).join(', ')}`,
            ).to.be.at.most(1);
          }
          expect(
            brand.filter((b) => rowOf(b) === null).map((b) => b.textContent!.trim()),
            'no panel-level brand button beside rows that carry their own',
          ).to.deep.equal([]);
          expect(repeated(el), 'sentences said twice').to.deep.equal([]);
          expect(deepText(el)).not.to.match(/No deal to register|Aucune affaire à déclarer/);
          await expect(el).to.be.accessible();
        });
      }
    });
  }

  it('acc-expiring: Extend is the brand button, Request quote is neutral', async () => {
    const el = await panel('acc-expiring');
    const extend = deepQuery<HTMLButtonElement>(el, '[part~="extend-button"]')!;
    const quote = buttonNamed(el, 'Request quote')!;
    expect(getComputedStyle(extend).backgroundColor).to.equal(BRAND);
    expect(getComputedStyle(quote).backgroundColor).not.to.equal(BRAND);
    expect(getComputedStyle(quote).color).to.equal(BRAND);
  });

  it('acc-protected (no extension yet): Request quote is the row’s brand button', async () => {
    const el = await panel('acc-protected');
    expect(brandButtons(el).map((b) => b.textContent!.trim())).to.deep.equal(['Request quote']);
  });

  it('one verdict line per registrable deal, in the text’s colour: what qualifies it, or the fix first', async () => {
    const nextgen = await panel('acc-nextgen');
    const verdicts = deepQueryAll(nextgen, '.verdict[data-eligible]');
    expect(verdicts).to.have.length(1);
    expect(fold(deepText(verdicts[0]!))).to.equal('eligible · latest-generation technology: composable infrastructure (synergy)');
    const row = deepQuery(nextgen, 'li[part~="opportunity"]')!;
    expect(getComputedStyle(verdicts[0]!).color, 'the verdict, in the text’s colour').to.equal('rgb(24, 24, 24)');
    expect(getComputedStyle(deepQuery(row, '.meta')!).color, 'the figures, weaker').to.equal('rgb(92, 92, 92)');
    expect(deepText(row)).not.to.match(/qualifies/i);

    const other = await panel('acc-other-installed');
    const verdict = deepQuery(other, '.verdict[data-eligible="false"]')!;
    expect(fold(deepText(verdict))).to.match(
      /^not eligible · add a composable infrastructure \(synergy\), flash storage, or hyperconverged systems line to qualify\.$/,
    );
    expect(deepQueryAll(other, 'li[part~="opportunity"] .verdict')).to.have.length(1);
  });

  it('"Dormant since" is the last order plus the dormancy window (the engine’s dormantFrom), not the order’s date', async () => {
    const overview = await memoryAdapter(backend()).getAccountOverview('acc-dormant');
    const lastOrder = overview.orders.lastInfraOrderAt!;
    const since = dormantFrom(lastOrder, ruleSetInForce(overview.program, overview.asOf)!);
    expect([lastOrder.slice(0, 10), since]).to.deep.equal(['2014-08-14', '2016-08-14']);
    const en = fold(deepText(deepQuery(await panel('acc-dormant'), 'dealreg-eligibility')!));
    expect(en).to.include('dormant since aug 14, 2016 (last vendor infrastructure order on aug 14, 2014)');
    const fr = fold(deepText(deepQuery(await panel('acc-dormant', { locale: 'fr' }), 'dealreg-eligibility')!));
    expect(fr).to.include('compte dormant depuis le 14 août 2016 (dernière commande');
  });

  it('rules and hints take the information icon; the warning icon is for problems only', async () => {
    const info = glyph('info');
    const alert = glyph('alert');
    const conflict = await panel('acc-conflict');
    const hints = deepQueryAll(deepQuery(conflict, 'dealreg-eligibility')!, '[part~="hint"]');
    expect(hints.length).to.be.greaterThan(0);
    for (const hint of hints) expect(drawn(hint), hint.dataset['code']).to.equal(info);
    expect(deepQueryAll(conflict, 'svg').map((svg) => svg.innerHTML)).not.to.include(alert);

    const expiring = await panel('acc-expiring');
    expect(drawn(deepQuery(expiring, '[part~="status-badge"]')!), 'expiring soon warns').to.equal(alert);
    const other = await panel('acc-other-installed');
    expect(drawn(deepQuery(other, '.verdict[data-eligible="false"]')!), 'a deal that does not qualify warns').to.equal(alert);
  });

  it('every state has a next step: protected by another partner, quoted, empty (a Refresh that reloads)', async () => {
    const conflict = await panel('acc-conflict');
    expect(fold(deepText(deepQuery(conflict, 'li[part~="opportunity"]')!))).to.include(
      'you can still sell it without the restricted quote, or register it if that protection ends.',
    );
    const quoted = await panel('acc-quoted');
    await until(() => deepQuery(quoted, '[part~="quote"] dl'), 'the quote');
    const quote = fold(deepText(deepQuery(quoted, '[part~="quote"]')!));
    expect(quote).to.include('order by mar 13, 2017 (27 days left)');
    expect(quote.match(/valid/g), 'the validity said once').to.equal(null);

    const adapter = counting(memoryAdapter(backend()));
    const empty = await panel('acc-empty', { adapter });
    const refresh = buttonNamed(empty, 'Refresh')!;
    expect(deepQuery(empty, '[part~="empty"]')!.contains(refresh)).to.equal(true);
    refresh.click();
    await until(() => adapter.calls.getAccountOverview === 2, 'the account, loaded again');
  });

  it('the error state keeps the card’s title, says what failed and what Retry does; "Nothing was changed" only after a change', async () => {
    const broken = await panel('acc-broken');
    expect(deepText(deepQuery(broken, 'h2')!).trim()).to.equal('Deal registration');
    const text = fold(deepText(broken));
    expect(text).to.include('the account could not be loaded. retry loads it again');
    expect(text).not.to.include('nothing was changed');

    const real = memoryAdapter(backend());
    const refusing: DealRegAdapter = { ...real, registerOpportunity: () => Promise.reject(new DealRegError('invalid-response')) };
    const el = await panel('acc-nextgen', { adapter: refusing });
    deepQuery<HTMLButtonElement>(el, '[part~="register-button"]')!.click();
    await until(() => deepQuery(el, 'input[value="workshop"]'), 'the form');
    deepQuery<HTMLInputElement>(el, 'input[value="workshop"]')!.click();
    deepQuery<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(() => deepQuery(el, 'form [part~="error"]'), 'the failure');
    expect(deepText(deepQuery(el, 'form [part~="error"]')!)).to.include('Nothing was changed.');
  });

  it('the account’s context comes first: above the deals in a sidebar, atop the second column in a main column', async () => {
    const narrow = await panel('acc-large', { width: 360 });
    const context = (el: Element): DOMRect => deepQuery(el, 'dealreg-eligibility')!.getBoundingClientRect();
    const list = (el: Element): DOMRect => deepQuery(el, 'dealreg-status')!.getBoundingClientRect();
    expect(context(narrow).bottom).to.be.at.most(list(narrow).top);
    const wide = await panel('acc-large', { width: 900 });
    expect(context(wide).left).to.be.greaterThan(list(wide).right);
    expect(Math.abs(context(wide).top - deepQuery(wide, '#opps-title')!.getBoundingClientRect().bottom)).to.be.lessThan(40);
  });

  it('acc-large: refresh candidates listed once: each end-of-support date once, the units of each family summed', async () => {
    const overview = await memoryAdapter(backend()).getAccountOverview('acc-large');
    const first = overview.installedBase.refreshCandidates.slice(0, 5);
    const el = await panel('acc-large');
    const items = deepQueryAll(el, 'ul.refresh li').map((li) => fold(deepText(li)));
    const lines = items.filter((t) => !t.startsWith('and '));
    const dates = lines.map((t) => /^end of support (.+?):/.exec(t)![1]);
    expect(new Set(dates).size, dates.join(' | ')).to.equal(dates.length);
    expect(new Set(first.map((a) => a.endOfSupportAt)).size).to.equal(dates.length);
    for (const line of lines) {
      const families = [...line.matchAll(/([\d,]+) × ([^,]+?)(?=,| and |$)/g)].map((m) => m[2]);
      expect(new Set(families).size, line).to.equal(families.length);
    }
    const units = lines.flatMap((t) => [...t.matchAll(/([\d,]+) ×/g)]).reduce((n, m) => n + Number(m[1]!.replace(/,/g, '')), 0);
    expect(units).to.equal(first.reduce((n, a) => n + a.quantity, 0));
    expect(items.at(-1)).to.equal(`and ${(overview.installedBase.refreshCandidatesTotal - 5).toLocaleString('en')} more`);
  });

  it('dates never break across lines (non-breaking spaces), in English and French', async () => {
    const en = deepText(await panel('acc-quoted'));
    expect(en).to.match(/Mar\u00a013,\u00a02017/);
    expect(en).not.to.match(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d|\d, \d{4}/);
    const fr = deepText(await panel('acc-quoted', { locale: 'fr' }));
    expect(fr).to.match(/13\u00a0mars\u00a02017/);
    expect(fr).not.to.match(
      /\d (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)|(janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.? \d{4}/,
    );
  });

  it('a column of numbers: its heading ends where its numbers end', async () => {
    const el = await panel('acc-installed', { width: 900 });
    const right = (cell: Element): number => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return range.getBoundingClientRect().right;
    };
    const heading = deepQuery(el, 'th.num')!;
    const cell = deepQuery(el, 'td.num')!;
    expect(Math.abs(right(heading) - right(cell))).to.be.lessThan(1);
  });

  it('buttons regular weight, labels 12px, spacing on the 4, 8, 12, 16px scale', async () => {
    for (const account of ['acc-expiring', 'acc-quoted', 'acc-installed', 'acc-conflict', 'acc-empty', 'acc-broken']) {
      const el = await panel(account);
      for (const b of deepQueryAll(el, 'button')) expect(getComputedStyle(b).fontWeight, b.textContent!).to.equal('400');
      for (const label of deepQueryAll(el, 'dt, th, .badge'))
        expect(getComputedStyle(label).fontSize, label.textContent!).to.equal('12px');
      const offScale: string[] = [];
      for (const e of [el, ...deepElements(el)]) {
        // An icon's offset centres it on its line, and text for assistive technology only is clipped away: not spacing.
        if (e.closest('.icon, .visually-hidden') || e.getClientRects().length === 0) continue;
        const s = getComputedStyle(e);
        for (const p of [
          'marginTop',
          'marginRight',
          'marginBottom',
          'marginLeft',
          'paddingTop',
          'paddingRight',
          'paddingBottom',
          'paddingLeft',
          'rowGap',
          'columnGap',
        ] as const) {
          const v = Number.parseFloat(s[p]);
          if (Number.isFinite(v) && v !== 0 && ![4, 8, 12, 16, 24, 32].some((k) => Math.abs(k - v) < 0.05))
            offScale.push(`${account} ${e.localName}.${e.className} ${p} ${s[p]}`);
        }
      }
      expect(offScale).to.deep.equal([]);
    }
  });
});
