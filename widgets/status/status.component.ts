import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { toDealRegError } from '../../src/errors.ts';
import type { DealRegError } from '../../src/errors.ts';
import type { Registration } from '../../src/domain/types.ts';
import { DealRegElement } from '../shared/base.ts';
import { OverviewController } from '../shared/overview-controller.ts';
import { IntentKeys } from '../shared/idempotency.ts';
import { DealRegErrorEvent, DealRegExtendedEvent } from '../shared/events.ts';
import { PAGE_LIMIT_MAX } from '../shared/overview-store.ts';
import { formatDate, formatDaysLeft, formatMoney, formatNumber, formatOpportunityCount } from '../shared/format.ts';
import { OPPORTUNITY_STATES, accountView } from '../shared/view-model.ts';
import type { OpportunityView } from '../shared/view-model.ts';
import { opportunityMeaning, reasonText } from '../shared/status-meaning.ts';
import { badge, errorPanel, skeleton } from '../shared/templates.ts';
import { describeError } from '../shared/error-text.ts';
import '../quote-button/quote-button.ts';
import styles from './status.styles.ts';

// A failed page is reported once to the host, by the element whose "Show more" asked for it.
const reportedMore = new WeakSet<DealRegError>();

/**
 * Registration status of an account's opportunities, with the protection countdown.
 *
 * @summary Each opportunity with its registration state in words, icon and colour (not registered,
 * submitted, approved with days left, expiring soon, expired, rejected with reasons, protected by
 * another partner, won, lost), a one-line summary over all opportunities (the server's exact counts),
 * and "Show more", which fetches the next page from the server (with an adapter that pages).
 * "Extend protection" is offered next to an expiring-soon protection.
 *
 * @tag dealreg-status
 *
 * @event dealreg-extended - A protection was extended.
 * @event dealreg-error - Loading, loading more or extending failed; `detail.error` is the typed `DealRegError`.
 *
 * @csspart base - The wrapper.
 * @csspart summary - The one-line summary (a polite live region).
 * @csspart opportunity - One opportunity row (focusable by script: "Show more" moves focus to the first new row).
 * @csspart status-badge - A state in words with an icon.
 * @csspart button - Action buttons (extend, show more, retry).
 * @csspart extend-button - "Extend protection".
 * @csspart more-button - "Show 25 more": fetches the next page.
 * @csspart more-note - "N more opportunities not shown", when the adapter cannot fetch pages.
 * @csspart retry-button - Retry after an error.
 * @csspart quote-button - Forwarded: a `<dealreg-quote-button>`'s wrapper (with `actions`).
 * @csspart request-button - Forwarded: "Request quote".
 * @csspart quote - Forwarded: a quote's live status and figures.
 * @csspart hint - Forwarded: why a quote cannot be requested now.
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
  static override styles = [DealRegElement.styles, styles];

  private readonly intents = new IntentKeys();
  private readonly overview = new OverviewController(this);

  @state() private extending = new Set<string>();
  @state() private extendErrors = new Map<string, DealRegError>();
  @state() private announcement = '';

  /** The CRM account whose opportunities are shown. */
  @property({ attribute: 'account-id' }) accountId = '';

  /** Opportunities each "Show more" fetches (the overview brings the first 25; the server serves at most 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Also render the quote action on protected opportunities (the panel sets it). */
  @property({ type: Boolean }) actions = false;

  private async extend(registration: Registration): Promise<void> {
    const adapter = this.connectedAdapter;
    const intent = `extend:${registration.id}`;
    if (!adapter || this.intents.isRunning(intent)) return;
    this.extending = new Set(this.extending).add(registration.id);
    const errors = new Map(this.extendErrors);
    errors.delete(registration.id);
    this.extendErrors = errors;
    const signal = this.signal;
    try {
      const extended = await this.intents.run(intent, (idempotencyKey) =>
        adapter.requestExtension(registration.id, { idempotencyKey, signal }),
      );
      const until = extended.protectedUntil ? formatDate(extended.protectedUntil, this.effectiveLocale) : '';
      this.announcement = msg(str`Protection extended until ${until}.`, { id: 'extend.done' });
      this.dispatchEvent(new DealRegExtendedEvent({ registration: extended }));
      await this.overview.recordRegistration(extended);
    } catch (e) {
      if (signal.aborted) return;
      const error = toDealRegError(e);
      this.extendErrors = new Map(this.extendErrors).set(registration.id, error);
      this.dispatchEvent(new DealRegErrorEvent({ operation: 'extend', error }));
    } finally {
      const next = new Set(this.extending);
      next.delete(registration.id);
      this.extending = next;
    }
  }

  /** Rows per "Show more": the property, as a whole number the contract accepts (1 to 100). */
  private get limit(): number {
    const n = Math.floor(this.pageSize);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, PAGE_LIMIT_MAX) : 25;
  }

  /**
   * Fetches the next page (the store makes one request however often this runs while it is
   * pending), then moves focus to the first row it added, so a keyboard user goes on reading where
   * the list grew; after a failure, to Retry.
   */
  private readonly showMore = async (): Promise<void> => {
    const before = this.overview.value?.opportunities.length ?? 0;
    const signal = this.signal;
    await this.overview.loadMore(this.limit);
    if (signal.aborted) return;
    await this.updateComplete;
    const { value, moreError } = this.overview.snapshot;
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
      this.announcement = msg(str`${shown} of ${total} opportunities shown.`, { id: 'status.more-shown' });
    } else this.renderRoot.querySelector<HTMLElement>('[part~="more-button"]')?.focus();
  };

  private renderDetail(row: OpportunityView): TemplateResult | typeof nothing {
    const locale = this.effectiveLocale;
    const { registration, protection } = row;
    switch (row.state) {
      case 'approved':
      case 'expiring-soon': {
        const until = protection?.protectedUntil ? formatDate(protection.protectedUntil, locale) : '';
        const left = formatDaysLeft(protection?.daysLeft ?? 0, locale);
        return html`<p class="detail">${msg(str`Protected until ${until}: ${left}.`, { id: 'status.protected-until' })}</p>`;
      }
      case 'expired': {
        const until = protection?.protectedUntil ? formatDate(protection.protectedUntil, locale) : '';
        return html`<p class="detail">${msg(str`Protection ended on ${until}.`, { id: 'status.protection-ended' })}</p>`;
      }
      case 'submitted': {
        const on = registration ? formatDate(registration.submittedAt, locale) : '';
        return html`<p class="detail">${msg(str`Submitted on ${on}, awaiting the vendor's decision.`, { id: 'status.submitted-on' })}</p>`;
      }
      case 'rejected':
      case 'action-required':
        return registration?.reasons.length
          ? html`<div class="detail">
              <ul aria-label=${msg('Reasons', { id: 'status.reasons' })}>
                ${registration.reasons.map((r) => html`<li>${reasonText(r)}</li>`)}
              </ul>
            </div>`
          : nothing;
      case 'protected-by-other':
        return html`<p class="detail">
          ${msg('Another partner holds the protection on this deal; it cannot be registered now.', { id: 'status.protected-by-other' })}
        </p>`;
      default:
        return nothing;
    }
  }

  private renderActions(row: OpportunityView): TemplateResult | typeof nothing {
    const { registration, protection } = row;
    if (!registration) return nothing;
    const canExtend = row.state === 'expiring-soon' && protection?.canExtend;
    const showQuote = this.actions && (row.state === 'approved' || row.state === 'expiring-soon' || !!row.quote);
    if (!canExtend && !showQuote) return nothing;
    const extendError = this.extendErrors.get(registration.id);
    return html`<div class="actions">
      ${canExtend
        ? html`<button
            part="button extend-button"
            type="button"
            ?disabled=${this.extending.has(registration.id)}
            @click=${() => void this.extend(registration)}
          >
            ${msg('Extend protection', { id: 'extend.action' })}
          </button>`
        : nothing}
      ${extendError ? html`<p class="detail" part="error" role="alert">${describeError(extendError).title}: ${describeError(extendError).detail}</p>` : nothing}
      ${showQuote
        ? html`<dealreg-quote-button
            exportparts="base:quote-button, quote, request-button, hint"
            registration-id=${registration.id}
            account-id=${this.accountId}
            .adapter=${this.effectiveAdapter}
            locale=${this.effectiveLocale}
          ></dealreg-quote-button>`
        : nothing}
    </div>`;
  }

  private renderRow(row: OpportunityView): TemplateResult {
    const locale = this.effectiveLocale;
    const { opportunity } = row;
    const amount = formatMoney(opportunity.amount.value, opportunity.amount.currency, locale);
    const close = formatDate(opportunity.closeDate, locale);
    return html`<li part="opportunity" tabindex="-1" data-opportunity-id=${opportunity.id} data-state=${row.state}>
      <span class="name">${opportunity.name}</span>
      ${badge(opportunityMeaning(row.state))}
      <p class="meta">${amount} · ${msg(str`closes ${close}`, { id: 'status.closes' })}</p>
      ${this.renderDetail(row)} ${this.renderActions(row)}
    </li>`;
  }

  /** "Show more", its error with Retry in its place, or, when the adapter cannot page, how many are not shown. */
  private renderMore(remaining: number, loading: boolean, error: DealRegError | undefined): TemplateResult {
    const locale = this.effectiveLocale;
    if (!this.overview.canPage) {
      return html`<p part="more-note" class="more-note">
        ${msg(str`${formatNumber(remaining, locale)} more opportunities not shown`, { id: 'status.more-not-shown' })}
      </p>`;
    }
    if (error && !loading) return errorPanel(error, () => void this.showMore());
    const nextPage = Math.min(this.limit, remaining);
    // While the page loads the button stays focusable (aria-disabled, not disabled) so focus is not
    // dropped; a second press asks nothing (the store has one request in flight).
    return html`<button
      part="button more-button"
      class="more"
      type="button"
      aria-disabled=${loading ? 'true' : 'false'}
      aria-busy=${loading ? 'true' : 'false'}
      @click=${() => void this.showMore()}
    >
      ${msg(str`Show ${formatNumber(nextPage, locale)} more (${formatNumber(remaining, locale)} not shown)`, { id: 'status.show-more' })}
    </button>`;
  }

  protected override renderView(): TemplateResult {
    const { status, value, error, loadingMore, moreError } = this.overview.snapshot;
    if (!value && (status === 'pending' || status === 'idle')) {
      return html`<div part="base">${skeleton(3)}</div>`;
    }
    if (!value) {
      return html`<div part="base">${errorPanel(error, () => void this.overview.refresh())}</div>`;
    }
    const locale = this.effectiveLocale;
    const view = accountView(value);
    // The summary counts the whole account (exact, from the server); the rows are the pages loaded.
    const total = view.total;
    const remaining = value.nextCursor === null ? 0 : Math.max(total - view.rows.length, 0);
    const present = OPPORTUNITY_STATES.filter((s) => view.counts[s] > 0);
    return html`<div part="base">
      <p part="summary" role="status" aria-live="polite">
        ${present.length
          ? msg(
              str`${formatOpportunityCount(total, locale)}: ${present
                .map((s) => `${opportunityMeaning(s).label()} (${formatNumber(view.counts[s], locale)})`)
                .join(' · ')}`,
              { id: 'status.summary' },
            )
          : formatOpportunityCount(total, locale)}
      </p>
      ${status === 'error' && error ? errorPanel(error, () => void this.overview.refresh()) : nothing}
      ${view.rows.length === 0
        ? html`<p part="empty" class="empty">${msg('No opportunities at this account yet.', { id: 'status.empty' })}</p>`
        : html`<ul class="rows">
            ${view.rows.map((row) => this.renderRow(row))}
          </ul>`}
      ${remaining > 0 ? html`<div class="more-area">${this.renderMore(remaining, loadingMore, moreError)}</div>` : nothing}
      <span class="visually-hidden" role="status">${this.announcement}</span>
    </div>`;
  }
}
