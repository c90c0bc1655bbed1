import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '../i18n/localization.ts';
import type { AccountOverview, Opportunity } from '../../src/domain/types.ts';
import type { EligibilityHint } from '../../src/program/eligibility.ts';
import type { EligibilityDecision } from '../../src/program/eligibility.ts';
import { DealRegElement } from '../element/base.ts';
import { OverviewController } from '../controllers/overview-controller.ts';
import { formatDate, formatList, formatNumber } from '../i18n/format.ts';
import { basisLabel, familyLabel, hintKind, hintText, newDealHintText, verdictText } from '../i18n/hint-text.ts';
import { ICONS, eligibilityMeaning, opportunityMeaning } from '../i18n/status-meaning.ts';
import type { Variant } from '../i18n/status-meaning.ts';
import { badge, errorPanel, overviewError, skeleton } from '../templates/templates.ts';
import { icon } from '../templates/icons.ts';
import { DealRegErrorEvent } from '../events/events.ts';
import { PAGE_LIMIT_MAX } from '../state/overview-store.ts';
import type { DealRegError } from '../../src/errors.ts';
import { accountView, decisionAtSubmission, decisionForNewDeal, decisionToRegister, refreshLines } from '../state/view-model.ts';
import { eligibilityStyles } from './eligibility.styles.ts';

/**
 * A hint's colour and icon: what qualifies, a check; a rule or what a deal would need, information
 * (not a problem); only a coming loss of eligibility warns.
 */
function hintLook(hint: EligibilityHint): [Variant, TemplateResult] {
  if (hintKind(hint) === 'qualifies') return ['positive', ICONS.positive];
  if (hint.code === 'ineligible-from-rule-set') return ['notice', ICONS.notice];
  return ['informative', icon('info')];
}

const REFRESH_SHOWN = 5;

// A failed page is reported once to the host, however many elements waited on it.
const reportedMore = new WeakSet<DealRegError>();

/**
 * What a new deal at an account needs to qualify, or one opportunity's eligibility, and the installed base.
 *
 * @summary Without `opportunity-id`: what a NEW deal here needs (latest-generation technology; the
 * account dormant since…; your installed base since…) and the coming rule change if any: never a
 * verdict beside the account's deals, whose own eligibility their rows tell. With `opportunity-id`:
 * that deal's story (its decision today while it can be registered, the decision it was registered
 * under, or that another partner holds it), fetching the pages after the overview until it finds the
 * deal (they are the shared rows: a status list of the account shows them too). Then this partner's installed base at the account by
 * family and generation, with the assets reaching end of support soon as refresh candidates.
 *
 * @tag dealreg-eligibility
 *
 * @event dealreg-error - Loading failed, or a page fetched to find `opportunity-id`; `detail.error` is the typed `DealRegError`.
 *
 * @csspart base - The wrapper.
 * @csspart decision - What a new deal needs, or the named opportunity's decision, with its hints.
 * @csspart summary - The decision line.
 * @csspart status-badge - The named opportunity's decision in words with an icon.
 * @csspart hint - One eligibility hint.
 * @csspart installed-base - The installed-base summary.
 * @csspart button - The Retry button.
 * @csspart retry-button - Retry after an error.
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
  static override styles = [DealRegElement.styles, eligibilityStyles];

  readonly #overview = new OverviewController(this);

  /** The CRM account. */
  @property({ attribute: 'account-id' }) accountId = '';

  /**
   * Optional: explain this opportunity's eligibility. Without it, the element tells what a new deal
   * at the account needs (the account's deals are explained on their rows).
   */
  @property({ attribute: 'opportunity-id' }) opportunityId: string | undefined;

  /** Hide the installed-base summary (e.g. per-row use). */
  @property({ type: Boolean, attribute: 'no-installed-base' }) noInstalledBase = false;

  protected override updated(): void {
    const { value, loadingMore, moreError } = this.#overview.snapshot;
    if (!value || !this.opportunityId || loadingMore || moreError || value.nextCursor === null || !this.#overview.canPage) return;
    if (!value.opportunities.some((o) => o.id === this.opportunityId)) void this.#fetchMore();
  }

  /** The next page, to look for `opportunity-id` beyond the rows loaded: one request at a time (the store's). */
  async #fetchMore(): Promise<void> {
    await this.#overview.loadMore(PAGE_LIMIT_MAX);
    const error = this.#overview.snapshot.moreError;
    if (error && this.isConnected && !reportedMore.has(error)) {
      reportedMore.add(error);
      this.dispatchEvent(new DealRegErrorEvent({ operation: 'load-more', error }));
    }
  }

  /**
   * One deal's verdict, once: "Eligible" with what qualifies it, or "Not eligible" with the first
   * thing that would; then the hints it does not already say.
   */
  #renderDecision(overview: AccountOverview, decision: EligibilityDecision): TemplateResult {
    const locale = this.effectiveLocale;
    const fix = decision.eligible ? undefined : decision.hints.find((h) => hintKind(h) === 'missing' || hintKind(h) === 'info');
    const hints = decision.hints.filter((h) => h !== fix && h.code !== 'qualifies-latest-generation');
    return html`<p part="summary" class="decision">
        ${badge(eligibilityMeaning(decision.eligible))} <span>${verdictText(decision, overview.program, locale)}</span>
      </p>
      ${this.#renderHints(hints, (h) => hintText(h, overview.program, locale))}`;
  }

  #renderHints(hints: readonly EligibilityHint[], text: (hint: EligibilityHint) => string): TemplateResult {
    return html`<ul class="hints" aria-label=${msg('Eligibility hints')}>
      ${hints.map((hint) => {
        const [variant, glyph] = hintLook(hint);
        return html`<li part="hint" data-code=${hint.code} data-kind=${hintKind(hint)}>
          <span class="icon ${variant}" aria-hidden="true">${glyph}</span>
          <span>${text(hint)}</span>
        </li>`;
      })}
    </ul>`;
  }

  /**
   * What a new deal here needs: told of a deal to come, so it cannot contradict an existing deal's
   * row. When any new deal qualifies, its hint says so (no line above it saying it again); "not your
   * installed base" is left to the installed-base section when that says you never sold here.
   */
  #renderNewDeal(overview: AccountOverview): TemplateResult {
    const locale = this.effectiveLocale;
    const decision = decisionForNewDeal(overview);
    const neverSold = !this.noInstalledBase && overview.installedBase.families.length === 0;
    const hints = decision.hints.filter((h) => !(neverSold && h.code === 'not-installed-base' && h.lastOrderByYouAt === null));
    return html`<div part="decision">
      ${
        decision.eligible
          ? nothing
          : html`<p part="summary" class="decision">${msg('What a new deal here needs to qualify for protection:')}</p>`
      }
      ${this.#renderHints(hints, (h) => newDealHintText(h, overview.program, locale))}
    </div>`;
  }

  /** One deal's story: its decision today while registrable, else where it stands. */
  #renderOpportunity(overview: AccountOverview, opportunity: Opportunity): TemplateResult {
    const locale = this.effectiveLocale;
    const row = accountView(overview).rows.find((r) => r.opportunity.id === opportunity.id);
    if (!row || row.next.kind === 'register') {
      return html`<div part="decision" data-opportunity-id=${opportunity.id}>
        ${this.#renderDecision(overview, decisionToRegister(overview, opportunity))}
      </div>`;
    }
    if (row.next.kind === 'protected-by-other') {
      return html`<div part="decision" data-opportunity-id=${opportunity.id}>
        <p part="summary" class="decision">
          ${badge(opportunityMeaning('protected-by-other'))}
          <span>${msg('You can still sell it without the restricted quote, or register it if that protection ends.')}</span>
        </p>
      </div>`;
    }
    const registration = row.registration;
    // Not registrable, not held by anyone, nothing live of yours on it: the deal has closed.
    if (
      !registration ||
      registration.status === 'rejected' ||
      registration.status === 'withdrawn' ||
      registration.status === 'expired'
    ) {
      const closed = formatDate(opportunity.closeDate, locale);
      return html`<div part="decision" data-opportunity-id=${opportunity.id}>
        <p part="summary" class="decision">
          ${msg(str`This deal closed on ${closed}; it can no longer be registered.`)}
        </p>
      </div>`;
    }
    // Only the deal's own lines can be replayed at the submission date: the order facts are today's,
    // so a dormant-account or installed-base basis of then is not claimed from them.
    const basis = decisionAtSubmission(overview, opportunity, registration).basis.filter((b) => b === 'latest-generation');
    const on = formatDate(registration.submittedAt, locale);
    return html`<div part="decision" data-opportunity-id=${opportunity.id}>
      <p part="summary" class="decision">
        ${
          basis.length
            ? msg(
                str`Registered on ${on}, under the rules then in force: ${formatList(basis.map(basisLabel), locale, 'conjunction')}.`,
              )
            : msg(str`Registered on ${on}.`)
        }
      </p>
    </div>`;
  }

  #renderInstalledBase(overview: AccountOverview): TemplateResult {
    const locale = this.effectiveLocale;
    // The server's summary: families with exact totals, the first refresh candidates and their exact count.
    const summary = overview.installedBase;
    const generationLabel = (g: string): string => (g === 'latest' ? msg('Latest') : msg('Previous'));
    const first = summary.refreshCandidates.slice(0, REFRESH_SHOWN);
    const shown = refreshLines(first);
    const more = summary.refreshCandidatesTotal - first.length;
    return html`<section part="installed-base" aria-labelledby="ib-title">
      <h3 id="ib-title">${msg('Your installed base here')}</h3>
      ${
        summary.families.length === 0
          ? html`<p class="weak">${msg('You have not sold vendor infrastructure at this account.')}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${msg('Family')}</th>
                  <th scope="col">${msg('Generation')}</th>
                  <th scope="col" class="num">${msg('Units')}</th>
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
            ${
              first.length === 0
                ? html`<p class="weak">${msg('No asset reaches end of support soon.')}</p>`
                : html`<ul class="refresh">
                  ${[...shown].map(([date, families]) => {
                    const eos = formatDate(date, locale);
                    const units = formatList(
                      [...families].map(([f, n]) => `${formatNumber(n, locale)} × ${familyLabel(overview.program, f, locale)}`),
                      locale,
                    );
                    return html`<li>${msg(str`End of support ${eos}: ${units}`)}</li>`;
                  })}
                  ${more > 0 ? html`<li>${msg(str`and ${formatNumber(more, locale)} more`)}</li>` : nothing}
                </ul>`
            }`
      }
    </section>`;
  }

  protected override renderView(): TemplateResult {
    const overview = this.#overview.value;
    if (!overview) {
      return html`<div part="base">
        ${this.#overview.status === 'error' ? overviewError(this.#overview) : skeleton(2, true)}
      </div>`;
    }
    const opportunity = this.opportunityId ? overview.opportunities.find((o) => o.id === this.opportunityId) : undefined;
    if (this.opportunityId && !opportunity) {
      // Not among the rows loaded: a later page may hold it (updated() fetches them), until the end of the list.
      const { moreError } = this.#overview.snapshot;
      const more = overview.nextCursor !== null && this.#overview.canPage;
      return html`<div part="base">
        ${
          moreError
            ? errorPanel(moreError, () => void this.#fetchMore())
            : more
              ? skeleton(2, true)
              : html`<p class="weak">${msg('This opportunity is not part of the account.')}</p>`
        }
      </div>`;
    }
    return html`<div part="base">
      ${opportunity ? this.#renderOpportunity(overview, opportunity) : this.#renderNewDeal(overview)}
      ${this.noInstalledBase ? nothing : this.#renderInstalledBase(overview)}
    </div>`;
  }
}
