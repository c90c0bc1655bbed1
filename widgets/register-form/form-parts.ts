// What the registration forms share: the presales activities as a set of checkboxes (the one
// question every registration asks, the listed deal's, the typed deal's and the CRM deal's alike),
// the optional note, and the submit and cancel buttons.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '../i18n/localization.ts';
import { PRESALES_ACTIVITIES, type PresalesActivity } from '../../src/domain/status.ts';
import { presalesActivityLabel } from '../i18n/activity-text.ts';

/** `missing`: none ticked at a submission (the first box invalid, the message read out). */
export function presalesFieldset(
  chosen: ReadonlySet<string>,
  missing: boolean,
  toggle: (activity: PresalesActivity, on: boolean) => void,
): TemplateResult {
  return html`<fieldset aria-describedby=${missing ? 'activities-error' : nothing}>
    <legend>${msg('Presales activities')}</legend>
    <div class="checks">
      ${PRESALES_ACTIVITIES.map(
        (a, i) =>
          html`<label
            ><input
              type="checkbox"
              name="activity"
              value=${a}
              aria-invalid=${missing && i === 0 ? 'true' : 'false'}
              .checked=${chosen.has(a)}
              @change=${(e: Event) => toggle(a, (e.target as HTMLInputElement).checked)}
            />${presalesActivityLabel(a)}</label
          >`,
      )}
    </div>
    ${
      missing
        ? html`<p id="activities-error" class="field-error" role="alert">
            ${msg('Tick at least one presales activity: the program rewards your presales work.')}
          </p>`
        : nothing
    }
  </fieldset>`;
}

/** The optional note to the vendor's channel team. */
export function noteField(value: string, set: (note: string) => void): TemplateResult {
  return html`<div>
    <label for="note">${msg('Note (optional)')}</label>
    <textarea id="note" maxlength="2000" .value=${value} @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}></textarea>
  </div>`;
}

/** "Submit registration" (its label while sending, or after a failure that can be retried) and "Cancel". */
export function submitButtons(submitting: boolean, disabled: boolean, retry: boolean, cancel: () => void): TemplateResult {
  return html`<div class="buttons">
    <button part="button submit-button" class="primary" type="submit" ?disabled=${submitting || disabled}>
      ${submitting ? msg('Submitting…') : retry ? msg('Retry registration') : msg('Submit registration')}
    </button>
    <button part="button cancel-button" type="button" @click=${cancel}>${msg('Cancel')}</button>
  </div>`;
}
