// The presales activities as a set of checkboxes: the one question every registration asks, the
// listed deal's, the typed deal's and the CRM deal's alike.
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
