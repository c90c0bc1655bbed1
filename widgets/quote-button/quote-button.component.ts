import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '../i18n/localization.ts';
import type { AccountOverview, QuoteRequest } from '../../src/domain/types.ts';
import { DealRegError, toDealRegError } from '../../src/errors.ts';
import type { DealRegErrorCode } from '../../src/errors.ts';
import { quoteRefusal } from '../../src/program/lifecycle.ts';
import { isQuoteOpen, latestQuote, quoteState } from '../../src/program/protection.ts';
import { DealRegElement, dealRegConfig } from '../element/base.ts';
import { abortLater } from '../controllers/abort-later.ts';
import { OverviewController } from '../controllers/overview-controller.ts';
import { IntentKeys } from '../controllers/idempotency.ts';
import { DealRegErrorEvent, DealRegQuoteRequestedEvent } from '../events/events.ts';
import type { DealRegOperation } from '../events/events.ts';
import { describeError } from '../i18n/error-text.ts';
import { formatDate, formatDaysLeft, formatMoney, formatNumber, formatPercent } from '../i18n/format.ts';
import { quoteMeaning } from '../i18n/status-meaning.ts';
import type { QuoteDisplayState } from '../i18n/status-meaning.ts';
import { badge, errorPanel, overviewError, reasonList } from '../templates/templates.ts';
import { quoteButtonStyles } from './quote-button.styles.ts';

/** Server answers that mean "not now, and here is why" rather than a failure. */
const REFUSALS: ReadonlySet<DealRegErrorCode> = new Set([
  'not-protection-holder',
  'protection-not-active',
  'quote-already-open',
  'forbidden',
]);

/**
 * One-click restricted quote request and its live status.
 *
 * @summary "Request quote": one click sends one request (one idempotency key per intent), then follows
 * the quote with backoff polling until it is quoted (list price, protected discount, net price,
 * validity) or declined. When the partner cannot request a quote, the button says why.
 *
 * @tag dealreg-quote-button
 *
 * @event dealreg-quote-requested - A quote request was accepted (`detail.quote` is `submitted`).
 * @event dealreg-error - A request failed; `detail.error` is the typed `DealRegError`.
 *
 * @csspart base - The wrapper.
 * @csspart button - The "Request quote" button (and the Retry button).
 * @csspart request-button - The "Request quote" button.
 * @csspart retry-button - Retry after an error.
 * @csspart quote - The quote's live status and figures (a polite live region).
 * @csspart status-badge - The quote's state in words with an icon.
 * @csspart hint - Why a quote cannot be requested now.
 * @csspart error - The error panel.
 *
 * @cssproperty --dealreg-color-brand - Button colour.
 * @cssproperty --dealreg-color-on-brand - Text on the brand colour (primary buttons; default #fff).
 * @cssproperty --dealreg-color-positive - Quoted.
 * @cssproperty --dealreg-color-negative - Declined, errors.
 * @cssproperty --dealreg-color-text-weak - Labels and explanations.
 * @cssproperty --dealreg-font-family - Font family.
 * @cssproperty --dealreg-radius - Corner radius.
 */
export class DealRegQuoteButton extends DealRegElement {
  static override styles = [DealRegElement.styles, quoteButtonStyles];

  readonly #intents = new IntentKeys();
  #pollAbort: AbortController | undefined;
  #pollingId: string | undefined;
  readonly #overview = new OverviewController(this);

  @state() private sending = false;
  @state() private quote: QuoteRequest | undefined;
  @state() private error: DealRegError | undefined;
  /** What `error` failed (always set with it, which re-renders: not reactive itself). */
  #errorOperation: DealRegOperation = 'request-quote';
  @state() private refusal: DealRegErrorCode | undefined;

  /** The registration to quote. */
  @property({ attribute: 'registration-id' }) registrationId = '';

  /** Optional: with it, the protection and any existing quote are known up front from the shared overview. */
  @property({ attribute: 'account-id' }) accountId: string | undefined;

  /** First polling delay in ms; it grows ×1.5 per poll up to `maxPollInterval`. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;

  /** Longest polling delay in ms. */
  @property({ type: Number, attribute: 'max-poll-interval' }) maxPollInterval = 10000;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopPolling(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('registrationId') && changed.get('registrationId') !== undefined) {
      this.#stopPolling();
      this.quote = undefined;
      this.error = undefined;
      this.refusal = undefined;
    }
  }

  protected override updated(): void {
    const current = this.#currentQuote();
    if (current?.status === 'submitted' && this.isConnected) this.#follow(current.id);
  }

  #currentQuote(): QuoteRequest | undefined {
    const overview = this.#overview.value;
    const fromOverview = overview
      ? latestQuote(overview.quotes.filter((q) => q.registrationId === this.registrationId))
      : undefined;
    return latestQuote([this.quote, fromOverview]);
  }

  /** What the engine (with an overview) or the server (without) says about requesting now. */
  #knownRefusal(): DealRegErrorCode | undefined {
    const overview = this.#overview.value;
    if (this.accountId && overview) {
      const registration = overview.registrations.find((r) => r.id === this.registrationId);
      if (!registration) return 'not-protection-holder';
      const quotes = this.quote ? [...overview.quotes, this.quote] : overview.quotes;
      const refusal = quoteRefusal(registration, quotes, overview.asOf, overview.program.protection);
      if (refusal) return refusal;
    }
    return this.refusal;
  }

  readonly #onClick = (): void => {
    void this.requestQuote();
  };

  #follow(quoteId: string): void {
    if (this.#pollingId === quoteId) return;
    const adapter = this.connectedAdapter;
    if (!adapter) return;
    this.#stopPolling();
    const abort = new AbortController();
    this.#pollAbort = abort;
    this.#pollingId = quoteId;
    const { sleep } = dealRegConfig();
    void (async () => {
      let delay = this.pollInterval;
      while (!abort.signal.aborted) {
        try {
          await sleep(delay, abort.signal);
          const quote = await adapter.getQuote(quoteId, { signal: abort.signal });
          if (abort.signal.aborted) return;
          this.quote = quote;
          this.error = undefined;
          if (quote.status !== 'submitted') {
            this.#pollingId = undefined;
            void this.#overview.recordQuote(quote);
            return;
          }
        } catch (e) {
          if (abort.signal.aborted) return;
          const error = toDealRegError(e);
          if (!error.retryable) {
            this.error = error;
            this.#errorOperation = 'follow-quote';
            this.#pollingId = undefined;
            this.dispatchEvent(new DealRegErrorEvent({ operation: 'follow-quote', error }));
            return;
          }
        }
        delay = Math.min(delay * 1.5, this.maxPollInterval);
      }
    })();
  }

  /** `leaving`: from disconnectedCallback, where the abort must not capture the element (abort-later.ts). */
  #stopPolling(leaving = false): void {
    if (leaving) abortLater(this.#pollAbort);
    else this.#pollAbort?.abort();
    this.#pollAbort = undefined;
    this.#pollingId = undefined;
  }

  #retryFollow(): void {
    this.error = undefined;
    const current = this.#currentQuote();
    if (current?.status === 'submitted') this.#follow(current.id);
  }

  /** Requests the restricted quote: one intent, one key, reused by a retry after a transient failure. */
  async requestQuote(): Promise<void> {
    const adapter = this.connectedAdapter;
    const id = this.registrationId;
    const intent = `quote:${id}`;
    if (!adapter || !id || this.sending || this.#intents.isRunning(intent) || this.#knownRefusal()) return;
    const signal = this.signal;
    this.sending = true;
    this.error = undefined;
    try {
      const quote = await this.#intents.run(intent, (idempotencyKey) => adapter.requestQuote(id, { idempotencyKey, signal }));
      this.quote = quote;
      this.refusal = undefined;
      this.dispatchEvent(new DealRegQuoteRequestedEvent({ registrationId: id, quote }));
      void this.#overview.recordQuote(quote);
    } catch (e) {
      if (signal.aborted) return;
      const error = toDealRegError(e);
      if (REFUSALS.has(error.code)) {
        this.refusal = error.code;
        if (error.code === 'quote-already-open') void this.#overview.refresh();
      } else {
        this.error = error;
        this.#errorOperation = 'request-quote';
      }
      this.dispatchEvent(new DealRegErrorEvent({ operation: 'request-quote', error }));
    } finally {
      this.sending = false;
    }
  }

  #renderQuote(quote: QuoteRequest | undefined, overview: AccountOverview | undefined): TemplateResult | typeof nothing {
    if (this.sending) return badge(quoteMeaning('sending'));
    if (!quote) return nothing;
    const locale = this.effectiveLocale;
    const view = quoteState(quote, overview?.asOf);
    const state: QuoteDisplayState = view.state;
    const money = (v: number | undefined): string =>
      v === undefined ? '—' : quote.currency ? formatMoney(v, quote.currency, locale) : formatNumber(v, locale);
    // One string: a space at the edge of a template literal is whitespace an HTML minifier may drop
    // (the built bundle rendered `Mar 16, 2017(valid 30 more days)`).
    const until = quote.validUntil ? formatDate(quote.validUntil, locale) : '—';
    const validity =
      view.state === 'valid' && view.daysLeft !== null ? `${until} (${formatDaysLeft(view.daysLeft, locale)})` : until;
    return html`${badge(quoteMeaning(state))}
    ${
      quote.status === 'quoted'
        ? html`<dl>
          <dt>${msg('List price')}</dt>
          <dd>${money(quote.listPrice)}</dd>
          <dt>${msg('Protected discount')}</dt>
          <dd>${quote.discountPercent === undefined ? '—' : formatPercent(quote.discountPercent, locale)}</dd>
          <dt>${msg('Net price')}</dt>
          <dd class="net">${money(quote.netPrice)}</dd>
          <dt>${msg('Order by')}</dt>
          <dd>${validity}</dd>
        </dl>`
        : nothing
    }
    ${quote.status === 'declined' && quote.reasons ? reasonList(quote.reasons, false) : nothing}`;
  }

  protected override renderView(): TemplateResult {
    const overview = this.#overview.value;
    const loading = !!this.accountId && !overview && this.#overview.status !== 'error' && !!this.effectiveAdapter;
    if (loading) {
      return html`<div part="base" aria-busy="true">
        <span class="skeleton placeholder" aria-hidden="true"></span
        ><span class="visually-hidden">${msg('Loading…')}</span>
      </div>`;
    }
    const quote = this.#currentQuote();
    const refusal = this.#knownRefusal();
    const open = quote && isQuoteOpen(quote, overview?.asOf);
    const showButton = !open || this.sending;
    const explain = refusal && refusal !== 'quote-already-open' ? describeError(new DealRegError(refusal)) : undefined;
    const explainId = 'why';
    return html`<div part="base">
      ${
        showButton
          ? html`<div>
            <button
              part="button request-button"
              class="primary"
              type="button"
              aria-disabled=${explain || this.sending ? 'true' : 'false'}
              aria-describedby=${explain ? explainId : nothing}
              ?disabled=${this.sending}
              @click=${this.#onClick}
            >
              ${msg('Request quote')}
            </button>
          </div>`
          : nothing
      }
      ${explain ? html`<p part="hint" class="explain" id=${explainId}>${explain.detail}</p>` : nothing}
      <div part="quote" role="status" aria-live="polite">${this.#renderQuote(quote, overview)}</div>
      ${
        this.error
          ? errorPanel(this.error, this.#errorOperation === 'request-quote' ? this.#onClick : () => this.#retryFollow(), true)
          : this.#overview.status === 'error'
            ? overviewError(this.#overview)
            : nothing
      }
    </div>`;
  }
}
