// The rep's book in the bench page (issue 20's budgets, bench/book-budgets.mjs): `<dealreg-book>`
// on Alpha's generated book, its render against the plain-DOM floor, its requests on mount and the
// CSV export's requests. The page's own tools (the stage, the counting adapter, the floor) are
// handed in by bench/page.ts, so both measure the same way.
import { createMockBackend } from '../mocks/index.ts';
import { createMemoryAdapter } from '../mocks/core/memory-adapter.ts';
import { markValidating } from '../src/adapters/validated.ts';
import type { DealRegAdapter } from '../src/adapter.ts';
import type { BookPage, BookQuery } from '../src/domain/book.ts';

type Calls = Record<string, number>;

interface CallRecord {
  method: string;
  args: unknown[];
  answerJsonBytes: number | null;
}

/** What bench/page.ts lends the book's measurements. */
export interface BenchTools {
  stage: HTMLElement;
  alpha: string;
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  nextFrame(): Promise<number>;
  forceLayout(): number;
  updatesPending(host: Element): boolean;
  busy(host: Element): boolean;
  counting(inner: DealRegAdapter, calls: Calls, log?: CallRecord[]): DealRegAdapter;
  sumCalls(calls: Calls): number;
  lateRequests(): Promise<void>;
  againstFloor(
    timePanel: () => Promise<{ ms: number; panel: HTMLElement }>,
    runs: number,
    warmup: number,
    floor: boolean,
    inspect: (panel: HTMLElement) => void,
  ): Promise<{ panelMs: number[]; floorMs: number[]; floorNoPaintMs: number[]; elementsInPanel: number; floorHtmlChars: number }>;
}

/** The book's first page: 25 rows. */
const BOOK_PAGE = 25;

type Book = HTMLElement & { adapter: DealRegAdapter };

export function bookBench(t: BenchTools) {
  function mountBook(adapter: DealRegAdapter): Book {
    const book = document.createElement('dealreg-book') as Book;
    book.setAttribute('locale', 'en');
    book.setAttribute('record-href', '/lightning/r/Opportunity/{partnerOpportunityId}/view');
    book.setAttribute('account-href', '/lightning/r/Account/{accountId}/view');
    book.adapter = adapter;
    t.stage.append(book);
    return book;
  }

  const rowsOf = (book: Element): HTMLElement[] =>
    book.shadowRoot ? Array.from(book.shadowRoot.querySelectorAll<HTMLElement>('li[part~="row"]')) : [];

  /** Rendered: `rows` rows and the tabs' counts on screen, nothing busy, no update pending anywhere inside. */
  const rendered = (book: Element, rows: number) => (): boolean =>
    rowsOf(book).length === rows &&
    /\(\d+\)/.test(book.shadowRoot?.querySelector('[part~="tab"]')?.textContent ?? '') &&
    !t.updatesPending(book) &&
    !t.busy(book);

  /**
   * Alpha's book against its plain-DOM floor, as the panel's render is measured: data ready (the
   * first page fetched and parsed once, before; then answered at once, marked as already parsed like
   * the shipped adapters' answers), timed from creating `<dealreg-book>` until its 25 rows and the
   * tabs' counts are on screen, nothing busy, no update pending, plus a forced layout.
   */
  async function bookRender(runs: number, warmup = 2) {
    t.stage.replaceChildren();
    const inner = createMemoryAdapter(createMockBackend(), { token: t.alpha });
    const answers = new Map<string, BookPage>();
    let fetched = 0;
    const ready = markValidating({
      ...inner,
      listRegistrations: (query: BookQuery, o?: { signal?: AbortSignal }) => {
        const key = JSON.stringify(query);
        const known = answers.get(key);
        if (known) return Promise.resolve(known);
        fetched++;
        return inner.listRegistrations!(query, o).then((page) => (answers.set(key, page), page));
      },
    });
    let rows = 0;
    let fetchedBefore = 0;

    async function timeBook(): Promise<{ ms: number; panel: HTMLElement }> {
      await t.nextFrame();
      const t0 = performance.now();
      const book = mountBook(ready);
      await t.waitFor(rendered(book, BOOK_PAGE), "Alpha's book");
      t.forceLayout();
      return { ms: performance.now() - t0, panel: book };
    }

    const timed = await t.againstFloor(timeBook, runs, warmup, true, (book) => {
      rows = rowsOf(book).length;
      fetchedBefore = fetched;
    });
    return { ...timed, rows, fetchedWhileTimed: fetched - fetchedBefore };
  }

  /** A book on a fresh mock, counted and recorded from its creation until its rows show (+300 ms). */
  async function bookRequests(): Promise<{ calls: Calls; log: CallRecord[]; rows: number; total: number | null }> {
    t.stage.replaceChildren();
    const calls: Calls = {};
    const log: CallRecord[] = [];
    const book = mountBook(t.counting(createMemoryAdapter(createMockBackend(), { token: t.alpha }), calls, log));
    await t.waitFor(rendered(book, BOOK_PAGE), "Alpha's book on a fresh mock");
    await t.lateRequests();
    const rows = rowsOf(book).length;
    book.remove();
    const total =
      (await createMemoryAdapter(createMockBackend(), { token: t.alpha }).listRegistrations!({})).counts?.total ?? null;
    return { calls: { ...calls, total: t.sumCalls(calls) }, log, rows, total };
  }

  /**
   * "Download CSV" over Alpha's whole book: no view holds every row (the widest, "All active", holds
   * the protections that hold), so the adapter answers every view with the whole book, as the
   * export's browser test does. Counted from the click until the file is handed to the browser; the
   * file is caught before the download (the Blob behind the link) and its data lines counted.
   */
  async function bookCsv(): Promise<{ calls: Calls; rowsInFile: number; total: number | null }> {
    t.stage.replaceChildren();
    const real = createMemoryAdapter(createMockBackend(), { token: t.alpha });
    const whole = {
      ...real,
      listRegistrations: ({ view: _view, ...query }: BookQuery, o?: { signal?: AbortSignal }) =>
        real.listRegistrations!(query, o),
    };
    const counted = { calls: {} as Calls };
    const book = mountBook(t.counting(whole, counted.calls));
    await t.waitFor(rendered(book, BOOK_PAGE), "Alpha's whole book");
    const blobs = new Map<string, Blob>();
    let file: Blob | undefined;
    const { createObjectURL } = URL;
    const { click } = HTMLAnchorElement.prototype;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = createObjectURL(blob);
      blobs.set(url, blob as Blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download && blobs.has(this.href)) file = blobs.get(this.href);
      else click.call(this);
    };
    try {
      // Counted from the click: the mount's own request is the mount's figure.
      for (const key of Object.keys(counted.calls)) delete counted.calls[key];
      book.shadowRoot!.querySelector<HTMLElement>('[part~="export-button"]')!.click();
      await t.waitFor(() => file !== undefined, 'the CSV file');
      await t.lateRequests();
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    const lines = (await file!.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    book.remove();
    const total = (await real.listRegistrations!({})).counts?.total ?? null;
    return { calls: { ...counted.calls, total: t.sumCalls(counted.calls) }, rowsInFile: lines.length - 1, total };
  }

  return { bookRender, bookRequests, bookCsv };
}
