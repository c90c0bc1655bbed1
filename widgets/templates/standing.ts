// Where a deal stands under this partner's registration, in one line: the protection's countdown,
// its end, the submission, a refusal's reasons, another partner's protection and what is left to do.
// The status list's rows and the CRM deals' rows say it the same way.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '../i18n/localization.ts';
import type { OpportunityState } from '../../src/domain/status.ts';
import type { Registration } from '../../src/domain/types.ts';
import type { ProtectionView } from '../../src/program/protection.ts';
import { formatDate, formatDaysLeft } from '../i18n/format.ts';
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
