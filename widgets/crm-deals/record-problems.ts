// The host's invalid records named for the rep: a chunk beside the CRM deals' (record-problems-code.ts),
// fetched only when a host hands over records with errors in them, as rarely as it should.
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '../i18n/localization.ts';
import type { CrmRecordProblem } from '../../src/schemas/crm-records.ts';
import { recordName, recordProblemText } from '../i18n/record-problem-text.ts';

/**
 * The records left out, each named as the rep knows it (the deal's name and CRM id) with the field
 * to correct in the CRM and what it must hold, in the rep's language; `input` is the host's records.
 */
export function renderRecordProblems(problems: readonly CrmRecordProblem[], input: unknown, locale: string): TemplateResult {
  return html`<div part="error" class="error" role="alert" data-code="invalid-records">
    <strong>${msg('Some CRM records could not be read')}</strong>
    <p>${msg('They are left out here and never sent; correct them in your CRM:')}</p>
    <ul>
      ${problems.map((p) => {
        const name = recordName(p.record, input);
        return html`<li data-record=${p.record} data-field=${p.field}>${name ? `${name} · ` : ''}${recordProblemText(p, locale)}</li>`;
      })}
    </ul>
  </div>`;
}
