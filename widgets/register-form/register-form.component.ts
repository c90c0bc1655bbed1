import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../i18n/localization.ts';
import type { AccountOverview, Opportunity, Registration, RegistrationRequest } from '../../src/domain/types.ts';
import { PRESALES_ACTIVITIES } from '../../src/domain/status.ts';
import { toDealRegError } from '../../src/errors.ts';
import type { DealRegError } from '../../src/errors.ts';
import { DealRegElement } from '../element/base.ts';
import { OverviewController } from '../controllers/overview-controller.ts';
import { IntentKeys } from '../controllers/idempotency.ts';
import { DealRegErrorEvent, DealRegRegisteredEvent } from '../events/events.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { accountView, decisionToRegister, submissionFacts } from '../state/view-model.ts';
import { rejectionReasonsSoFar } from '../../src/program/registrability.ts';
import { eligibilityMeaning, opportunityMeaning, presalesActivityLabel } from '../i18n/status-meaning.ts';
import { basisList, hintKind, hintText } from '../i18n/hint-text.ts';
import { badge, errorPanel, overviewError, reasonList } from '../templates/templates.ts';
import { registerFormStyles } from './register-form.styles.ts';

interface FieldErrors {
  opportunity?: string;
  activities?: string;
}

/**
 * "Register opportunity": a button that opens an inline registration form.
 *
 * @summary Pick one of the account's registrable opportunities that qualify (one that does not is
 * listed but cannot be chosen, so the widget never submits a deal the eligibility rules refuse), the presales activities invested
 * (workshop, proof of concept, sizing…) and a note; the form validates, submits once (one
 * idempotency key per submission intent) and shows the outcome (approved, or rejected with
 * reasons) in place. Escape closes the form. With nothing to register, the button is disabled and
 * says what to do (create the opportunity in the CRM, then register it here).
 *
 * @tag dealreg-register-form
 *
 * @event dealreg-registered - The vendor answered the registration (approved or rejected).
 * @event dealreg-error - Submitting failed; `detail.error` is the typed `DealRegError`.
 *
 * @csspart base - The wrapper.
 * @csspart button - The "Register opportunity" button and the form's buttons.
 * @csspart open-button - "Register opportunity".
 * @csspart submit-button - "Submit registration".
 * @csspart cancel-button - "Cancel".
 * @csspart retry-button - Retry loading the account.
 * @csspart form - The inline form.
 * @csspart outcome - The registration's outcome (a polite live region).
 * @csspart status-badge - The outcome, or the chosen opportunity's eligibility, in words with an icon.
 * @csspart hint - The chosen opportunity's eligibility and what is missing, before submitting; why nothing can be registered here.
 * @csspart error - The error panel.
 *
 * @cssproperty --dealreg-color-brand - Primary button colour.
 * @cssproperty --dealreg-color-on-brand - Text on the brand colour (primary buttons; default #fff).
 * @cssproperty --dealreg-color-border - Field borders.
 * @cssproperty --dealreg-color-negative - Validation messages.
 * @cssproperty --dealreg-color-text-weak - Secondary text.
 * @cssproperty --dealreg-space-xs - Gaps between labels and fields.
 */
export class DealRegRegisterForm extends DealRegElement {
  static override styles = [DealRegElement.styles, registerFormStyles];

  readonly #intents = new IntentKeys();
  readonly #overview = new OverviewController(this);

  // Plain lookups rather than @query: the decorator's code weighed more in the entry than these three.
  get #openButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('.open-button');
  }
  get #select(): HTMLSelectElement | null {
    return this.renderRoot.querySelector('select');
  }

  @state() private open = false;
  @state() private selected = '';
  @state() private activities = new Set<string>();
  @state() private note = '';
  @state() private fieldErrors: FieldErrors = {};
  @state() private submitting = false;
  @state() private outcome: Registration | undefined;
  @state() private error: DealRegError | undefined;

  /** The CRM account. */
  @property({ attribute: 'account-id' }) accountId = '';

  /** Preselect this opportunity when the form opens. */
  @property({ attribute: 'opportunity-id' }) opportunityId: string | undefined;

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.hide();
    }
  };

  #toggleActivity(code: string, checked: boolean): void {
    const next = new Set(this.activities);
    if (checked) next.add(code);
    else next.delete(code);
    this.activities = next;
    if (next.size) this.fieldErrors = { ...this.fieldErrors, activities: undefined };
  }

  /** Called from the submit handler, outside any update: the messages are built in this element's locale. */
  #validate(): FieldErrors {
    return this.localized(() => {
      const errors: FieldErrors = {};
      const overview = this.#overview.value;
      const chosen = overview && accountView(overview).registrable.find((o) => o.id === this.selected);
      // The program's rejection rules on what the form knows: submitting would only earn these reasons.
      const reasons = rejectionReasonsSoFar({
        ...(overview && chosen ? submissionFacts(overview, chosen) : {}),
        presalesActivities: [...this.activities],
      });
      if (!this.selected) errors.opportunity = msg('Choose the opportunity to register.');
      else if (overview && (!chosen || reasons.some((reason) => reason !== 'missing-presales-activity'))) {
        errors.opportunity = msg('This deal does not qualify today; see what would qualify it.');
      }
      if (reasons.includes('missing-presales-activity')) {
        errors.activities = msg('Tick at least one presales activity: the program rewards your presales work.');
      }
      return errors;
    });
  }

  readonly #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const adapter = this.connectedAdapter;
    if (!adapter || this.submitting) return;
    const errors = this.#validate();
    this.fieldErrors = errors;
    if (errors.opportunity || errors.activities) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const request: RegistrationRequest = {
      accountId: this.accountId,
      opportunityId: this.selected,
      presalesActivities: PRESALES_ACTIVITIES.filter((a) => this.activities.has(a)),
      ...(this.note.trim() ? { note: this.note.trim() } : {}),
    };
    // The intent is this exact submission: a retry of the same form reuses its key.
    const intent = `register:${JSON.stringify(request)}`;
    const signal = this.signal;
    this.submitting = true;
    this.error = undefined;
    try {
      const registration = await this.#intents.run(intent, (idempotencyKey) =>
        adapter.registerOpportunity(request, { idempotencyKey, signal }),
      );
      this.outcome = registration;
      this.open = false;
      this.selected = '';
      this.activities = new Set();
      this.note = '';
      this.dispatchEvent(new DealRegRegisteredEvent({ accountId: this.accountId, registration }));
      void this.#overview.recordRegistration(registration);
      await this.updateComplete;
      this.#openButton?.focus();
    } catch (e) {
      if (signal.aborted) return;
      const error = toDealRegError(e);
      this.error = error;
      this.dispatchEvent(new DealRegErrorEvent({ operation: 'register', error }));
    } finally {
      this.submitting = false;
    }
  };

  /** Opens the inline form and focuses its first field. */
  async show(): Promise<void> {
    this.open = true;
    this.outcome = undefined;
    this.error = undefined;
    this.fieldErrors = {};
    const overview = this.#overview.value;
    if (this.opportunityId && overview && accountView(overview).submittable.some((o) => o.id === this.opportunityId)) {
      this.selected = this.opportunityId;
    }
    await this.updateComplete;
    (this.#select ?? this.renderRoot.querySelector<HTMLElement>('form button'))?.focus();
  }

  /** Closes the form and gives focus back to the "Register opportunity" button. */
  async hide(): Promise<void> {
    this.open = false;
    this.fieldErrors = {};
    await this.updateComplete;
    this.#openButton?.focus();
  }

  #renderOutcome(): TemplateResult | typeof nothing {
    const registration = this.outcome;
    if (!registration) return nothing;
    const locale = this.effectiveLocale;
    const name =
      this.#overview.value?.opportunities.find((o) => o.id === registration.opportunityId)?.name ?? registration.opportunityId;
    const until = registration.protectedUntil ? formatDate(registration.protectedUntil, locale) : '';
    return html`${badge(opportunityMeaning(registration.status))}
      <p>
        ${
          registration.status === 'approved'
            ? msg(str`${name} is registered and protected until ${until}.`)
            : registration.status === 'rejected'
              ? msg(str`The registration of ${name} was rejected.`)
              : msg(str`The registration of ${name} was submitted.`)
        }
      </p>
      ${reasonList(registration.reasons)}`;
  }

  /** The engine's decision for the chosen opportunity, before anything is sent. */
  #renderEligibility(overview: AccountOverview, opportunity: Opportunity): TemplateResult {
    const decision = decisionToRegister(overview, opportunity);
    const locale = this.effectiveLocale;
    return html`<p part="hint" id="eligibility" class="eligibility">
      ${badge(eligibilityMeaning(decision.eligible))}
      ${
        decision.eligible
          ? basisList(decision.basis, locale)
          : decision.hints
              .filter((h) => hintKind(h) !== 'qualifies')
              .map((h) => hintText(h, overview.program, locale))
              .join(' ')
      }
    </p>`;
  }

  #renderForm(): TemplateResult {
    const overview = this.#overview.value;
    const locale = this.effectiveLocale;
    const registrable = overview ? accountView(overview).registrable : [];
    if (!overview) {
      return html`<div part="form" id="register-form">
        ${this.#overview.status === 'error' ? overviewError(this.#overview) : html`<p class="weak">${msg('Loading…')}</p>`}
      </div>`;
    }
    if (registrable.length === 0) {
      return html`<div part="form" id="register-form" @keydown=${this.#onKeydown}>
        <p class="weak">${this.#nothingToRegister(overview)}</p>
        <div class="buttons">
          <button part="button" type="button" @click=${() => void this.hide()}>${msg('Close')}</button>
        </div>
      </div>`;
    }
    const e = this.fieldErrors;
    const chosen = registrable.find((o) => o.id === this.selected);
    const describedBy = [e.opportunity && 'opportunity-error', chosen && 'eligibility'].filter(Boolean).join(' ');
    return html`<form
      part="form"
      id="register-form"
      novalidate
      aria-label=${msg('Register opportunity')}
      @submit=${this.#onSubmit}
      @keydown=${this.#onKeydown}
    >
      <div>
        <label for="opportunity">${msg('Opportunity')}</label>
        <select
          id="opportunity"
          required
          aria-invalid=${e.opportunity ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          .value=${this.selected}
          @change=${(ev: Event) => {
            this.selected = (ev.target as HTMLSelectElement).value;
            if (this.selected) this.fieldErrors = { ...this.fieldErrors, opportunity: undefined };
          }}
        >
          <option value="" ?selected=${!this.selected}>${msg('Choose an opportunity…')}</option>
          ${registrable.map((o) => {
            // A deal that does not qualify stays visible, but cannot be chosen: the widget never submits it.
            const qualifies = decisionToRegister(overview, o).eligible;
            const amount = formatMoney(o.amount.value, o.amount.currency, locale);
            return html`<option value=${o.id} ?selected=${o.id === this.selected} ?disabled=${!qualifies}>
              ${qualifies ? `${o.name} (${amount})` : msg(str`${o.name} (${amount}): does not qualify today`)}
            </option>`;
          })}
        </select>
        ${e.opportunity ? html`<p id="opportunity-error" class="field-error" role="alert">${e.opportunity}</p>` : nothing}
        ${chosen ? this.#renderEligibility(overview, chosen) : nothing}
      </div>
      <fieldset aria-describedby=${e.activities ? 'activities-error' : nothing}>
        <legend>${msg('Presales activities')}</legend>
        <div class="checks">
          ${PRESALES_ACTIVITIES.map(
            (a, i) =>
              html`<label
                ><input
                  type="checkbox"
                  name="activity"
                  value=${a}
                  aria-invalid=${e.activities && i === 0 ? 'true' : 'false'}
                  .checked=${this.activities.has(a)}
                  @change=${(ev: Event) => this.#toggleActivity(a, (ev.target as HTMLInputElement).checked)}
                />${presalesActivityLabel(a)}</label
              >`,
          )}
        </div>
        ${e.activities ? html`<p id="activities-error" class="field-error" role="alert">${e.activities}</p>` : nothing}
      </fieldset>
      <div>
        <label for="note">${msg('Note (optional)')}</label>
        <textarea
          id="note"
          maxlength="2000"
          .value=${this.note}
          @input=${(ev: Event) => (this.note = (ev.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      ${this.error ? errorPanel(this.error, undefined) : nothing}
      <div class="buttons">
        <button part="button submit-button" class="primary" type="submit" ?disabled=${this.submitting || (!!chosen && !decisionToRegister(overview, chosen).eligible)}>
          ${this.submitting ? msg('Submitting…') : this.error?.retryable ? msg('Retry registration') : msg('Submit registration')}
        </button>
        <button part="button cancel-button" type="button" @click=${() => void this.hide()}>
          ${msg('Cancel')}
        </button>
      </div>
    </form>`;
  }

  /**
   * Why nothing can be registered here, or '' when something can (or the account is not loaded).
   * An account with no deal at all, or with every deal held, gets the way to a new one.
   */
  #nothingToRegister(overview: AccountOverview | undefined): string {
    if (!overview) return '';
    const view = accountView(overview);
    if (view.submittable.length > 0) return '';
    if (view.registrable.length > 0) {
      return msg('No deal here qualifies for protection today: each deal says what would qualify it.');
    }
    return msg('No deal to register here: create the opportunity in your CRM, then register it here.');
  }

  protected override renderView(): TemplateResult {
    const why = this.#nothingToRegister(this.#overview.value);
    return html`<div part="base">
      <button
        part="button open-button"
        class="open-button primary"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.open ? 'register-form' : nothing}
        aria-disabled=${why && !this.open ? 'true' : 'false'}
        aria-describedby=${why && !this.open ? 'nothing-to-register' : nothing}
        @click=${() => void (this.open ? this.hide() : why ? undefined : this.show())}
      >
        ${msg('Register opportunity')}
      </button>
      ${why && !this.open ? html`<p part="hint" class="weak" id="nothing-to-register">${why}</p>` : nothing}
      ${this.open ? this.#renderForm() : nothing}
      <div part="outcome" role="status" aria-live="polite">${this.#renderOutcome()}</div>
    </div>`;
  }
}
