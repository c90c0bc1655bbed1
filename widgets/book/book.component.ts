import type { TemplateResult } from 'lit';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { DealRegElement } from '../element/base.ts';
import { DealRegError } from '../../src/errors.ts';
import { DealRegErrorEvent, DealRegOpenRecordEvent } from '../events/events.ts';
import { errorPanel, skeleton } from '../templates/templates.ts';
import { ExtensionRequests } from '../controllers/extension-requests.ts';
import { extensionStep, standingDetail } from '../templates/standing.ts';
// The rows' "Request quote".
import '../quote-button/quote-button.ts';
import { importBookView } from './book-view-code.ts';
import type { BookHost, BookView } from './book-view.ts';
import { bookStyles } from './book.styles.ts';
import { rowStyles } from '../templates/rows.styles.ts';

type BookCode = Awaited<ReturnType<typeof importBookView>>;
/** The book's view code once loaded (a chunk beside the entry): only a page with a book asks for it. */
let code: BookCode | undefined;
let loading: Promise<BookCode> | undefined;

function loadBookView(): Promise<BookCode> {
  return (loading ??= importBookView().then(
    (loaded) => (code = loaded),
    (cause: unknown) => {
      loading = undefined;
      throw cause;
    },
  ));
}

/**
 * The rep's book: this partner's registrations across all its accounts.
 *
 * @summary For a CRM home page, a tab or a portal's dashboard: the views of the book as tabs, each
 * with its exact count (expiring soon, action required, awaiting the vendor, quotes, rejected, all
 * active), the rows in the vendor's order of urgency, each with its customer, deal, status and days
 * left, and its next action inline (Extend, Request quote: one request per click, the panel's
 * events). "Show more" fetches the next page; "Download CSV" saves the current view and search as a
 * CSV file Excel opens in the rep's language; the search finds a customer or a deal by name. Each
 * row links to the host's record (`record-href`), and tells the host first (`dealreg-open-record`,
 * cancellable). Its code loads on demand, the first time a book is on the page.
 *
 * @tag dealreg-book
 *
 * @event dealreg-open-record - A row's record was opened; cancellable (the host navigates itself).
 * @event dealreg-extended - A protection was extended.
 * @event dealreg-quote-requested - Forwarded from a row's quote button.
 * @event dealreg-error - Loading the book, a page or an action failed; `detail.error` is the typed `DealRegError`.
 *
 * @csspart base - The wrapper.
 * @csspart tabs - The views (a tab list).
 * @csspart tab - One view, with its count.
 * @csspart search - The search form.
 * @csspart search-input - The search field.
 * @csspart button - Buttons (search, extend, show more, retry).
 * @csspart row - One registration.
 * @csspart record-link - The deal's name, linking to the host's record.
 * @csspart status-badge - A state in words with an icon.
 * @csspart extend-button - "Extend protection".
 * @csspart more-button - "Show more": fetches the next page.
 * @csspart export-button - "Download CSV": every page of the current view and search, at most 5,000 rows.
 * @csspart export-status - The export's progress, then how many rows the file holds.
 * @csspart retry-button - Retry after an error.
 * @csspart quote-button - Forwarded: a `<dealreg-quote-button>`'s wrapper.
 * @csspart request-button - Forwarded: "Request quote".
 * @csspart quote - Forwarded: a quote's live status and figures.
 * @csspart hint - Forwarded: why a quote cannot be requested now.
 * @csspart error - The error panel.
 * @csspart empty - What an empty view or search means, and what to do.
 *
 * @cssproperty --dealreg-color-brand - The selected view, primary buttons, the links to the host's records.
 * @cssproperty --dealreg-color-surface - The book's background and its search field.
 * @cssproperty --dealreg-color-text - Text.
 * @cssproperty --dealreg-color-border - Row separators.
 * @cssproperty --dealreg-color-text-weak - Dates and details.
 * @cssproperty --dealreg-space-xs - Gaps inside a row.
 * @cssproperty --dealreg-space-s - Row spacing.
 */
export class DealRegBook extends DealRegElement {
  static override styles = [DealRegElement.styles, rowStyles, bookStyles];

  #view: BookView | undefined;
  #codeFailure: DealRegError | undefined;

  /**
   * The host's record of a row: a link template with `{partnerOpportunityId}` and `{accountId}`, e.g.
   * `/lightning/r/Opportunity/{partnerOpportunityId}/view`. A row without a CRM id links by `account-href`; a row
   * neither fits shows its deal as text. Without either, each deal is a button and the host navigates from
   * `dealreg-open-record`.
   */
  @property({ attribute: 'record-href' }) recordHref = '';

  /** The link of a row registered outside the CRM (no `partnerOpportunityId`): a template with `{accountId}`. */
  @property({ attribute: 'account-href' }) accountHref = '';

  readonly #host: BookHost = {
    element: this,
    adapter: () => this.connectedAdapter,
    signal: () => this.signal,
    localized: (build) => this.localized(build),
    // Here rather than in the view's chunk: the status list's code, already in the entry.
    extensions: new ExtensionRequests({
      requestUpdate: () => this.requestUpdate(),
      adapter: () => this.connectedAdapter,
      signal: () => this.signal,
      dispatchEvent: (event) => this.dispatchEvent(event),
      extended: (extended) => Promise.resolve(this.#view?.extended(extended)),
    }),
    standingDetail,
    extensionStep,
    report: (operation, error) => this.dispatchEvent(new DealRegErrorEvent({ operation, error })),
    openRecord: (detail) => this.dispatchEvent(new DealRegOpenRecordEvent(detail)),
  };

  /** The update waits for the book's code (as for its locale); a failure shows Retry. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (code || this.#codeFailure) return super.scheduleUpdate();
    return loadBookView()
      .then(
        () => undefined,
        (cause: unknown) => {
          this.#codeFailure = new DealRegError('network', { detail: 'the book could not be loaded', cause });
          this.dispatchEvent(new DealRegErrorEvent({ operation: 'load-book', error: this.#codeFailure }));
        },
      )
      .then(() => this.scheduleUpdate());
  }

  protected override updated(): void {
    this.#view?.sync();
  }

  #retryCode(): void {
    this.#codeFailure = undefined;
    this.requestUpdate();
  }

  protected override renderView(): TemplateResult {
    if (this.#codeFailure) return html`<div part="base">${errorPanel(this.#codeFailure, () => this.#retryCode())}</div>`;
    if (!code) return html`<div part="base">${skeleton(3)}</div>`;
    this.#view ??= new code.BookView(this.#host);
    return this.#view.render();
  }
}
