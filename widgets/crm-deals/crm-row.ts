// One CRM deal's row: its name and figures, its state, its strongest line (the protection, the
// vendor's verdict, or why it cannot be registered), what changed since it was registered, and its
// actions, the most urgent one as the row's only brand button.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '../i18n/localization.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { CrmOpportunity, CrmRecords } from '../../src/domain/crm.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import type { PresalesActivity } from '../../src/domain/status.ts';
import type { Registration } from '../../src/domain/types.ts';
import type { DealRegError } from '../../src/errors.ts';
import { shownState, type DealRow } from '../../src/program/crm-rows.ts';
import type { RowAction } from '../../src/program/crm-row-actions.ts';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.ts';
import { opportunityMeaning } from '../i18n/status-meaning.ts';
// The forms' shared parts: one presales question, one pair of buttons, for every registration.
import { presalesFieldset, submitButtons } from '../register-form/form-parts.ts';
import { blockText, changesText, unknownSkusText } from '../i18n/row-text.ts';
import { describeError } from '../i18n/error-text.ts';
import { badge, errorPanel } from '../templates/templates.ts';
import { standingDetail, verdictLines } from '../templates/standing.ts';

export interface RowContext {
  locale: string;
  program: ProgramDefinition;
  accountRef: string;
  /** Whether the shared overview holds the registration (then the quote button reads its quotes there). */
  inOverview(registration: Registration): boolean;
  adapter: DealRegAdapter | undefined;
  /** The CRM id whose presales form is open. */
  registering: string | null;
  chosen: ReadonlySet<PresalesActivity>;
  registerError: DealRegError | 'no-activity' | 'sending' | undefined;
  extensions: ReadonlyMap<string, 'sending' | DealRegError>;
  onRegister(opportunity: CrmOpportunity): void;
  onToggle(activity: PresalesActivity, on: boolean): void;
  onSubmit(opportunity: CrmOpportunity): void;
  onCancel(): void;
  onExtend(registration: Registration): void;
}

/** The row's strongest line: its protection, its refusal, the vendor's verdict, or why nothing is offered. */
function renderStanding(row: DealRow, index: number, ctx: RowContext): TemplateResult | typeof nothing {
  const { locale } = ctx;
  const { protection, registration } = row;
  const blocked = blockText(row);
  if (blocked) return html`<p class="verdict" id=${`why-${index}`}>${blocked}</p>`;
  const standing = standingDetail(row.state, registration, protection, locale);
  if (standing !== nothing) {
    const extension = protection?.extension;
    const final = extension?.state === 'used' ? formatDate(extension.finalUntil, locale) : '';
    return html`${standing}
      ${final ? html`<p class="detail" data-extension="used">${msg(str`Extension used: the protection ends for good on ${final}.`)}</p>` : nothing}`;
  }
  const verdict = row.verdict;
  if (!verdict) return nothing;
  if (verdict.kind === 'awaiting-preview') {
    return html`<p class="verdict checking" aria-busy="true">${msg('Checking with the vendor…')}</p>`;
  }
  return verdictLines(verdict.eligibility, ctx.program, locale, `why-${index}`);
}

function renderAction(
  action: RowAction,
  primary: boolean,
  row: DealRow,
  index: number,
  ctx: RowContext,
): TemplateResult | typeof nothing {
  const registration = row.registration;
  switch (action) {
    case 'register':
      return row.crm && ctx.registering !== row.crm.id
        ? html`<button
            part="button register-button"
            class=${primary ? 'primary' : ''}
            type="button"
            aria-label=${msg(str`Register opportunity: ${row.crm.name}`)}
            @click=${() => ctx.onRegister(row.crm!)}
          >
            ${msg('Register')}
          </button>`
        : nothing;
    case 'extend': {
      if (!registration) return nothing;
      const request = ctx.extensions.get(registration.id);
      const until = row.protection?.extension.state === 'open' ? formatDate(row.protection.extension.until, ctx.locale) : '';
      const days = formatNumber(ctx.program.protection.extensionDays, ctx.locale);
      const failed = request && request !== 'sending' ? describeError(request, true) : undefined;
      return html`<button
          part="button extend-button"
          class=${primary ? 'primary' : ''}
          type="button"
          aria-describedby=${`extend-${index}`}
          ?disabled=${request === 'sending'}
          @click=${() => ctx.onExtend(registration)}
        >
          ${msg('Extend protection')}
        </button>
        <p class="detail" id=${`extend-${index}`}>${msg(str`Extending adds ${days} days: protected until ${until}.`)}</p>
        ${failed ? html`<p class="detail" part="error" role="alert">${failed.title}: ${failed.detail}</p>` : nothing}`;
    }
    case 'request-quote':
      return nothing;
  }
}

/** The quote: its live status, or "Request quote" while the protection holds (neutral beside Extend: see renderRow). */
function renderQuote(row: DealRow, ctx: RowContext): TemplateResult | typeof nothing {
  const registration = row.registration;
  const offered = row.primary === 'request-quote' || row.secondary.includes('request-quote');
  if (!registration || (!offered && !row.quote)) return nothing;
  return html`<dealreg-quote-button
    exportparts="base:quote-button, quote, request-button, hint"
    registration-id=${registration.id}
    account-id=${ctx.inOverview(registration) ? ctx.accountRef : nothing}
    .adapter=${ctx.adapter}
    locale=${ctx.locale}
  ></dealreg-quote-button>`;
}

/** The presales activities, the only thing the CRM does not hold: the last choice ticked already. */
function renderPresalesForm(opportunity: CrmOpportunity, ctx: RowContext): TemplateResult {
  const error = ctx.registerError;
  const sending = error === 'sending';
  const missing = error === 'no-activity';
  return html`<form
    part="form"
    class="presales"
    novalidate
    aria-label=${msg(str`Register opportunity: ${opportunity.name}`)}
    @submit=${(e: Event) => {
      e.preventDefault();
      ctx.onSubmit(opportunity);
    }}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') ctx.onCancel();
    }}
  >
    ${presalesFieldset(ctx.chosen, missing, (a, on) => ctx.onToggle(a, on))}
    ${error && !sending && !missing ? errorPanel(error, undefined, true) : nothing}
    ${submitButtons(sending, false, error !== undefined && typeof error !== 'string' && error.retryable, () => ctx.onCancel())}
  </form>`;
}

/** When the deal closes, or closed: a deal won or lost in the CRM closed on its close date. */
function closeText(date: string, row: DealRow, locale: string): string {
  const close = formatDate(date, locale);
  return row.closedInCrm ? msg(str`closed ${close}`) : msg(str`closes ${close}`);
}

export function renderRow(row: DealRow, index: number, ctx: RowContext): TemplateResult {
  const { locale } = ctx;
  const deal = row.deal;
  const state = shownState(row);
  const meta = deal ? [formatMoney(deal.amount.value, deal.amount.currency, locale), closeText(deal.closeDate, row, locale)] : [];
  if (row.crm?.stage) meta.push(row.crm.stage);
  const verdict = row.verdict?.kind === 'decided' ? row.verdict : undefined;
  const unknown = verdict ? unknownSkusText(verdict.unknownSkus, locale) : '';
  const changed = changesText(row.changes, locale);
  const actions = [row.primary, ...row.secondary].filter((a): a is RowAction => a !== null);
  const registeringHere = row.crm !== null && ctx.registering === row.crm.id;
  return html`<li
    part="opportunity"
    tabindex="-1"
    data-key=${row.key}
    data-crm-id=${row.crm?.id ?? nothing}
    data-state=${state}
    data-origin=${row.origin}
  >
    <span class="name">${deal?.name ?? msg('Deal with no name on record')}</span>
    ${badge(opportunityMeaning(state))}
    ${meta.length ? html`<p class="meta">${meta.join(' · ')}</p>` : nothing} ${renderStanding(row, index, ctx)}
    ${unknown ? html`<p part="hint" class="detail">${unknown}</p>` : nothing}
    ${changed ? html`<p part="hint" class="detail" data-changes>${changed}</p>` : nothing}
    ${
      actions.length || row.quote
        ? // While the extension can be requested it is the row's brand button; the quote's turns neutral.
          html`<div class=${row.primary === 'extend' ? 'actions extend' : 'actions'}>
            ${actions.map((a) => renderAction(a, a === row.primary, row, index, ctx))} ${renderQuote(row, ctx)}
          </div>`
        : nothing
    }
    ${registeringHere && row.crm ? renderPresalesForm(row.crm, ctx) : nothing}
  </li>`;
}

/** An account the vendor cannot recognise: its deals listed, and how to make them checkable. */
export function renderWithoutIdentifier(records: CrmRecords, locale: string): TemplateResult {
  return html`<p part="hint" class="notice">
      ${msg("Add the customer's SIREN, VAT number or DUNS to this account in your CRM: the vendor recognises its customers by them. Until then, its deals cannot be checked or registered.")}
    </p>
    <ul class="rows">
      ${records.opportunities.map(
        (o) => html`<li part="opportunity" data-crm-id=${o.id}>
          <span class="name">${o.name}</span>
          <p class="meta">${formatMoney(o.amount.value, o.amount.currency, locale)} · ${msg(str`closes ${formatDate(o.closeDate, locale)}`)}</p>
        </li>`,
      )}
    </ul>`;
}
