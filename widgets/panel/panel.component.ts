import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../i18n/localization.ts';
import { DealRegElement } from '../element/base.ts';
import { OverviewController } from '../controllers/overview-controller.ts';
import { formatDate } from '../i18n/format.ts';
import { errorPanel, overviewError, skeleton } from '../templates/templates.ts';
import type { DealRegRegisterRequestEvent } from '../events/events.ts';
import type { DealRegRegisterForm } from '../register-form/register-form.component.ts';
import '../status/status.ts';
import '../eligibility/eligibility.ts';
import '../register-form/register-form.ts';
import '../quote-button/quote-button.ts';
import { panelStyles } from './panel.styles.ts';
import type { CrmRecords } from '../../src/domain/crm.ts';
import { DealRegError } from '../../src/errors.ts';
import { DealRegErrorEvent } from '../events/events.ts';
import { consume, recordsContext } from '../element/context.ts';
import { importCrmCode } from '../crm-deals/crm-code.ts';

type CrmCode = Awaited<ReturnType<typeof importCrmCode>>;
/** The CRM deals' code once loaded (crm-deals/, a chunk beside the entry): only a panel given records asks for it. */
let crm: CrmCode | undefined;
let crmLoading: Promise<CrmCode> | undefined;

function loadCrmCode(): Promise<CrmCode> {
  return (crmLoading ??= importCrmCode().then(
    (code) => (crm = code),
    (cause: unknown) => {
      crmLoading = undefined;
      throw cause;
    },
  ));
}

// The children's parts, forwarded so a host page can style them as `dealreg-panel::part(name)`.
const COMMON = 'status-badge, button, retry-button, error, hint';
const STATUS_PARTS = `base:status, summary, opportunity, extend-button, register-button, more-button, more-note, quote-button, quote, request-button, ${COMMON}`;
const REGISTER_PARTS = `base:register, submit-button, cancel-button, form, outcome, ${COMMON}`;
const ELIGIBILITY_PARTS = `base:eligibility, summary:eligibility-summary, decision, installed-base, ${COMMON}`;

/** Whether the panel draws its own card, or sits bare in a frame the host already draws. */
export type PanelAppearance = 'card' | 'plain';

/**
 * The whole account view for a CRM record page.
 *
 * @summary The account's context first (what a new deal here needs, the installed base), then its
 * deals: a status summary and one row per opportunity telling its whole story (its status, one
 * verdict line, and the one next step possible: register when it qualifies, the extension or the
 * quote when you hold it, what is left to do when another partner does), each row with at most one
 * brand button; the register form opens from a row's Register (the panel has none of its own). An
 * account with no deal says how to get one there, with Refresh. A container query on the host lays
 * it out for a narrow CRM sidebar (one column, from 320px: the context above the deals) or a wide
 * main column (two columns from 40em, 520px at 13px: the context atop the second), whatever the
 * viewport. Text takes the host's size (13px in a Lightning page), never below 12px.
 * `appearance="plain"` drops the panel's own card for a host that frames it already.
 *
 * @tag dealreg-panel
 *
 * @event dealreg-registered - From the register form.
 * @event dealreg-quote-requested - From a quote button.
 * @event dealreg-extended - From an "Extend protection" button.
 * @event dealreg-error - Any failure; `detail.error` is the typed `DealRegError`.
 *
 * @csspart base - The panel's card (border, background and padding with `appearance="card"`; bare with `plain`).
 * @csspart header - The account name and the server date (the card's title alone when the account could not be loaded).
 * @csspart error - Error panels (the panel's, and its children's).
 * @csspart empty - The empty-account invitation, with Refresh.
 * @csspart retry-button - Retry buttons.
 * @csspart new-deal-button - "Register a new deal": the register form on a deal the rep types (without records).
 * @csspart status - Forwarded: the status list's wrapper (`<dealreg-status>`'s base).
 * @csspart crm-deals - Forwarded: the CRM deals' wrapper, with `records` (`<dealreg-crm-deals>`'s base).
 * @csspart summary - Forwarded: the status summary line.
 * @csspart opportunity - Forwarded: one opportunity row.
 * @csspart status-badge - Forwarded: every state in words with an icon.
 * @csspart button - Forwarded: every button of the children.
 * @csspart extend-button - Forwarded: "Extend protection".
 * @csspart register-button - Forwarded: a row's "Register opportunity" (opens the register form on that deal).
 * @csspart more-button - Forwarded: "Show more" (the next page of opportunities).
 * @csspart more-note - Forwarded: "N more opportunities not shown" (an adapter that cannot fetch pages).
 * @csspart quote-button - Forwarded: a `<dealreg-quote-button>`'s wrapper.
 * @csspart request-button - Forwarded: "Request quote".
 * @csspart quote - Forwarded: a quote's live status and figures.
 * @csspart hint - Forwarded: eligibility hints, quote refusals and why nothing can be registered, in words.
 * @csspart register - Forwarded: the register form's wrapper.
 * @csspart submit-button - Forwarded: "Submit registration".
 * @csspart cancel-button - Forwarded: "Cancel".
 * @csspart form - Forwarded: the inline registration form.
 * @csspart outcome - Forwarded: the registration's outcome.
 * @csspart eligibility - Forwarded: the eligibility section's wrapper.
 * @csspart eligibility-summary - Forwarded: what a new deal here needs, in one line.
 * @csspart decision - Forwarded: what a new deal here needs, with its hints.
 * @csspart installed-base - Forwarded: the installed-base summary.
 *
 * @cssproperty --dealreg-color-brand - Brand colour (buttons, focus).
 * @cssproperty --dealreg-color-on-brand - Text on the brand colour (primary buttons; default #fff).
 * @cssproperty --dealreg-color-positive - Positive states.
 * @cssproperty --dealreg-color-negative - Negative states and errors.
 * @cssproperty --dealreg-color-notice - Warnings (expiring soon).
 * @cssproperty --dealreg-color-neutral - Neutral states.
 * @cssproperty --dealreg-color-informative - Informative states (submitted, upcoming rule changes).
 * @cssproperty --dealreg-color-text - Text colour.
 * @cssproperty --dealreg-color-text-weak - Secondary text (dates, captions).
 * @cssproperty --dealreg-color-surface - Background.
 * @cssproperty --dealreg-color-surface-alt - Alternate background (disabled buttons).
 * @cssproperty --dealreg-color-border - Borders.
 * @cssproperty --dealreg-space-xs - Smallest spacing.
 * @cssproperty --dealreg-space-s - Small spacing.
 * @cssproperty --dealreg-space-m - Medium spacing.
 * @cssproperty --dealreg-space-l - Large spacing.
 * @cssproperty --dealreg-font-family - Font family (Salesforce Sans, then the system font).
 * @cssproperty --dealreg-font-size - Text size (default: the host's, 13px in a Lightning page; never below 12px).
 * @cssproperty --dealreg-radius - Corner radius.
 */
export class DealRegPanel extends DealRegElement {
  static override styles = [DealRegElement.styles, panelStyles];

  readonly #overview = new OverviewController(this, () => {
    const records = this.#records;
    return records ? crm?.readRecords(records).ref : this.accountId;
  });
  /** Why the CRM deals' code could not be loaded: shown in their place, with Retry. */
  #crmFailure: DealRegError | undefined;

  /** The vendor's account id, for a portal with no CRM behind it (the records win when both are set). */
  @property({ attribute: 'account-id' }) accountId = '';

  /**
   * The host CRM's records: the account on screen and its opportunities. The panel's deals are then
   * the CRM's, each joined to this partner's registration of it by the CRM's id. The host owns them:
   * the panel never changes them; hand over a new object to change them.
   */
  @property({ attribute: false }) records: CrmRecords | undefined;

  /** Records from the nearest `<dealreg-provider>`. */
  @consume(recordsContext)
  @state()
  contextRecords: CrmRecords | undefined;

  get #records(): CrmRecords | undefined {
    return this.records ?? this.contextRecords;
  }

  /** With records, the update waits for the CRM deals' code (as for its locale); a failure shows Retry. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.#records || crm || this.#crmFailure) return super.scheduleUpdate();
    return loadCrmCode()
      .then(
        () => undefined,
        (cause: unknown) => {
          this.#crmFailure = new DealRegError('network', { detail: 'the CRM deals could not be loaded', cause });
          this.dispatchEvent(new DealRegErrorEvent({ operation: 'read-records', error: this.#crmFailure }));
        },
      )
      .then(() => this.scheduleUpdate());
  }

  /**
   * `card` (default): the panel draws its own card (border, background, padding). `plain`: none of
   * it, for a host that already frames the panel (a Lightning card, a portal's tile); the content
   * then sits flush in the host's frame. Reflected, so host CSS can match `[appearance=plain]`.
   */
  @property({ reflect: true }) appearance: PanelAppearance = 'card';

  /** Opportunities shown at first and added by each "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  get #registerForm(): DealRegRegisterForm | null {
    return this.renderRoot.querySelector('dealreg-register-form');
  }

  /** A row's "Register opportunity": the form opens on that deal. */
  readonly #onRegisterRequest = (event: DealRegRegisterRequestEvent): void => {
    const form = this.#registerForm;
    if (!form) return;
    form.opportunityId = event.detail.opportunityId;
    void form.show();
  };

  /** The CRM's account and deals (crm-deals/records-panel.ts), once their code is here. */
  #renderRecords(records: CrmRecords): TemplateResult {
    const failure = this.#crmFailure;
    return crm
      ? crm.renderRecordsPanel(records, {
          overview: this.#overview.value,
          failed: this.#overview.status === 'error',
          adapter: this.effectiveAdapter,
          locale: this.effectiveLocale,
          pageSize: this.pageSize,
          eligibilityParts: ELIGIBILITY_PARTS,
        })
      : html`<article part="base" aria-busy=${failure ? 'false' : 'true'}>
          ${failure ? errorPanel(failure, () => ((this.#crmFailure = undefined), this.requestUpdate())) : skeleton(7)}
        </article>`;
  }

  protected override renderView(): TemplateResult {
    const records = this.#records;
    if (records) return this.#renderRecords(records);
    const overview = this.#overview.value;
    const locale = this.effectiveLocale;
    const failed = this.#overview.status === 'error';
    const asOf = overview ? formatDate(overview.asOf, locale) : '';
    // The card keeps its title when the account cannot be loaded.
    const header = html`<header part="header">
      <h2 id="title">${overview ? msg(str`Deal registration: ${overview.account.name}`) : msg('Deal registration')}</h2>
      ${overview ? html`<span class="as-of">${msg(str`as of ${asOf}`)}</span>` : nothing}
    </header>`;
    if (!overview) {
      return html`<article part="base" aria-labelledby="title" aria-busy=${failed ? 'false' : 'true'}>
        ${failed ? html`${header}${overviewError(this.#overview)}` : html`<span class="skeleton heading" aria-hidden="true"></span>${skeleton(7)}`}
      </article>`;
    }
    const adapter = this.effectiveAdapter;
    // A deal the vendor does not list yet, typed by the rep (a portal with no CRM to read it from).
    const newDeal = html`<button part="button new-deal-button" class="new-deal" type="button" @click=${() => void this.#registerForm?.show('new-deal')}>
      ${msg('Register a new deal')}
    </button>`;
    // The account's context first (in a sidebar, above the list; in a main column, atop the second
    // column), then the deals, each with its own Register: no Register for the panel as a whole.
    return html`<article part="base" aria-labelledby="title">
      ${header}
      <div class="layout">
        <section aria-labelledby="eligibility-title">
          <h3 id="eligibility-title">${msg('New deals here')}</h3>
          <dealreg-eligibility exportparts=${ELIGIBILITY_PARTS} account-id=${this.accountId} .adapter=${adapter} locale=${locale}></dealreg-eligibility>
        </section>
        <section class="main" aria-labelledby="opps-title">
          <h3 id="opps-title">${msg('Opportunities')}</h3>
          <dealreg-register-form exportparts=${REGISTER_PARTS} no-button account-id=${this.accountId} .adapter=${adapter} locale=${locale}></dealreg-register-form>
          ${
            overview.opportunities.length === 0
              ? html`<div part="empty" class="empty">
                <p>${msg('No opportunities at this account yet.')}</p>
                <p>${msg('Register the deal you are working on, or create it in your CRM and refresh: it then shows with what it qualifies for.')}</p>
                <button part="button" type="button" @click=${() => void this.#overview.refresh()}>${msg('Refresh')}</button>
                ${newDeal}
              </div>`
              : html`<dealreg-status
                exportparts=${STATUS_PARTS}
                account-id=${this.accountId}
                actions
                page-size=${this.pageSize}
                @dealreg-register-request=${this.#onRegisterRequest}
                .adapter=${adapter}
                locale=${locale}
              ></dealreg-status>
              ${newDeal}`
          }
        </section>
      </div>
      ${failed ? overviewError(this.#overview) : nothing}
    </article>`;
  }
}
