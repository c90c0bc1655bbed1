// How <dealreg-book> looks where it is embedded: in a sidebar (320px) and at a page's full width
// (1200px) no row runs wider than the book; with the demo's dark host theme (its documented custom
// properties only: docs/theming.md) every text keeps its contrast; and axe finds nothing in any view,
// in English and French, light and dark, nor in the empty search or the error state, each of which
// says what to do.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { BOOK_VIEWS } from '../../src/domain/status.ts';
import { DealRegError } from '../../src/errors.ts';
import type { DealRegBook } from '../../widgets/index.ts';
import { buttonNamed, deepElements, deepQuery, deepText, inALightningPage, memoryAdapter, until } from './helpers.ts';
import { settled } from './book-helpers.ts';

const WIDTHS = [320, 1200];
const LANGS = ['en', 'fr'] as const;
const THEMES = ['light', 'dark'] as const;

/** The demo's dark host theme for the book: the custom properties demo/crm.css sets on it (docs/theming.md). */
async function darkTheme(): Promise<Array<[string, string]>> {
  const css = await (await fetch('/demo/crm.css')).text();
  const block = /body\.theme-dark dealreg-book[^{]*\{([^}]*)\}/.exec(css);
  expect(block, "the book's dark theme in demo/crm.css").to.exist;
  return [...block![1]!.matchAll(/(--dealreg-[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]);
}

/**
 * The book in a host column, its theme set on the column (the properties inherit), each deal a link
 * to the host's record as in a CRM.
 */
async function mount(lang: string, theme: string, adapter: DealRegAdapter = memoryAdapter()) {
  const column = await fixture<HTMLDivElement>(
    html`<div style="width:${WIDTHS[0]}px">
      <dealreg-book locale=${lang} record-href="/crm/Account/{accountId}/view" .adapter=${adapter}></dealreg-book>
    </div>`,
  );
  if (theme === 'dark') for (const [name, value] of await darkTheme()) column.style.setProperty(name, value);
  const el = column.querySelector('dealreg-book')!;
  await settled(el);
  return { column, el };
}

/** What lies outside the book's box, left or right: each element named by its part or tag and text. */
function overflowing(el: DealRegBook): string[] {
  const box = el.getBoundingClientRect();
  return deepElements(el)
    .filter((inner) => {
      const r = inner.getBoundingClientRect();
      if (r.width === 0 || inner.closest('.visually-hidden')) return false;
      return r.left < box.left - 0.5 || r.right > box.right + 0.5;
    })
    .map((inner) => `${inner.getAttribute('part') ?? inner.localName}: ${deepText(inner).trim().slice(0, 40)}`);
}

/** At each width: nothing outside the book, and axe clean. */
async function checkWidths(column: HTMLElement, el: DealRegBook, what: string): Promise<void> {
  for (const width of WIDTHS) {
    column.style.width = `${width}px`;
    expect(overflowing(el), `${what} at ${width}px`).to.deep.equal([]);
    await expect(el, `${what} at ${width}px`).to.be.accessible();
  }
}

async function search(el: DealRegBook, text: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = text;
  el.shadowRoot!.querySelector<HTMLFormElement>('[part~="search"]')!.requestSubmit();
  await until(() => deepQuery(el, '[part~="empty"]'), 'the empty search');
  await settled(el);
}

describe('<dealreg-book> presentation', function () {
  this.timeout(120_000);
  inALightningPage();

  for (const lang of LANGS) {
    for (const theme of THEMES) {
      it(`${lang}, ${theme}: every view fits a sidebar and a full page, axe clean`, async () => {
        const { column, el } = await mount(lang, theme);
        for (const view of BOOK_VIEWS) {
          el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="tab"][data-view="${view}"]`)!.click();
          await el.updateComplete;
          await settled(el);
          expect(deepQuery(el, '[part~="row"]'), `${view} has rows`).to.exist;
          await checkWidths(column, el, view);
        }
      });

      it(`${lang}, ${theme}: a search that finds nothing says what to do, fits, axe clean`, async () => {
        const { column, el } = await mount(lang, theme);
        await search(el, 'Zola');
        const clear = lang === 'en' ? 'Clear search' : 'Effacer la recherche';
        expect(buttonNamed(el, clear), clear).to.exist;
        await checkWidths(column, el, 'the empty search');
      });

      it(`${lang}, ${theme}: a book that cannot be loaded says so with Retry, fits, axe clean`, async () => {
        const failing: DealRegAdapter = {
          ...memoryAdapter(),
          listRegistrations: () => Promise.reject(new DealRegError('service-unavailable')),
        };
        const { column, el } = await mount(lang, theme, failing);
        expect(deepQuery(el, '[part~="error"]')).to.exist;
        expect(deepQuery(el, '[part~="retry-button"]')).to.exist;
        await checkWidths(column, el, 'the error');
      });
    }
  }
});
