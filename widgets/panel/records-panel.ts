// The panel's card with the host's records: the CRM's account in the header, what a new deal there
// needs (when the vendor can recognise the customer and its account could be loaded), then the CRM's
// deals. Here rather than in the panel, so a page with no CRM behind it never loads it.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '../i18n/localization.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import { formatDate } from '../i18n/format.ts';
import { readRecords } from '../crm-deals/records-reading.ts';

// The list's parts, forwarded so a host page can style them as `dealreg-panel::part(name)`.
const CRM_PARTS = `base:crm-deals, summary, opportunity, status-badge, button, register-button, extend-button, more-button, form, submit-button, cancel-button, quote-button, quote, request-button, hint, error, retry-button, empty`;

export interface RecordsPanelView {
  overview: AccountOverview | undefined;
  /** The account's overview could not be loaded: the list says so once, with Retry (the context would say it again). */
  failed: boolean;
  adapter: DealRegAdapter | undefined;
  locale: string;
  pageSize: number;
  eligibilityParts: string;
}

export function renderRecordsPanel(records: unknown, view: RecordsPanelView): TemplateResult {
  const { overview, adapter, locale } = view;
  const reading = readRecords(records);
  const name = reading.records?.account.name;
  return html`<article part="base" aria-labelledby="title">
    <header part="header">
      <h2 id="title">${name ? msg(str`Deal registration: ${name}`) : msg('Deal registration')}</h2>
      ${overview ? html`<span class="as-of">${msg(str`as of ${formatDate(overview.asOf, locale)}`)}</span>` : nothing}
    </header>
    <div class="layout">
      ${
        reading.ref && !(view.failed && !overview)
          ? html`<section aria-labelledby="eligibility-title">
              <h3 id="eligibility-title">${msg('New deals here')}</h3>
              <dealreg-eligibility
                exportparts=${view.eligibilityParts}
                account-id=${reading.ref}
                .adapter=${adapter}
                locale=${locale}
              ></dealreg-eligibility>
            </section>`
          : nothing
      }
      <section class="main" aria-labelledby="opps-title">
        <h3 id="opps-title">${msg('Opportunities')}</h3>
        <dealreg-crm-deals
          exportparts=${CRM_PARTS}
          .records=${records}
          page-size=${view.pageSize}
          .adapter=${adapter}
          locale=${locale}
        ></dealreg-crm-deals>
      </section>
    </div>
  </article>`;
}
