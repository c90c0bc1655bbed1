import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { DealRegElement } from '../shared/base.ts';
import { OverviewController } from '../shared/overview-controller.ts';
import { formatDate } from '../shared/format.ts';
import { errorPanel, skeleton } from '../shared/templates.ts';
import '../status/status.ts';
import '../eligibility/eligibility.ts';
import '../register-form/register-form.ts';
import '../quote-button/quote-button.ts';
import styles from './panel.styles.ts';

// The children's parts, forwarded so a host page can style them as `dealreg-panel::part(name)`.
const COMMON = 'status-badge, button, retry-button, error, hint';
const STATUS_PARTS = `base:status, summary, opportunity, extend-button, more-button, more-note, quote-button, quote, request-button, ${COMMON}`;
const REGISTER_PARTS = `base:register, open-button, submit-button, cancel-button, form, outcome, ${COMMON}`;
const ELIGIBILITY_PARTS = `base:eligibility, summary:eligibility-summary, decision, installed-base, more-button, ${COMMON}`;

/**
 * The whole account view for a CRM record page.
 *
 * @summary Status summary, opportunities with their registration status (paged), eligibility hints
 * and installed base, and the register and quote actions, for one account. A container query on the
 * host lays it out for a narrow CRM sidebar or a wide main column, whatever the viewport.
 *
 * @tag dealreg-panel
 *
 * @event dealreg-registered - From the register form.
 * @event dealreg-quote-requested - From a quote button.
 * @event dealreg-extended - From an "Extend protection" button.
 * @event dealreg-error - Any failure; `detail.error` is the typed `DealRegError`.
 *
 * @csspart base - The panel's card.
 * @csspart header - The account name and the server date.
 * @csspart error - Error panels (the panel's, and its children's).
 * @csspart empty - The empty-account invitation.
 * @csspart retry-button - Retry buttons.
 * @csspart status - Forwarded: the status list's wrapper (`<dealreg-status>`'s base).
 * @csspart summary - Forwarded: the status summary line.
 * @csspart opportunity - Forwarded: one opportunity row.
 * @csspart status-badge - Forwarded: every state in words with an icon.
 * @csspart button - Forwarded: every button of the children.
 * @csspart extend-button - Forwarded: "Extend protection".
 * @csspart more-button - Forwarded: "Show more" (opportunities, eligibility).
 * @csspart more-note - Forwarded: "N more opportunities not shown" (an adapter that cannot fetch pages).
 * @csspart quote-button - Forwarded: a `<dealreg-quote-button>`'s wrapper.
 * @csspart request-button - Forwarded: "Request quote".
 * @csspart quote - Forwarded: a quote's live status and figures.
 * @csspart hint - Forwarded: eligibility hints and quote refusals in words.
 * @csspart register - Forwarded: the register form's wrapper.
 * @csspart open-button - Forwarded: "Register opportunity".
 * @csspart submit-button - Forwarded: "Submit registration".
 * @csspart cancel-button - Forwarded: "Cancel".
 * @csspart form - Forwarded: the inline registration form.
 * @csspart outcome - Forwarded: the registration's outcome.
 * @csspart eligibility - Forwarded: the eligibility section's wrapper.
 * @csspart eligibility-summary - Forwarded: an eligibility decision line.
 * @csspart decision - Forwarded: one open opportunity's eligibility decision.
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
 * @cssproperty --dealreg-font-size - Base font size.
 * @cssproperty --dealreg-radius - Corner radius.
 */
export class DealRegPanel extends DealRegElement {
  static override styles = [DealRegElement.styles, styles];

  private readonly overview = new OverviewController(this);

  /** The CRM account (plays the record page's `recordId`). */
  @property({ attribute: 'account-id' }) accountId = '';

  /** Opportunities shown at first and added by each "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  protected override renderView(): TemplateResult {
    const { value: overview, error } = this.overview.snapshot;
    const locale = this.effectiveLocale;
    if (!overview) {
      return html`<article part="base" aria-busy=${this.overview.status === 'error' ? 'false' : 'true'}>
        ${this.overview.status === 'error'
          ? errorPanel(error, () => void this.overview.refresh())
          : html`<span class="skeleton heading" aria-hidden="true"></span>${skeleton(7)}`}
      </article>`;
    }
    const adapter = this.effectiveAdapter;
    const asOf = formatDate(overview.asOf, locale);
    const empty = overview.opportunities.length === 0;
    return html`<article part="base" aria-labelledby="title">
      <header part="header">
        <h2 id="title">${msg(str`Deal registration: ${overview.account.name}`, { id: 'panel.title' })}</h2>
        <span class="as-of">${msg(str`as of ${asOf}`, { id: 'panel.as-of' })}</span>
      </header>
      <div class="layout">
        <section class="main" aria-labelledby="opps-title">
          <h3 id="opps-title">${msg('Opportunities', { id: 'panel.opportunities' })}</h3>
          ${empty
            ? html`<div part="empty" class="empty">
                <p>${msg('No opportunities at this account yet.', { id: 'status.empty' })}</p>
                <p>
                  ${msg('Detected a deal here? Register it to protect your presales work and get the restricted quote.', {
                    id: 'panel.empty-invite',
                  })}
                </p>
              </div>`
            : html`<dealreg-status
                exportparts=${STATUS_PARTS}
                account-id=${this.accountId}
                actions
                page-size=${this.pageSize}
                .adapter=${adapter}
                locale=${locale}
              ></dealreg-status>`}
        </section>
        <section class="side" aria-labelledby="register-title">
          <h3 id="register-title" class="visually-hidden">${msg('Register', { id: 'panel.register' })}</h3>
          <dealreg-register-form exportparts=${REGISTER_PARTS} account-id=${this.accountId} .adapter=${adapter} locale=${locale}></dealreg-register-form>
        </section>
        <section class="side-2" aria-labelledby="eligibility-title">
          <h3 id="eligibility-title">${msg('Eligibility', { id: 'panel.eligibility' })}</h3>
          <dealreg-eligibility exportparts=${ELIGIBILITY_PARTS} account-id=${this.accountId} .adapter=${adapter} locale=${locale}></dealreg-eligibility>
        </section>
      </div>
      ${this.overview.status === 'error' && error ? errorPanel(error, () => void this.overview.refresh()) : nothing}
    </article>`;
  }
}
