// Where a deal stands under this partner's registration, in one line: the protection's countdown,
// its end, the submission, a refusal's reasons, another partner's protection and what is left to do.
// The status list's rows and the CRM deals' rows say it the same way.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '../i18n/localization.ts';
import type { OpportunityState } from '../../src/domain/status.ts';
import type { Registration } from '../../src/domain/types.ts';
import type { ExtensionStanding, ProtectionView } from '../../src/program/protection.ts';
import type { EligibilityDecision } from '../../src/program/eligibility.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import { formatDate, formatDaysLeft, formatNumber } from '../i18n/format.ts';
import { hintKind, hintText, verdictDetail } from '../i18n/hint-text.ts';
import { eligibilityMeaning } from '../i18n/status-meaning.ts';
import { reasonList } from './templates.ts';

export function standingDetail(
  state: OpportunityState,
  registration: Pick<Registration, 'submittedAt' | 'reasons'> | undefined,
  protection: ProtectionView | undefined,
  locale: string,
): TemplateResult | typeof nothing {
  const until = protection?.protectedUntil ? formatDate(protection.protectedUntil, locale) : '';
  switch (state) {
    case 'approved':
    case 'expiring-soon': {
      const left = formatDaysLeft(protection?.daysLeft ?? 0, locale);
      return html`<p class="verdict">${msg(str`Protected until ${until}: ${left}.`)}</p>`;
    }
    case 'expired':
      return html`<p class="verdict">${msg(str`Protection ended on ${until}.`)}</p>`;
    case 'submitted': {
      const on = registration ? formatDate(registration.submittedAt, locale) : '';
      return html`<p class="verdict">${msg(str`Submitted on ${on}, awaiting the vendor's decision.`)}</p>`;
    }
    case 'rejected':
    case 'action-required':
      return registration?.reasons.length ? html`<div class="verdict">${reasonList(registration.reasons)}</div>` : nothing;
    case 'protected-by-other':
      // The badge says who holds it (another partner, never who): this says what is left to do.
      return html`<p class="verdict">
        ${msg('You can still sell it without the restricted quote, or register it if that protection ends.')}
      </p>`;
    default:
      return nothing;
  }
}

/**
 * The vendor's verdict on registering a deal, the row's strongest line ("Eligible · …"), then the rule
 * changes coming; `id` is the verdict's, for a button it describes.
 */
export function verdictLines(
  decision: EligibilityDecision,
  program: ProgramDefinition,
  locale: string,
  id: string,
): TemplateResult {
  const meaning = eligibilityMeaning(decision.eligible);
  const detail = verdictDetail(decision, program, locale);
  return html`<p class="verdict" id=${id} data-eligible=${String(decision.eligible)}>
      <span class="icon ${meaning.variant}" aria-hidden="true">${meaning.icon}</span
      ><span><strong>${meaning.label()}</strong>${detail ? ` · ${detail}` : ''}</span>
    </p>
    ${decision.hints
      .filter((h) => hintKind(h) === 'upcoming')
      .map((h) => html`<p part="hint" class="detail" data-code=${h.code}>${hintText(h, program, locale)}</p>`)}`;
}

/**
 * A held protection's extension as the program allows it (the status list's and the book's rows):
 * "Extend protection" with what it adds while it can be requested, the day it can be, or the final
 * end once used. `sending`: the request is out (the button stays, disabled).
 */
export function extensionStep(
  extension: ExtensionStanding,
  extensionDays: number,
  index: number,
  sending: boolean,
  onExtend: () => void,
  locale: string,
): TemplateResult | typeof nothing {
  const days = formatNumber(extensionDays, locale);
  switch (extension.state) {
    case 'open': {
      const until = formatDate(extension.until, locale);
      const extendId = `extend-${index}`;
      return html`<p class="detail" id=${extendId}>${msg(str`Extending adds ${days} days: protected until ${until}.`)}</p>
        <button part="button extend-button" class="primary" type="button" aria-describedby=${extendId} ?disabled=${sending} @click=${onExtend}>
          ${msg('Extend protection')}
        </button>`;
    }
    case 'opens': {
      const from = formatDate(extension.from, locale);
      return html`<p class="detail" data-extension="opens">${msg(str`A ${days}-day extension can be requested from ${from}.`)}</p>`;
    }
    case 'used': {
      const final = formatDate(extension.finalUntil, locale);
      return html`<p class="detail" data-extension="used">
        ${msg(str`Extension used: the protection ends for good on ${final}.`)}
      </p>`;
    }
    case 'none':
      return nothing;
  }
}
