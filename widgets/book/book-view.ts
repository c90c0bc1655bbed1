// The book's view (a chunk beside the entry, loaded by <dealreg-book>): its state, its requests and
// its template. The element renders what this holds; the rules are the engine's (src/program/book.ts).
// What it shares with the entry and the CRM deals' chunk (the extension requests, the standing's
// words, the quote button, the events) comes from its element: imported here, the bundler splits
// the entry's own modules (lit, the errors) into chunks the entry imports at load.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { BookCounts, BookPage, BookQuery, BookRow } from '../../src/domain/book.ts';
import { BOOK_VIEWS, type BookView as BookViewName, type OpportunityState } from '../../src/domain/status.ts';
import type { Registration } from '../../src/domain/types.ts';
import { toDealRegError, type DealRegError } from '../../src/errors.ts';
import { recordLink } from '../../src/record-links.ts';
import { bookQuoteStep, bookStanding, bookViewSort, type BookStanding } from '../../src/program/book.ts';
import type { ExtensionRequests } from '../controllers/extension-requests.ts';
import type { DealRegOpenRecordDetail, DealRegOperation } from '../events/events.ts';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.ts';
import { msg, str } from '../i18n/localization.ts';
import './book-messages.ts';
import { opportunityMeaning } from '../i18n/status-meaning.ts';
import type { extensionStep, standingDetail } from '../templates/standing.ts';
import { badge, errorPanel, skeleton } from '../templates/templates.ts';
import type { DealRegBook } from './book.component.ts';
import { bookCsv } from './book-csv.ts';

/** The export's page size (the vendor's largest) and its ceiling. */
const EXPORT_PAGE = 100;
export const EXPORT_MAX_ROWS = 5000;

/** What the view needs of its element (the protected parts handed over by the element itself). */
export interface BookHost {
  element: DealRegBook;
  /** The adapter to call, behind the element boundary, while the element is on the page. */
  adapter(): DealRegAdapter | undefined;
  signal(): AbortSignal;
  localized<T>(build: () => T): T;
  /** The rows' extension requests (the status list's), which call `extended` below once the vendor answered. */
  extensions: ExtensionRequests;
  /** Where a deal stands, in the status list's words. */
  standingDetail: typeof standingDetail;
  /** A held protection's extension, in the status list's words, with its Extend. */
  extensionStep: typeof extensionStep;
  /** Tells the host a load failed (`dealreg-error`). */
  report(operation: DealRegOperation, error: DealRegError): void;
  /** Tells the host a row's record is opened (`dealreg-open-record`); false when the host cancelled it. */
  openRecord(detail: DealRegOpenRecordDetail): boolean;
}

/** The words of each view's tab. */
function viewLabel(view: BookViewName): string {
  switch (view) {
    case 'expiring-soon':
      return msg('Expiring soon');
    case 'action-required':
      return msg('Action required');
    case 'submitted':
      return msg('Awaiting the vendor');
    case 'quoted':
      return msg('Quotes');
    case 'rejected':
      return msg('Rejected');
    case 'active':
      return msg('All active');
  }
}

/** Hands the file to the browser: a Blob and an `<a download>` (no navigation, nothing a CSP forbids). */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has handed the Blob to the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url));
}

type Loaded = Omit<BookPage, 'counts'>;

export class BookView {
  readonly #host: BookHost;
  #adapterUsed: DealRegAdapter | undefined;
  #view: BookViewName = 'expiring-soon';
  #q = '';
  #page: Loaded | undefined;
  #counts: BookCounts | undefined;
  #error: DealRegError | undefined;
  #loading = false;
  #moreLoading = false;
  #moreError: DealRegError | undefined;
  /** Answers to an earlier view, search or adapter are dropped. */
  #generation = 0;
  #announcement = '';
  /**
   * "Download CSV": the rows fetched so far while it runs (`busy`), then its outcome in words or its
   * failure. A new adapter replaces it, and an export still running for the previous one stops.
   */
  #csv: { busy?: number; said?: string; error?: DealRegError } = {};
  readonly #extensions: ExtensionRequests;

  constructor(host: BookHost) {
    this.#host = host;
    this.#extensions = host.extensions;
  }

  /**
   * After each update: a new adapter (or the first one: another partner signed in) loads the book,
   * and what was said of the previous one's (a CSV, an extension) goes with it.
   */
  sync(): void {
    const adapter = this.#host.element.effectiveAdapter;
    if (adapter === this.#adapterUsed || !this.#host.element.isConnected) return;
    this.#adapterUsed = adapter;
    this.#counts = undefined;
    this.#csv = {};
    this.#announcement = '';
    void this.#load();
  }

  /** The first page of the view and search: one request, its counts for the tabs. */
  async #load(): Promise<void> {
    const generation = ++this.#generation;
    const adapter = this.#host.adapter();
    const signal = this.#host.signal();
    this.#page = undefined;
    this.#error = undefined;
    this.#moreError = undefined;
    this.#moreLoading = false;
    this.#loading = true;
    this.#host.element.requestUpdate();
    try {
      if (!adapter?.listRegistrations) throw toDealRegError(new TypeError('the adapter cannot list registrations'));
      const { counts, ...page } = await adapter.listRegistrations(this.#query(), { signal });
      if (generation !== this.#generation) return;
      this.#page = page;
      if (counts) this.#counts = counts;
    } catch (e) {
      if (generation !== this.#generation || signal.aborted) return;
      this.#error = toDealRegError(e);
      this.#host.report('load-book', this.#error);
    } finally {
      if (generation === this.#generation) {
        this.#loading = false;
        this.#host.element.requestUpdate();
      }
    }
  }

  #query(cursor?: string, limit?: number): BookQuery {
    return {
      view: this.#view,
      // The view's order, the engine's: urgency (the vendor's default) is not sent.
      ...(bookViewSort(this.#view) === 'urgency' ? {} : { sort: bookViewSort(this.#view) }),
      ...(this.#q ? { q: this.#q } : {}),
      ...(cursor ? { cursor } : {}),
      ...(limit ? { limit } : {}),
    };
  }

  /**
   * "Download CSV": every page of the view and search (the vendor's largest pages, at most
   * EXPORT_MAX_ROWS rows), then the file through a Blob and an `<a download>`.
   */
  async #export(): Promise<void> {
    const adapter = this.#host.adapter();
    if (this.#csv.busy !== undefined || !adapter?.listRegistrations) return;
    const element = this.#host.element;
    const signal = this.#host.signal();
    const csv = (this.#csv = { busy: 0 });
    const rows: BookRow[] = [];
    let cursor: string | null | undefined;
    let first: BookPage | undefined;
    try {
      do {
        csv.busy = rows.length;
        element.requestUpdate();
        const page = await adapter.listRegistrations(this.#query(cursor ?? undefined, EXPORT_PAGE), { signal });
        if (this.#csv !== csv) return;
        first ??= page;
        rows.push(...page.rows);
        cursor = page.nextCursor;
      } while (cursor && rows.length < EXPORT_MAX_ROWS);
      const locale = element.effectiveLocale;
      const kept = rows.slice(0, EXPORT_MAX_ROWS);
      const count = formatNumber(kept.length, locale);
      this.#csv = {
        said: this.#host.localized(() => {
          download(bookCsv({ ...first!, rows: kept }, locale), `dealreg-${this.#view}-${first!.asOf.slice(0, 10)}.csv`);
          return cursor || rows.length > kept.length
            ? msg(str`CSV downloaded: the first ${count} rows only.`)
            : msg(str`CSV downloaded: ${count} rows.`);
        }),
      };
    } catch (e) {
      if (this.#csv !== csv) return;
      this.#csv = signal.aborted ? {} : { error: toDealRegError(e) };
      if (this.#csv.error) this.#host.report('export-book', this.#csv.error);
    }
    element.requestUpdate();
  }

  /** "Show more": one request however often it is pressed while it runs, then focus on the first new row. */
  async #more(): Promise<void> {
    const page = this.#page;
    const adapter = this.#host.adapter();
    if (!page?.nextCursor || this.#moreLoading || !adapter?.listRegistrations) return;
    const generation = this.#generation;
    const signal = this.#host.signal();
    const before = page.rows.length;
    this.#moreLoading = true;
    this.#moreError = undefined;
    this.#host.element.requestUpdate();
    try {
      const next = await adapter.listRegistrations(this.#query(page.nextCursor), { signal });
      if (generation !== this.#generation) return;
      this.#page = { ...page, rows: [...page.rows, ...next.rows], nextCursor: next.nextCursor };
    } catch (e) {
      if (generation !== this.#generation || signal.aborted) return;
      this.#moreError = toDealRegError(e);
      this.#host.report('load-more', this.#moreError);
    }
    this.#moreLoading = false;
    const element = this.#host.element;
    element.requestUpdate();
    await element.updateComplete;
    const rows = element.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]');
    if (this.#moreError) element.renderRoot.querySelector<HTMLElement>('.more-area [part~="retry-button"]')?.focus();
    else rows[before]?.focus();
  }

  #select(view: BookViewName): void {
    if (view === this.#view && !this.#error) return;
    this.#view = view;
    void this.#load();
  }

  #search(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    this.#q = input.value.trim();
    void this.#load();
  }

  #clearSearch(): void {
    this.#q = '';
    const input = this.#host.element.renderRoot.querySelector<HTMLInputElement>('input[name="q"]');
    if (input) input.value = '';
    void this.#load();
  }

  /** The vendor extended a row's protection: patch the row in, announce it. */
  extended(extended: Registration): void {
    const page = this.#page;
    if (page) {
      page.rows = page.rows.map((row) =>
        row.registration.id === extended.id
          ? {
              ...row,
              status: extended.status,
              protectedUntil: extended.protectedUntil ?? null,
              registration: { ...row.registration, extensionsUsed: extended.extensionsUsed },
            }
          : row,
      );
    }
    const until = extended.protectedUntil ? formatDate(extended.protectedUntil, this.#host.element.effectiveLocale) : '';
    this.#announcement = this.#host.localized(() => msg(str`Protection extended until ${until}.`));
    this.#host.element.requestUpdate();
  }

  #open(event: MouseEvent, row: BookRow, href: string | null): void {
    const opened = this.#host.openRecord({
      accountId: row.customer.id,
      partnerOpportunityId: row.registration.partnerOpportunityId ?? null,
      registrationId: row.registration.id,
      href,
    });
    if (!opened) event.preventDefault();
  }

  /** Arrow keys move between the tabs (the tab list is one stop of the Tab key). */
  #tabKey(event: KeyboardEvent): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const index = (BOOK_VIEWS.indexOf(this.#view) + step + BOOK_VIEWS.length) % BOOK_VIEWS.length;
    this.#select(BOOK_VIEWS[index]!);
    void this.#host.element.updateComplete.then(() =>
      this.#host.element.renderRoot.querySelector<HTMLElement>('[part~="tab"][aria-selected="true"]')?.focus(),
    );
  }

  #renderTabs(): TemplateResult {
    const locale = this.#host.element.effectiveLocale;
    return html`<div part="tabs" role="tablist" aria-label=${msg('Views of the book')} @keydown=${(e: KeyboardEvent) => this.#tabKey(e)}>
      ${BOOK_VIEWS.map((view) => {
        const selected = view === this.#view;
        const count = this.#counts ? ` (${formatNumber(this.#counts.byView[view], locale)})` : '';
        return html`<button
          part="button tab"
          role="tab"
          id="tab-${view}"
          data-view=${view}
          aria-selected=${String(selected)}
          aria-controls="book-rows"
          tabindex=${selected ? '0' : '-1'}
          type="button"
          @click=${() => this.#select(view)}
        >
          ${viewLabel(view)}${count}
        </button>`;
      })}
    </div>`;
  }

  #renderSearch(): TemplateResult {
    return html`<form part="search" role="search" @submit=${(e: SubmitEvent) => this.#search(e)}>
      <input
        part="search-input"
        name="q"
        type="search"
        .value=${this.#q}
        aria-label=${msg('Search by customer or deal')}
        placeholder=${msg('Customer or deal')}
      />
      <button part="button" type="submit">${msg('Search')}</button>
    </form>`;
  }

  /** Offered while the view shows rows (an empty view or search, or an error, has nothing to save); its outcome stays. */
  #renderExport(): TemplateResult | typeof nothing {
    const { busy, said, error } = this.#csv;
    const nothingToSave = this.#error !== undefined || this.#page?.rows.length === 0;
    if (busy === undefined && !said && !error && nothingToSave) return nothing;
    const fetched = formatNumber(busy ?? 0, this.#host.element.effectiveLocale);
    return html`<div class="export">
      <button
        part="button export-button"
        type="button"
        aria-disabled=${String(busy !== undefined)}
        aria-busy=${String(busy !== undefined)}
        @click=${() => void this.#export()}
      >
        ${msg('Download CSV')}
      </button>
      <span part="export-status" role="status">${busy === undefined ? said : msg(str`Preparing the CSV: ${fetched} rows so far…`)}</span>
      ${error ? errorPanel(error, () => void this.#export()) : nothing}
    </div>`;
  }

  #renderActions(page: Loaded, row: BookRow, standing: BookStanding, index: number): TemplateResult {
    const locale = this.#host.element.effectiveLocale;
    const { extension } = standing.protection;
    const id = row.registration.id;
    const request = this.#extensions.states.get(id);
    const failed = request && request !== 'sending' ? request : undefined;
    // One brand button per row, as in the status list: the extension while it can be requested.
    const extendable = extension.state === 'open';
    return html`<div class=${extendable ? 'actions extend' : 'actions'}>
      ${this.#host.extensionStep(extension, page.protection.extensionDays, index, request === 'sending', () => void this.#extensions.extend({ id }), locale)}
      ${failed ? errorPanel(failed, undefined, true) : nothing}
      ${this.#renderQuote(page, row, standing)}
    </div>`;
  }

  /** The restricted quote's step (the engine's bookQuoteStep): its validity, the vendor pricing it, or "Request quote". */
  #renderQuote(page: Loaded, row: BookRow, standing: BookStanding): TemplateResult | typeof nothing {
    const locale = this.#host.element.effectiveLocale;
    switch (bookQuoteStep(row, page.asOf, page.protection, standing)) {
      case 'valid':
        return row.quote?.validUntil
          ? html`<p class="detail" data-quote="valid">${msg(str`Quoted, valid until ${formatDate(row.quote.validUntil, locale)}.`)}</p>`
          : html`<p class="detail" data-quote="valid">${msg('Quoted.')}</p>`;
      case 'pending':
        return html`<p class="detail" data-quote="pending">${msg('Quote requested: the vendor is pricing it.')}</p>`;
      case 'request':
        return html`<dealreg-quote-button
          exportparts="base:quote-button, quote, request-button, hint"
          registration-id=${row.registration.id}
          .adapter=${this.#host.element.effectiveAdapter}
          locale=${locale}
        ></dealreg-quote-button>`;
      case 'none':
        return nothing;
    }
  }

  #renderRow(page: Loaded, row: BookRow, index: number): TemplateResult {
    const element = this.#host.element;
    const locale = element.effectiveLocale;
    // Once per row: its actions and its quote step read the same standing.
    const standing = bookStanding(row, page.asOf, page.protection);
    const { state, protection } = standing;
    const href = recordLink(
      { accountId: row.customer.id, partnerOpportunityId: row.registration.partnerOpportunityId ?? null },
      element.recordHref,
      element.accountHref,
    );
    const amount = formatMoney(row.deal.amount.value, row.deal.amount.currency, locale);
    // A host that set link templates navigates by them: a row none fits is plain text, not a button
    // that opens nothing. Without templates, the host navigates itself from dealreg-open-record.
    const name = href
      ? html`<a part="record-link" href=${href} @click=${(e: MouseEvent) => this.#open(e, row, href)}>${row.deal.name}</a>`
      : element.recordHref || element.accountHref
        ? row.deal.name
        : html`<button part="button record-link" type="button" @click=${(e: MouseEvent) => this.#open(e, row, null)}>
            ${row.deal.name}
          </button>`;
    return html`<li part="row" tabindex="-1" data-registration-id=${row.registration.id} data-state=${state}>
      <span class="name">${row.customer.name} · ${name}</span>
      ${badge(opportunityMeaning(state))}
      <p class="meta">${amount} · ${msg(str`closes ${formatDate(row.deal.closeDate, locale)}`)}</p>
      ${this.#host.standingDetail(state, row.registration, protection, locale)} ${this.#sentBack(state, row, locale)}
      ${this.#renderActions(page, row, standing, index)}
    </li>`;
  }

  /** A registration the vendor sent back with no reason given: when, and that it waits for the partner (its reasons say what, when given). */
  #sentBack(state: OpportunityState, row: BookRow, locale: string): TemplateResult | typeof nothing {
    if (state !== 'action-required' || row.registration.reasons.length > 0) return nothing;
    const on = formatDate(row.registration.updatedAt, locale);
    return html`<p class="verdict">${msg(str`Sent back by the vendor on ${on}: it awaits your answer.`)}</p>`;
  }

  #renderEmpty(): TemplateResult {
    if (this.#q) {
      return html`<div part="empty" class="empty">
        <p>${msg(str`No registration matches "${this.#q}". Check the spelling, or clear the search.`)}</p>
        <button part="button" type="button" @click=${() => this.#clearSearch()}>${msg('Clear search')}</button>
      </div>`;
    }
    if (this.#counts?.total === 0 && BOOK_VIEWS.every((v) => this.#counts!.byView[v] === 0)) {
      return html`<p part="empty" class="empty">
        ${msg("No registrations yet. Register a deal from an account's panel: it will be listed here.")}
      </p>`;
    }
    return html`<p part="empty" class="empty">${msg('Nothing in this view right now. The other views list the rest of your book.')}</p>`;
  }

  #renderMore(page: Loaded): TemplateResult | typeof nothing {
    if (!page.nextCursor) return nothing;
    if (this.#moreError && !this.#moreLoading)
      return html`<div class="more-area">${errorPanel(this.#moreError, () => void this.#more())}</div>`;
    const locale = this.#host.element.effectiveLocale;
    const total = this.#counts?.byView[this.#view];
    const remaining = total === undefined ? undefined : Math.max(total - page.rows.length, 0);
    return html`<div class="more-area">
      <button
        part="button more-button"
        type="button"
        aria-disabled=${String(this.#moreLoading)}
        aria-busy=${String(this.#moreLoading)}
        @click=${() => void this.#more()}
      >
        ${remaining === undefined ? msg('Show more') : msg(str`Show more (${formatNumber(remaining, locale)} not shown)`)}
      </button>
    </div>`;
  }

  #renderRows(): TemplateResult {
    const page = this.#page;
    if (this.#error) return errorPanel(this.#error, () => void this.#load());
    if (!page || this.#loading) return skeleton(3);
    if (page.rows.length === 0) return this.#renderEmpty();
    return html`<ul class="rows">
        ${page.rows.map((row, index) => this.#renderRow(page, row, index))}
      </ul>
      ${this.#renderMore(page)}`;
  }

  render(): TemplateResult {
    return html`<div part="base">
      ${this.#renderTabs()} ${this.#renderSearch()} ${this.#renderExport()}
      <div id="book-rows" role="tabpanel" aria-labelledby="tab-${this.#view}">${this.#renderRows()}</div>
      <span class="visually-hidden" role="status">${this.#announcement}</span>
    </div>`;
  }
}
