// Small shared templates: a status badge (icon + words, never colour alone), the error panel with
// Retry, a list of refusal reasons, and the loading skeleton that reserves the final height.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '../i18n/localization.ts';
import { reasonText } from '../i18n/status-meaning.ts';
import type { Meaning } from '../i18n/status-meaning.ts';
import type { OverviewController } from '../controllers/overview-controller.ts';
import { describeError } from '../i18n/error-text.ts';

export function badge(meaning: Meaning): TemplateResult {
  return html`<span part="status-badge" class="badge ${meaning.variant}" data-variant=${meaning.variant}
    ><span class="icon" aria-hidden="true">${meaning.icon}</span>${meaning.label()}</span
  >`;
}

/** `change`: the failure followed a change the rep tried, not a load (error-text.ts). */
export function errorPanel(error: unknown, onRetry: (() => void) | undefined, change = false): TemplateResult {
  const d = describeError(error, change);
  return html`<div part="error" class="error" role="alert" data-code=${d.code}>
    <strong>${d.title}</strong>
    <p>${d.detail}</p>
    ${onRetry ? html`<button part="button retry-button" type="button" @click=${onRetry}>${msg('Retry')}</button>` : nothing}
  </div>`;
}

/** The shared overview's failure, whose Retry refreshes it (the store sets an error with every 'error' status). */
export function overviewError(overview: OverviewController): TemplateResult {
  return errorPanel(overview.error, () => void overview.refresh());
}

/** A registration's rejection or a quote's decline reasons in words; `labelled`: named "Reasons" for assistive technology. */
export function reasonList(reasons: readonly string[], labelled = true): TemplateResult | typeof nothing {
  return reasons.length
    ? html`<ul aria-label=${labelled ? msg('Reasons') : nothing}>
        ${reasons.map((r) => html`<li>${reasonText(r)}</li>`)}
      </ul>`
    : nothing;
}

/**
 * Rows of placeholder with the height of the real rows, so loading does not shift the layout.
 * Sized by classes (`.skeleton.title`, `.skeleton.row`, `.compact`): a `style` attribute would be
 * blocked by a strict CSP (style-src-attr).
 */
export function skeleton(rows: number, compact = false): TemplateResult {
  return html`<div aria-busy="true">
    <span class="visually-hidden">${msg('Loading…')}</span>
    <span class="skeleton title" aria-hidden="true"></span>
    ${Array.from({ length: rows }, () => html`<span class="skeleton row ${compact ? 'compact' : ''}" aria-hidden="true"></span>`)}
  </div>`;
}
