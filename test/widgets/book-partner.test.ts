// <dealreg-book> follows the signed-in partner: a new adapter (the demo's partner switch gives its
// provider one, with the other partner's token) loads that partner's book, counts and rows, and
// nothing said about the previous partner's book stays on screen (a CSV outcome).
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { BookPage } from '../../src/domain/book.ts';
import { BOOK_VIEWS } from '../../src/domain/status.ts';
import type { DealRegBook, DealRegProvider } from '../../widgets/index.ts';
import { backend, counting, deepQuery, deepQueryAll, deepText, memoryAdapter, until, type CountingAdapter } from './helpers.ts';

const rowIds = (el: Element) => deepQueryAll<HTMLElement>(el, '[part~="row"]').map((r) => r.dataset.registrationId!);
const tabText = (el: DealRegBook, view: string) =>
  el.shadowRoot!.querySelector(`[part~="tab"][data-view="${view}"]`)!.textContent!.replace(/\s+/g, ' ').trim();
const exportStatus = (el: DealRegBook) => deepText(deepQuery(el, '[part~="export-status"]')!).trim();
const exportButton = (el: DealRegBook) => deepQuery<HTMLButtonElement>(el, '[part~="export-button"]')!;

function firstPage(adapter: DealRegAdapter): Promise<BookPage> {
  return adapter.listRegistrations!({ view: 'expiring-soon' });
}

/** The provider hands the book `adapter`; resolves once the book has asked it and shows its rows. */
async function switchTo(provider: DealRegProvider, el: DealRegBook, adapter: CountingAdapter): Promise<void> {
  provider.adapter = adapter;
  await until(
    () => adapter.calls.listRegistrations > 0 && !deepQuery(el, '[aria-busy="true"]') && rowIds(el).length > 0,
    'the book from the new adapter',
  );
  await el.updateComplete;
}

async function providedBook(adapter: CountingAdapter): Promise<{ provider: DealRegProvider; el: DealRegBook }> {
  const provider = await fixture<DealRegProvider>(
    html`<dealreg-provider locale="en"><dealreg-book></dealreg-book></dealreg-provider>`,
  );
  const el = provider.querySelector('dealreg-book')!;
  await switchTo(provider, el, adapter);
  return { provider, el };
}

describe('<dealreg-book> and the signed-in partner', () => {
  it("a new adapter from the provider loads the other partner's book: its rows and its counts", async () => {
    const core = backend();
    const alpha = await firstPage(memoryAdapter(core, 'demo-alpha'));
    const beta = await firstPage(memoryAdapter(core, 'demo-beta'));
    const { provider, el } = await providedBook(counting(memoryAdapter(core, 'demo-alpha')));
    expect(rowIds(el)).to.deep.equal(alpha.rows.map((r) => r.registration.id));
    await switchTo(provider, el, counting(memoryAdapter(core, 'demo-beta')));
    expect(rowIds(el)).to.deep.equal(beta.rows.map((r) => r.registration.id));
    for (const view of BOOK_VIEWS) expect(tabText(el, view), view).to.include(`(${beta.counts!.byView[view]})`);
  });

  it("the previous partner's CSV outcome leaves with its book, and an export still running for it saves nothing", async () => {
    const core = backend();
    const saved: string[] = [];
    const { click } = HTMLAnchorElement.prototype;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) saved.push(this.download);
      else click.call(this);
    };
    try {
      const { provider, el } = await providedBook(counting(memoryAdapter(core, 'demo-alpha')));
      exportButton(el).click();
      await until(() => /CSV downloaded/.test(exportStatus(el)), "Alpha's CSV");
      expect(saved.length).to.equal(1);
      await switchTo(provider, el, counting(memoryAdapter(core, 'demo-beta')));
      expect(exportStatus(el), "Alpha's outcome beside Beta's book").to.equal('');

      // Beta's export waits on its first page while the partner changes back to Alpha.
      let answer: () => void = () => undefined;
      const real = memoryAdapter(core, 'demo-beta');
      const slow = counting({
        ...real,
        listRegistrations: async (query, o) => {
          if (query.limit === 100) await new Promise<void>((resolve) => (answer = resolve));
          return real.listRegistrations!(query, o);
        },
      });
      await switchTo(provider, el, slow);
      exportButton(el).click();
      await until(() => /Preparing the CSV/.test(exportStatus(el)), "Beta's export running");
      await switchTo(provider, el, counting(memoryAdapter(core, 'demo-alpha')));
      expect(exportStatus(el), "Beta's export beside Alpha's book").to.equal('');
      answer();
      // Alpha's own export, after Beta's answer came: the one file saved since is Alpha's.
      exportButton(el).click();
      await until(() => /CSV downloaded/.test(exportStatus(el)), "Alpha's CSV again");
      expect(saved.length, "no file of Beta's").to.equal(2);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });
});
