import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '../i18n/localization.ts';
import type { Registration } from '../../src/domain/types.ts';
import { DealRegError } from '../../src/errors.ts';
import { DealRegElement } from '../element/base.ts';
import { OverviewController } from '../controllers/overview-controller.ts';
import { DealRegErrorEvent, DealRegRegisteredEvent } from '../events/events.ts';
import { accountView } from '../state/view-model.ts';
import { errorPanel } from '../templates/templates.ts';
import type { RegistrationForm } from './registration-form.ts';
import type { TypedDealForm } from './typed-deal-form.ts';
import { importFormCode } from './form-code.ts';
import { registerFormStyles } from './register-form.styles.ts';
import { adoptLater } from '../element/adopt-later.ts';

type FormCode = Awaited<ReturnType<typeof importFormCode>>;
let formCode: Promise<FormCode> | undefined;
/** The forms' module once here: what the element shows of it while closed (why nothing can be registered). */
let loadedForm: FormCode | undefined;

/**
 * The form's code (dist/forms/registration-form.js beside the entry), asked for once: when the form
 * first opens, or as soon as the pointer or the focus reaches the button. A failed load is asked
 * for again the next time.
 */
function loadForm(): ReturnType<typeof importFormCode> {
  return (formCode ??= importFormCode().then(
    (code) => (loadedForm = code),
    (cause: unknown) => {
      formCode = undefined;
      throw cause;
    },
  ));
}

/** Asks for the form's code ahead of opening (the pointer or the focus on a Register button). */
export const prefetchForm = (): void => void loadForm().catch(() => undefined);

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
 * @event dealreg-error - Submitting failed, or the form's code could not be loaded; `detail.error` is the typed `DealRegError`.
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

  readonly #overview = new OverviewController(this);
  /** The form itself, made when its code first arrives (registration-form.ts). */
  #form: RegistrationForm | undefined;
  /** The form for a deal the vendor does not list, typed by the rep (typed-deal-form.ts). */
  #typed: TypedDealForm | undefined;
  /** Why the form's code could not be loaded: shown in its place, with Retry. */
  #formFailure: DealRegError | undefined;

  // A plain lookup rather than @query: the decorator's code weighed more in the entry.
  get #openButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('.open-button');
  }

  @state() private open = false;
  /** Which form is open: a deal the vendor lists, or a new deal typed by the rep. */
  @state() private mode: 'listed' | 'new-deal' = 'listed';
  @state() private outcome: Registration | undefined;

  /** The CRM account. */
  @property({ attribute: 'account-id' }) accountId = '';

  /** Preselect this opportunity when the form opens. */
  @property({ attribute: 'opportunity-id' }) opportunityId: string | undefined;

  /**
   * No "Register opportunity" button of its own: the form opens by `show()` only, from a row that
   * carries its own Register (the panel), and nothing shows while it is closed but the outcome.
   */
  @property({ type: Boolean, attribute: 'no-button' }) noButton = false;

  /** Where the focus was when the form opened: it goes back there when there is no button. */
  #origin: HTMLElement | null = null;

  /**
   * Opening waits for the form's code, as an update waits for its locale: the button turns
   * expanded when the form is there, never before. updateComplete waits for it too.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.open || this.#form || this.#formFailure) return super.scheduleUpdate();
    return loadForm()
      .then(
        (code) => {
          const { RegistrationForm, TypedDealForm, formFieldStyles } = code;
          adoptLater(this.renderRoot, formFieldStyles);
          const host = {
            element: this,
            overview: this.#overview,
            adapter: () => this.connectedAdapter,
            signal: () => this.signal,
            localized: <T>(build: () => T) => this.localized(build),
            registered: (registration: Registration) => this.#registered(registration),
          };
          this.#form ??= new RegistrationForm(host);
          this.#typed ??= new TypedDealForm(host);
          this.#opened();
        },
        (cause: unknown) => {
          const error = new DealRegError('network', { detail: 'the registration form could not be loaded', cause });
          this.#formFailure = error;
          this.dispatchEvent(new DealRegErrorEvent({ operation: 'register', error }));
        },
      )
      .then(() => this.scheduleUpdate());
  }

  #opened(): void {
    if (this.mode === 'new-deal') this.#typed?.opened();
    else this.#form?.opened(this.opportunityId);
  }

  /**
   * Opens the inline form and focuses its first field: on one of the deals the vendor lists, or
   * (`new-deal`) on a deal the rep types, for a portal with no CRM behind it.
   */
  async show(mode: 'listed' | 'new-deal' = 'listed'): Promise<void> {
    let origin = document.activeElement;
    while (origin?.shadowRoot?.activeElement) origin = origin.shadowRoot.activeElement;
    this.#origin = origin as HTMLElement | null;
    this.mode = mode;
    this.open = true;
    this.outcome = undefined;
    this.#opened();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form select, form input, form button')?.focus();
  }

  /** Closes the form and gives focus back to the "Register opportunity" button (else where it came from). */
  async hide(): Promise<void> {
    this.open = false;
    this.#form?.closed();
    await this.updateComplete;
    this.#refocus();
  }

  #refocus(): void {
    (this.#openButton ?? this.#origin)?.focus();
  }

  async #registered(registration: Registration): Promise<void> {
    this.outcome = registration;
    this.open = false;
    this.dispatchEvent(new DealRegRegisteredEvent({ accountId: this.accountId, registration }));
    void this.#overview.recordRegistration(registration);
    await this.updateComplete;
    this.#refocus();
  }

  /** The vendor's answer, in words (its code came with the form's, which sent the registration). */
  #renderOutcome(): TemplateResult | typeof nothing {
    const registration = this.outcome;
    if (!registration || !loadedForm) return nothing;
    const name =
      registration.deal?.name ??
      this.#overview.value?.opportunities.find((o) => o.id === registration.opportunityId)?.name ??
      registration.opportunityId;
    return loadedForm.renderOutcome(registration, name, this.effectiveLocale);
  }

  /** The form, or in its place why its code could not be loaded (Retry asks for it again). */
  #renderForm(): TemplateResult | typeof nothing {
    const form = this.mode === 'new-deal' ? this.#typed : this.#form;
    if (form) return form.render();
    if (!this.#formFailure) return nothing;
    return html`<div part="form" id="register-form">
      ${errorPanel(this.#formFailure, () => {
        this.#formFailure = undefined;
        this.requestUpdate();
      })}
    </div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A button of its own says, while closed, why nothing can be registered: that needs the
    // forms' code, asked for now (the panel's, with no button, waits for a Register).
    if (!this.noButton && !loadedForm)
      void loadForm().then(
        () => this.requestUpdate(),
        () => undefined,
      );
  }

  protected override renderView(): TemplateResult {
    const overview = this.#overview.value;
    const why = this.noButton || !overview ? '' : (loadedForm?.nothingToRegister(accountView(overview)) ?? '');
    return html`<div part="base">
      ${
        this.noButton
          ? nothing
          : html`<button
        part="button open-button"
        class="open-button primary"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.open ? 'register-form' : nothing}
        aria-disabled=${why && !this.open ? 'true' : 'false'}
        aria-describedby=${why && !this.open ? 'nothing-to-register' : nothing}
        @pointerenter=${prefetchForm}
        @focus=${prefetchForm}
        @click=${() => void (this.open ? this.hide() : why ? undefined : this.show())}
      >
        ${msg('Register opportunity')}
      </button>`
      }
      ${why && !this.open ? html`<p part="hint" class="weak" id="nothing-to-register">${why}</p>` : nothing}
      ${this.open ? this.#renderForm() : nothing}
      <div part="outcome" role="status" aria-live="polite">${this.#renderOutcome()}</div>
    </div>`;
  }
}
