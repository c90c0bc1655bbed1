import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../i18n/localization.ts';
import type { DealRegError } from '../../src/errors.ts';
import { DealRegElement } from '../element/base.ts';
import { OverviewController } from '../controllers/overview-controller.ts';
import { ExtensionRequests } from '../controllers/extension-requests.ts';
import { DealRegErrorEvent, DealRegRegisterRequestEvent } from '../events/events.ts';
import { PAGE_LIMIT_MAX } from '../state/overview-store.ts';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.ts';
import type { EligibilityDecision } from '../../src/program/eligibility.ts';
import { accountView } from '../state/view-model.ts';
import { statusSummary } from '../i18n/summary-text.ts';
import type { OpportunityView } from '../state/view-model.ts';
import { opportunityMeaning } from '../i18n/status-meaning.ts';
import { badge, errorPanel, overviewError, skeleton } from '../templates/templates.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import { describeError } from '../i18n/error-text.ts';
import '../quote-button/quote-button.ts';
// The form's code, asked for as the pointer or the focus reaches a row's Register (the panel's form opens on it).
import { prefetchForm } from '../register-form/register-form.component.ts';
import { statusStyles } from './status.styles.ts';
import { rowStyles } from '../templates/rows.styles.ts';
import { extensionStep, standingDetail, verdictLines } from '../templates/standing.ts';

// A failed page is reported once to the host, by the element whose "Show more" asked for it.
const reportedMore = new WeakSet<DealRegError>();

/**
 * Registration status of an account's opportunities, with the protection countdown.
 *
 * @summary One row per deal tells its whole story: its registration state in words, icon and colour
 * (not registered, submitted, approved with days left, expiring soon, expired, rejected with reasons,
 * protected by another partner, won, lost) and the one next step that is possible, with its reason:
 * a registrable deal's eligibility for THIS deal today and "Register opportunity" (disabled, with
 * what would qualify it, when it does not qualify); a held protection's extension (offered inside the
 * program's extension window, then "extension used" with the final end date) and its quote. A
 * one-line summary over all opportunities (the server's exact counts), and "Show more", which
 * fetches the next page from the server (with an adapter that pages).
 *
 * @tag dealreg-status
 *
 * @event dealreg-extended - A protection was extended.
 * @event dealreg-register-request - "Register opportunity" on a qualifying deal's row (with `actions`); bubbles, not composed.
 * @event dealreg-error - Loading, loading more or extending failed; `detail.error` is the typed `DealRegError`.
 *
 * @csspart base - The wrapper.
 * @csspart summary - The one-line summary (a polite live region).
 * @csspart opportunity - One opportunity row (focusable by script: "Show more" moves focus to the first new row).
 * @csspart status-badge - A state in words with an icon.
 * @csspart button - Action buttons (extend, show more, retry).
 * @csspart extend-button - "Extend protection".
 * @csspart register-button - A row's "Register opportunity" (with `actions`).
 * @csspart hint - A registrable deal's eligibility hints; forwarded from a quote button: why a quote cannot be requested now.
 * @csspart more-button - "Show 25 more": fetches the next page.
 * @csspart more-note - "N more opportunities not shown", when the adapter cannot fetch pages.
 * @csspart retry-button - Retry after an error.
 * @csspart quote-button - Forwarded: a `<dealreg-quote-button>`'s wrapper (with `actions`).
 * @csspart request-button - Forwarded: "Request quote".
 * @csspart quote - Forwarded: a quote's live status and figures.
 * @csspart error - The error panel.
 * @csspart empty - The empty-account message.
 *
 * @cssproperty --dealreg-color-positive - Approved, won.
 * @cssproperty --dealreg-color-negative - Rejected, protected by another partner.
 * @cssproperty --dealreg-color-notice - Expiring soon, action required.
 * @cssproperty --dealreg-color-neutral - Not registered, expired, lost.
 * @cssproperty --dealreg-color-border - Row separators.
 * @cssproperty --dealreg-color-text-weak - Dates and details.
 * @cssproperty --dealreg-space-xs - Gaps inside a row.
 * @cssproperty --dealreg-space-s - Row spacing.
 */
export class DealRegStatus extends DealRegElement {
  static override styles = [DealRegElement.styles, rowStyles, statusStyles];

  readonly #overview = new OverviewController(this);
  readonly #extensions = new ExtensionRequests({
    requestUpdate: () => this.requestUpdate(),
    adapter: () => this.connectedAdapter,
    signal: () => this.signal,
    dispatchEvent: (event) => this.dispatchEvent(event),
    extended: async (extended) => {
      const until = extended.protectedUntil ? formatDate(extended.protectedUntil, this.effectiveLocale) : '';
      // After an await: outside any update, so in this element's locale explicitly.
      this.announcement = this.localized(() => msg(str`Protection extended until ${until}.`));
      await this.#overview.recordRegistration(extended);
    },
  });
  @state() private announcement = '';

  /** The CRM account whose opportunities are shown. */
  @property({ attribute: 'account-id' }) accountId = '';

  /** Opportunities each "Show more" fetches (the overview brings the first 25; the server serves at most 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Also render the actions that need a host: Register on registrable deals, the quote on protected ones (the panel sets it). */
  @property({ type: Boolean }) actions = false;

  /** Rows per "Show more": the property, as a whole number the contract accepts (1 to 100). */
  get #limit(): number {
    const n = Math.floor(this.pageSize);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, PAGE_LIMIT_MAX) : 25;
  }

  #requestRegistration(row: OpportunityView): void {
    // A deal that does not qualify cannot be submitted from the widgets: the button only explains why.
    if (row.next.kind !== 'register' || !row.next.decision.eligible) return;
    this.dispatchEvent(new DealRegRegisterRequestEvent({ accountId: this.accountId, opportunityId: row.opportunity.id }));
  }

  /**
   * Fetches the next page (the store makes one request however often this runs while it is
   * pending), then moves focus to the first row it added, so a keyboard user goes on reading where
   * the list grew; after a failure, to Retry.
   */
  readonly #showMore = async (): Promise<void> => {
    const before = this.#overview.value?.opportunities.length ?? 0;
    const signal = this.signal;
    await this.#overview.loadMore(this.#limit);
    if (signal.aborted) return;
    await this.updateComplete;
    const { value, moreError } = this.#overview.snapshot;
    if (moreError) {
      if (!reportedMore.has(moreError)) {
        reportedMore.add(moreError);
        this.dispatchEvent(new DealRegErrorEvent({ operation: 'load-more', error: moreError }));
      }
      this.renderRoot.querySelector<HTMLElement>('.more-area [part~="retry-button"]')?.focus();
      return;
    }
    const rows = this.renderRoot.querySelectorAll<HTMLElement>('[part~="opportunity"]');
    const first = rows[before];
    if (first) {
      first.focus();
      const shown = formatNumber(value?.opportunities.length ?? rows.length, this.effectiveLocale);
      const total = formatNumber(value?.opportunityCounts.total ?? rows.length, this.effectiveLocale);
      this.announcement = this.localized(() => msg(str`${shown} of ${total} opportunities shown.`));
    } else this.renderRoot.querySelector<HTMLElement>('[part~="more-button"]')?.focus();
  };

  /**
   * A registrable deal: one verdict line, the engine's decision for THIS deal at the server's date
   * ("Eligible · what qualifies it", or "Not eligible · what would"), a coming rule change for it,
   * and the Register action, disabled (described by the verdict) when the deal does not qualify.
   */
  #renderRegisterStep(
    program: ProgramDefinition,
    row: OpportunityView,
    decision: EligibilityDecision,
    index: number,
  ): TemplateResult {
    const locale = this.effectiveLocale;
    const whyId = `why-${index}`;
    const eligible = decision.eligible;
    return html`${verdictLines(decision, program, locale, whyId)}
      ${
        this.actions
          ? html`<div class="actions">
            <button
              part="button register-button"
              class=${eligible ? 'primary' : ''}
              type="button"
              aria-label=${msg(str`Register opportunity: ${row.opportunity.name}`)}
              aria-disabled=${String(!eligible)}
              aria-describedby=${eligible ? nothing : whyId}
              @pointerenter=${prefetchForm}
              @focus=${prefetchForm}
              @click=${() => this.#requestRegistration(row)}
            >
              ${msg('Register opportunity')}
            </button>
          </div>`
          : nothing
      }`;
  }

  /** A protection this partner holds: the extension as the program allows it, and the quote. */
  #renderHeldStep(program: ProgramDefinition, row: OpportunityView, index: number): TemplateResult | typeof nothing {
    const { registration, protection } = row;
    if (!registration || !protection) return nothing;
    const locale = this.effectiveLocale;
    const extension = protection.extension;
    const request = this.#extensions.states.get(registration.id);
    const extensionLine = extensionStep(
      extension,
      program.protection.extensionDays,
      index,
      request === 'sending',
      () => void this.#extensions.extend(registration),
      locale,
    );
    const failed = request && request !== 'sending' && describeError(request, true);
    // One brand button per row: the extension, while it can be requested, is the more urgent.
    const extendable = extension.state === 'open';
    return html`<div class=${extendable ? 'actions extend' : 'actions'}>
      ${extensionLine}
      ${failed ? html`<p class="detail" part="error" role="alert">${failed.title}: ${failed.detail}</p>` : nothing}
      ${this.#renderQuote(row)}
    </div>`;
  }

  #renderQuote(row: OpportunityView): TemplateResult | typeof nothing {
    if (!this.actions || !row.registration) return nothing;
    return html`<dealreg-quote-button
      exportparts="base:quote-button, quote, request-button, hint"
      registration-id=${row.registration.id}
      account-id=${this.accountId}
      .adapter=${this.effectiveAdapter}
      locale=${this.effectiveLocale}
    ></dealreg-quote-button>`;
  }

  /** The one next step the row offers (see NextStep in view-model.ts). */
  #renderNext(program: ProgramDefinition, row: OpportunityView, index: number): TemplateResult | typeof nothing {
    switch (row.next.kind) {
      case 'register':
        return this.#renderRegisterStep(program, row, row.next.decision, index);
      case 'held':
        return this.#renderHeldStep(program, row, index);
      case 'protected-by-other':
        return nothing;
      case 'none':
        // A quote obtained on a protection that has since ended is still worth seeing.
        return row.quote ? html`<div class="actions">${this.#renderQuote(row)}</div>` : nothing;
    }
  }

  #renderRow(program: ProgramDefinition, row: OpportunityView, index: number): TemplateResult {
    const locale = this.effectiveLocale;
    const { opportunity } = row;
    const amount = formatMoney(opportunity.amount.value, opportunity.amount.currency, locale);
    const close = formatDate(opportunity.closeDate, locale);
    return html`<li part="opportunity" tabindex="-1" data-opportunity-id=${opportunity.id} data-state=${row.state} data-next=${row.next.kind}>
      <span class="name">${opportunity.name}</span>
      ${badge(opportunityMeaning(row.state))}
      <p class="meta">${amount} · ${msg(str`closes ${close}`)}</p>
      ${standingDetail(row.state, row.registration, row.protection, this.effectiveLocale)} ${this.#renderNext(program, row, index)}
    </li>`;
  }

  /** "Show more", its error with Retry in its place, or, when the adapter cannot page, how many are not shown. */
  #renderMore(remaining: number, loading: boolean, error: DealRegError | undefined): TemplateResult {
    const locale = this.effectiveLocale;
    if (!this.#overview.canPage) {
      return html`<p part="more-note">
        ${msg(str`${formatNumber(remaining, locale)} more opportunities not shown`)}
      </p>`;
    }
    if (error && !loading) return errorPanel(error, () => void this.#showMore());
    const nextPage = Math.min(this.#limit, remaining);
    // While the page loads the button stays focusable (aria-disabled, not disabled) so focus is not
    // dropped; a second press asks nothing (the store has one request in flight).
    return html`<button
      part="button more-button"
      class="more"
      type="button"
      aria-disabled=${String(loading)}
      aria-busy=${String(loading)}
      @click=${() => void this.#showMore()}
    >
      ${msg(str`Show ${formatNumber(nextPage, locale)} more (${formatNumber(remaining, locale)} not shown)`)}
    </button>`;
  }

  protected override renderView(): TemplateResult {
    const { status, value, loadingMore, moreError } = this.#overview.snapshot;
    if (!value && (status === 'pending' || status === 'idle')) {
      return html`<div part="base">${skeleton(3)}</div>`;
    }
    if (!value) {
      return html`<div part="base">${overviewError(this.#overview)}</div>`;
    }
    const locale = this.effectiveLocale;
    const view = accountView(value);
    // The summary counts the whole account (exact, from the server); the rows are the pages loaded.
    const total = view.total;
    const remaining = value.nextCursor === null ? 0 : Math.max(total - view.rows.length, 0);
    return html`<div part="base">
      <p part="summary" role="status" aria-live="polite">${statusSummary(total, view.counts, locale)}</p>
      ${status === 'error' ? overviewError(this.#overview) : nothing}
      ${
        view.rows.length === 0
          ? html`<p part="empty" class="empty">${msg('No opportunities at this account yet.')}</p>`
          : html`<ul class="rows">
            ${view.rows.map((row, index) => this.#renderRow(value.program, row, index))}
          </ul>`
      }
      ${remaining > 0 ? html`<div class="more-area">${this.#renderMore(remaining, loadingMore, moreError)}</div>` : nothing}
      <span class="visually-hidden" role="status">${this.announcement}</span>
    </div>`;
  }
}
