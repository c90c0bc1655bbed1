import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../shared/localization.ts';
import type { AccountOverview, Opportunity } from '../../src/domain/types.ts';
import type { EligibilityDecision } from '../../src/program/eligibility.ts';
import { DealRegElement } from '../shared/base.ts';
import { OverviewController } from '../shared/overview-controller.ts';
import { formatDate, formatList, formatNumber } from '../shared/format.ts';
import { basisLabel, familyLabel, hintKind, hintText } from '../shared/hint-text.ts';
import type { HintKind } from '../shared/hint-text.ts';
import { ICONS, eligibilityMeaning } from '../shared/status-meaning.ts';
import type { Variant } from '../shared/status-meaning.ts';
import { badge, errorPanel, skeleton } from '../shared/templates.ts';
import { accountView, eligibilityOf } from '../shared/view-model.ts';
import styles from './eligibility.styles.ts';

const HINT_VARIANT: Record<HintKind, Variant> = {
  qualifies: 'positive',
  missing: 'notice',
  upcoming: 'informative',
  info: 'neutral',
};

const REFRESH_SHOWN = 5;
/** Open opportunities explained at first, and added by each "Show more". */
const OPEN_SHOWN = 3;

/**
 * Program eligibility and installed-base hints for an account, or one of its opportunities.
 *
 * @summary The decision per opportunity (or for the one `opportunity-id` names) and its basis, hints in plain words (what qualifies, what is missing, the
 * rule set that will change the answer and when), and this partner's installed base at the account
 * by family and generation, with the assets reaching end of support soon as refresh candidates.
 *
 * @tag dealreg-eligibility
 *
 * @event dealreg-error - Loading failed; `detail.error` is the typed `DealRegError`.
 *
 * @csspart base - The wrapper.
 * @csspart decision - One open opportunity's decision with its hints (without `opportunity-id`).
 * @csspart summary - The decision line.
 * @csspart status-badge - The decision in words with an icon.
 * @csspart hint - One eligibility hint.
 * @csspart installed-base - The installed-base summary.
 * @csspart button - The "Show more" and Retry buttons.
 * @csspart retry-button - Retry after an error.
 * @csspart more-button - "Show 3 more" open opportunities.
 * @csspart error - The error panel.
 *
 * @cssproperty --dealreg-color-positive - What qualifies.
 * @cssproperty --dealreg-color-notice - What is missing.
 * @cssproperty --dealreg-color-informative - Upcoming rule changes.
 * @cssproperty --dealreg-color-border - Table rules.
 * @cssproperty --dealreg-color-text-weak - Table headings and captions.
 * @cssproperty --dealreg-space-xs - Gaps between hints.
 */
export class DealRegEligibility extends DealRegElement {
  static override styles = [DealRegElement.styles, styles];

  private readonly overview = new OverviewController(this);

  @state() private shownOpen = OPEN_SHOWN;

  /** The CRM account. */
  @property({ attribute: 'account-id' }) accountId = '';

  /**
   * Optional: explain this opportunity's eligibility. Without it, each open (unregistered)
   * opportunity's decision is explained (a few at first, then "Show more"); an account without
   * open opportunities gets what a new deal there would qualify for on the account alone.
   */
  @property({ attribute: 'opportunity-id' }) opportunityId: string | undefined;

  /** Hide the installed-base summary (e.g. per-row use). */
  @property({ type: Boolean, attribute: 'no-installed-base' }) noInstalledBase = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('accountId')) this.shownOpen = OPEN_SHOWN;
  }

  private renderDecision(decision: EligibilityDecision, opportunity: Opportunity | undefined): TemplateResult {
    const locale = this.effectiveLocale;
    const basis = formatList(decision.basis.map(basisLabel), locale, 'conjunction');
    const subject = opportunity ? opportunity.name : msg('This account');
    return html`<p part="summary" class="decision">
      ${badge(eligibilityMeaning(decision.eligible))}
      <span
        >${decision.eligible
          ? msg(str`${subject} qualifies for opportunity protection: ${basis}.`)
          : opportunity
            ? msg(str`${subject} does not qualify for opportunity protection today.`)
            : msg('This account does not qualify on its own today; a deal may still qualify by its products.')}</span
      >
    </p>`;
  }

  private renderHints(decision: EligibilityDecision, overview: AccountOverview): TemplateResult {
    const locale = this.effectiveLocale;
    return html`<ul class="hints" aria-label=${msg('Eligibility hints')}>
      ${decision.hints.map((hint) => {
        const variant = HINT_VARIANT[hintKind(hint)];
        return html`<li part="hint" data-code=${hint.code} data-kind=${hintKind(hint)}>
          <span class="icon ${variant}" aria-hidden="true">${ICONS[variant]}</span>
          <span>${hintText(hint, overview.program, locale)}</span>
        </li>`;
      })}
    </ul>`;
  }

  private renderInstalledBase(overview: AccountOverview): TemplateResult {
    const locale = this.effectiveLocale;
    // The server's summary: families with exact totals, the first refresh candidates and their exact count.
    const summary = overview.installedBase;
    const generationLabel = (g: string): string =>
      g === 'latest' ? msg('Latest') : msg('Previous');
    const shown = summary.refreshCandidates.slice(0, REFRESH_SHOWN);
    const more = summary.refreshCandidatesTotal - shown.length;
    return html`<section part="installed-base" aria-labelledby="ib-title">
      <h3 id="ib-title">${msg('Your installed base here')}</h3>
      ${summary.families.length === 0
        ? html`<p class="weak">${msg('You have not sold vendor infrastructure at this account.')}</p>`
        : html`<table>
              <thead>
                <tr>
                  <th scope="col">${msg('Family')}</th>
                  <th scope="col">${msg('Generation')}</th>
                  <th scope="col">${msg('Units')}</th>
                </tr>
              </thead>
              <tbody>
                ${summary.families.map(
                  (f) => html`<tr>
                    <td>${familyLabel(overview.program, f.family, locale)}</td>
                    <td>${generationLabel(f.generation)}</td>
                    <td class="num">${formatNumber(f.units, locale)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            <h4>${msg('Refresh candidates')}</h4>
            ${shown.length === 0
              ? html`<p class="weak">${msg('No asset reaches end of support soon.')}</p>`
              : html`<ul class="refresh">
                  ${shown.map((a) => {
                    const family = familyLabel(overview.program, a.family, locale);
                    const units = formatNumber(a.quantity, locale);
                    const eos = formatDate(a.endOfSupportAt, locale);
                    return html`<li>${msg(str`${units} × ${family}: end of support ${eos}`)}</li>`;
                  })}
                  ${more > 0
                    ? html`<li>${msg(str`and ${formatNumber(more, locale)} more`)}</li>`
                    : nothing}
                </ul>`}`}
    </section>`;
  }

  protected override renderView(): TemplateResult {
    const { value: overview, error } = this.overview.snapshot;
    if (!overview) {
      return html`<div part="base">
        ${this.overview.status === 'error' ? errorPanel(error, () => void this.overview.refresh()) : skeleton(2, true)}
      </div>`;
    }
    const opportunity = this.opportunityId ? overview.opportunities.find((o) => o.id === this.opportunityId) : undefined;
    if (this.opportunityId && !opportunity) {
      return html`<div part="base">
        <p class="weak">${msg('This opportunity is not part of the account.')}</p>
      </div>`;
    }
    const open = opportunity
      ? [opportunity]
      : accountView(overview)
          .rows.filter((r) => r.state === 'not-registered')
          .map((r) => r.opportunity);
    const shown = opportunity ? open : open.slice(0, this.shownOpen);
    const more = open.length - shown.length;
    const explain = (o: Opportunity | undefined): TemplateResult => {
      const decision = eligibilityOf(overview, o);
      return html`${this.renderDecision(decision, o)} ${this.renderHints(decision, overview)}`;
    };
    return html`<div part="base">
      ${open.length === 0
        ? explain(undefined)
        : html`<ul class="decisions">
            ${shown.map((o) => html`<li part="decision" data-opportunity-id=${o.id}>${explain(o)}</li>`)}
          </ul>`}
      ${more > 0
        ? html`<button part="button more-button" type="button" @click=${() => (this.shownOpen += OPEN_SHOWN)}>
            ${msg(str`Show ${formatNumber(Math.min(OPEN_SHOWN, more), this.effectiveLocale)} more (${formatNumber(more, this.effectiveLocale)} not shown)`)}
          </button>`
        : nothing}
      ${this.noInstalledBase ? nothing : this.renderInstalledBase(overview)}
    </div>`;
  }
}
