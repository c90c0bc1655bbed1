// The registration form itself: its fields, their checks before sending, and the submission. Its
// code is loaded when the form first opens (register-form.component.ts), so a page where nobody
// registers a deal never fetches it; the element keeps what shows while the form is closed (the
// button, why nothing can be registered, the outcome).
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '../i18n/localization.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview, Opportunity, Registration, RegistrationRequest } from '../../src/domain/types.ts';
import { PRESALES_ACTIVITIES } from '../../src/domain/status.ts';
import { toDealRegError } from '../../src/errors.ts';
import type { DealRegError } from '../../src/errors.ts';
import { rejectionReasonsSoFar } from '../../src/program/registrability.ts';
import type { OverviewController } from '../controllers/overview-controller.ts';
import { IntentKeys } from '../controllers/idempotency.ts';
import { DealRegErrorEvent } from '../events/events.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { verdictText } from '../i18n/hint-text.ts';
import { eligibilityMeaning, opportunityMeaning } from '../i18n/status-meaning.ts';
import { noteField, presalesFieldset, submitButtons } from './form-parts.ts';
import { accountView, decisionToRegister, submissionFacts } from '../state/view-model.ts';
import { badge, errorPanel, overviewError, reasonList } from '../templates/templates.ts';
import type { DealRegRegisterForm } from './register-form.component.ts';

interface FieldErrors {
  opportunity?: string;
  activities?: string;
}

/** What the form needs of its element; what the element keeps protected is handed over, not reached for. */
export interface RegistrationFormHost {
  readonly element: DealRegRegisterForm;
  readonly overview: OverviewController;
  /** The adapter to call (behind the element boundary), while the element is on the page. */
  adapter(): DealRegAdapter | undefined;
  /** Aborted when the element leaves the page. */
  signal(): AbortSignal;
  /** Builds a string outside an update, in the element's locale. */
  localized<T>(build: () => T): T;
  /** The vendor answered: the element closes the form and shows the outcome. */
  registered(registration: Registration): Promise<void>;
}

/**
 * The form's state lives here, outside the element's reactive properties: every change asks the
 * element for an update. Closing keeps what was typed; a registration the vendor answered clears it.
 */
export class RegistrationForm {
  readonly #host: RegistrationFormHost;
  readonly #intents = new IntentKeys();
  #selected = '';
  #activities = new Set<string>();
  #note = '';
  #fieldErrors: FieldErrors = {};
  #submitting = false;
  #error: DealRegError | undefined;

  constructor(host: RegistrationFormHost) {
    this.#host = host;
  }

  #changed(): void {
    this.#host.element.requestUpdate();
  }

  /** The form opens: no error from last time, and the host's deal chosen when it may be submitted now. */
  opened(opportunityId: string | undefined): void {
    this.#error = undefined;
    this.#fieldErrors = {};
    const overview = this.#host.overview.value;
    if (opportunityId && overview && accountView(overview).submittable.some((o) => o.id === opportunityId)) {
      this.#selected = opportunityId;
    }
    this.#changed();
  }

  closed(): void {
    this.#fieldErrors = {};
    this.#changed();
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      void this.#host.element.hide();
    }
  };

  #toggleActivity(code: string, checked: boolean): void {
    const next = new Set(this.#activities);
    if (checked) next.add(code);
    else next.delete(code);
    this.#activities = next;
    if (next.size) this.#fieldErrors = { ...this.#fieldErrors, activities: undefined };
    this.#changed();
  }

  /** Called from the submit handler, outside any update: the messages are built in the element's locale. */
  #validate(): FieldErrors {
    return this.#host.localized(() => {
      const errors: FieldErrors = {};
      const overview = this.#host.overview.value;
      const chosen = overview && accountView(overview).registrable.find((o) => o.id === this.#selected);
      // The program's rejection rules on what the form knows: submitting would only earn these reasons.
      const reasons = rejectionReasonsSoFar({
        ...(overview && chosen ? submissionFacts(overview, chosen) : {}),
        presalesActivities: [...this.#activities],
      });
      if (!this.#selected) errors.opportunity = msg('Choose the opportunity to register.');
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
    const adapter = this.#host.adapter();
    if (!adapter || this.#submitting) return;
    const element = this.#host.element;
    const errors = this.#validate();
    this.#fieldErrors = errors;
    this.#changed();
    if (errors.opportunity || errors.activities) {
      await element.updateComplete;
      element.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const request: RegistrationRequest = {
      accountId: element.accountId,
      opportunityId: this.#selected,
      presalesActivities: PRESALES_ACTIVITIES.filter((a) => this.#activities.has(a)),
      ...(this.#note.trim() ? { note: this.#note.trim() } : {}),
    };
    // The intent is this exact submission: a retry of the same form reuses its key.
    const intent = `register:${JSON.stringify(request)}`;
    const signal = this.#host.signal();
    this.#submitting = true;
    this.#error = undefined;
    this.#changed();
    try {
      const registration = await this.#intents.run(intent, (idempotencyKey) =>
        adapter.registerOpportunity(request, { idempotencyKey, signal }),
      );
      this.#selected = '';
      this.#activities = new Set();
      this.#note = '';
      await this.#host.registered(registration);
    } catch (e) {
      if (signal.aborted) return;
      const error = toDealRegError(e);
      this.#error = error;
      element.dispatchEvent(new DealRegErrorEvent({ operation: 'register', error }));
    } finally {
      this.#submitting = false;
      this.#changed();
    }
  };

  /** The engine's decision for the chosen opportunity, before anything is sent. */
  #renderEligibility(overview: AccountOverview, opportunity: Opportunity, locale: string): TemplateResult {
    const decision = decisionToRegister(overview, opportunity);
    return html`<p part="hint" id="eligibility" class="eligibility">
      ${badge(eligibilityMeaning(decision.eligible))} ${verdictText(decision, overview.program, locale)}
    </p>`;
  }

  render(): TemplateResult {
    const overview = this.#host.overview.value;
    const locale = this.#host.element.effectiveLocale;
    const hide = (): void => void this.#host.element.hide();
    if (!overview) {
      return html`<div part="form" id="register-form">
        ${this.#host.overview.status === 'error' ? overviewError(this.#host.overview) : html`<p class="weak">${msg('Loading…')}</p>`}
      </div>`;
    }
    const registrable = accountView(overview).registrable;
    if (registrable.length === 0) {
      return html`<div part="form" id="register-form" @keydown=${this.#onKeydown}>
        <p class="weak">${nothingToRegister(accountView(overview))}</p>
        <div class="buttons">
          <button part="button" type="button" @click=${hide}>${msg('Close')}</button>
        </div>
      </div>`;
    }
    const e = this.#fieldErrors;
    const chosen = registrable.find((o) => o.id === this.#selected);
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
          .value=${this.#selected}
          @change=${(ev: Event) => {
            this.#selected = (ev.target as HTMLSelectElement).value;
            if (this.#selected) this.#fieldErrors = { ...this.#fieldErrors, opportunity: undefined };
            this.#changed();
          }}
        >
          <option value="" ?selected=${!this.#selected}>${msg('Choose an opportunity…')}</option>
          ${registrable.map((o) => {
            // A deal that does not qualify stays visible, but cannot be chosen: the widget never submits it.
            const qualifies = decisionToRegister(overview, o).eligible;
            const amount = formatMoney(o.amount.value, o.amount.currency, locale);
            return html`<option value=${o.id} ?selected=${o.id === this.#selected} ?disabled=${!qualifies}>
              ${qualifies ? `${o.name} (${amount})` : msg(str`${o.name} (${amount}): does not qualify today`)}
            </option>`;
          })}
        </select>
        ${e.opportunity ? html`<p id="opportunity-error" class="field-error" role="alert">${e.opportunity}</p>` : nothing}
        ${chosen ? this.#renderEligibility(overview, chosen, locale) : nothing}
      </div>
      ${presalesFieldset(this.#activities, !!e.activities, (a, on) => this.#toggleActivity(a, on))}
      ${noteField(this.#note, (note) => {
        this.#note = note;
        this.#changed();
      })}
      ${this.#error ? errorPanel(this.#error, undefined, true) : nothing}
      ${submitButtons(this.#submitting, !!chosen && !decisionToRegister(overview, chosen).eligible, !!this.#error?.retryable, hide)}
    </form>`;
  }
}

export { TypedDealForm } from './typed-deal-form.ts';
export { formFieldStyles } from './form-fields.styles.ts';

/** A registration's outcome in one sentence, for the form's outcome and the CRM deals' announcement. */
export function outcomeText(registration: Registration, name: string, locale: string): string {
  const until = registration.protectedUntil ? formatDate(registration.protectedUntil, locale) : '';
  return registration.status === 'approved'
    ? msg(str`${name} is registered and protected until ${until}.`)
    : registration.status === 'rejected'
      ? msg(str`The registration of ${name} was rejected.`)
      : msg(str`The registration of ${name} was submitted.`);
}

/** The outcome as the form shows it: the state, the sentence, the reasons of a refusal. */
export function renderOutcome(registration: Registration, name: string, locale: string): TemplateResult {
  return html`${badge(opportunityMeaning(registration.status))}
    <p>${outcomeText(registration, name, locale)}</p>
    ${reasonList(registration.reasons)}`;
}

/**
 * Why nothing can be registered here, or '' when something can. An account with no deal at all,
 * or with every deal held, gets the way to a new one.
 */
export function nothingToRegister(view: ReturnType<typeof accountView>): string {
  if (view.submittable.length > 0) return '';
  if (view.registrable.length > 0) {
    return msg('No deal here qualifies for protection today: each deal says what would qualify it.');
  }
  return msg('No deal to register here: create the opportunity in your CRM, then register it here.');
}
