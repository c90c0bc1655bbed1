// A deal the vendor does not list yet, typed by the rep: for a portal with no CRM behind it (issue
// 19 §1). The customer is the account on screen; the rep enters the deal's name, amount, close date
// and lines, and the presales activities. Checked here before anything is sent; sent once, as a
// registration that carries its deal (the vendor classifies the lines and decides).
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '../i18n/localization.ts';
import type { DealLine, DealRegistrationRequest } from '../../src/domain/deal.ts';
import { PRESALES_ACTIVITIES } from '../../src/domain/status.ts';
import { toDealRegError } from '../../src/errors.ts';
import type { DealRegError } from '../../src/errors.ts';
import { isCalendarDate } from '../../src/program/dates.ts';
import { IntentKeys, newIdempotencyKey } from '../controllers/idempotency.ts';
import { DealRegErrorEvent } from '../events/events.ts';
import { noteField, presalesFieldset, submitButtons } from './form-parts.ts';
import { errorPanel } from '../templates/templates.ts';
import type { RegistrationFormHost } from './registration-form.ts';

type Field = 'name' | 'amount' | 'currency' | 'closeDate' | 'lines' | 'activities';

interface TypedLine {
  sku: string;
  quantity: string;
}

/** What the rep typed, as typed: checked only when submitting. */
interface TypedDeal {
  name: string;
  amount: string;
  currency: string;
  closeDate: string;
  lines: TypedLine[];
}

const EMPTY_LINE: TypedLine = { sku: '', quantity: '1' };

function blank(): TypedDeal {
  return { name: '', amount: '', currency: 'EUR', closeDate: '', lines: [{ ...EMPTY_LINE }] };
}

/** The fields that are wrong, each with what to do; empty when the deal can be sent. */
export function typedDealErrors(deal: TypedDeal, activities: number): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!deal.name.trim()) errors.name = msg('Name the deal.');
  const amount = Number(deal.amount.replace(',', '.'));
  if (deal.amount.trim() === '' || !Number.isFinite(amount) || amount < 0)
    errors.amount = msg('Enter the amount, a number of 0 or more.');
  if (!/^[A-Z]{3}$/.test(deal.currency)) errors.currency = msg('Enter the currency as its three-letter code, such as EUR.');
  if (!isCalendarDate(deal.closeDate)) errors.closeDate = msg('Enter the expected close date.');
  const lines = deal.lines.filter((l) => l.sku.trim() !== '');
  if (lines.length === 0 || lines.some((l) => !/^[1-9]\d*$/.test(l.quantity.trim()))) {
    errors.lines = msg('Enter at least one product line: its product code and a whole quantity of 1 or more.');
  }
  if (activities === 0) errors.activities = 'missing';
  return errors;
}

export class TypedDealForm {
  readonly #host: RegistrationFormHost;
  readonly #intents = new IntentKeys();
  #deal: TypedDeal = blank();
  #activities = new Set<string>();
  #note = '';
  #errors: Partial<Record<Field, string>> = {};
  #submitting = false;
  #error: DealRegError | undefined;
  /** The deal's own reference, kept until the vendor answers: a retry is the same deal. */
  #reference = `typed-${newIdempotencyKey()}`;

  constructor(host: RegistrationFormHost) {
    this.#host = host;
  }

  #changed(): void {
    this.#host.element.requestUpdate();
  }

  opened(): void {
    this.#error = undefined;
    this.#errors = {};
    this.#changed();
  }

  #set(patch: Partial<TypedDeal>): void {
    this.#deal = { ...this.#deal, ...patch };
    this.#changed();
  }

  #setLine(index: number, patch: Partial<TypedLine>): void {
    this.#set({ lines: this.#deal.lines.map((line, i) => (i === index ? { ...line, ...patch } : line)) });
  }

  #request(): DealRegistrationRequest {
    const deal = this.#deal;
    const lines: DealLine[] = deal.lines
      .filter((l) => l.sku.trim() !== '')
      .map((l) => ({ sku: l.sku.trim(), quantity: Number(l.quantity.trim()) }));
    const request: DealRegistrationRequest = {
      accountId: this.#host.element.accountId,
      deal: {
        partnerOpportunityId: this.#reference,
        name: deal.name.trim(),
        amount: { value: Number(deal.amount.replace(',', '.')), currency: deal.currency },
        closeDate: deal.closeDate,
        lines,
      },
      presalesActivities: PRESALES_ACTIVITIES.filter((a) => this.#activities.has(a)),
    };
    if (this.#note.trim()) request.note = this.#note.trim();
    return request;
  }

  readonly #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const adapter = this.#host.adapter();
    if (!adapter || this.#submitting) return;
    const element = this.#host.element;
    this.#errors = this.#host.localized(() => typedDealErrors(this.#deal, this.#activities.size));
    this.#changed();
    if (Object.keys(this.#errors).length > 0) {
      await element.updateComplete;
      element.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const request = this.#request();
    const signal = this.#host.signal();
    this.#submitting = true;
    this.#error = undefined;
    this.#changed();
    try {
      const registration = await this.#intents.run(`typed:${JSON.stringify(request)}`, (idempotencyKey) =>
        adapter.registerOpportunity(request, { idempotencyKey, signal }),
      );
      this.#deal = blank();
      this.#activities = new Set();
      this.#note = '';
      this.#reference = `typed-${newIdempotencyKey()}`;
      await this.#host.registered(registration);
    } catch (e) {
      if (signal.aborted) return;
      this.#error = toDealRegError(e);
      element.dispatchEvent(new DealRegErrorEvent({ operation: 'register', error: this.#error }));
    } finally {
      this.#submitting = false;
      this.#changed();
    }
  };

  /** A labelled text field with its error (described by it, invalid while it is wrong). */
  #field(id: Field, label: string, value: string, set: (value: string) => void, type = 'text'): TemplateResult {
    const error = this.#errors[id];
    return html`<div>
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type=${type}
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p id=${`${id}-error`} class="field-error" role="alert">${error}</p>` : nothing}
    </div>`;
  }

  render(): TemplateResult {
    const deal = this.#deal;
    const e = this.#errors;
    return html`<form
      part="form"
      id="register-form"
      novalidate
      aria-label=${msg('Register a new deal')}
      @submit=${this.#onSubmit}
      @keydown=${(ev: KeyboardEvent) => {
        if (ev.key === 'Escape') void this.#host.element.hide();
      }}
    >
      ${this.#field('name', msg('Deal name'), deal.name, (name) => this.#set({ name }))}
      <div class="pair">
        ${this.#field('amount', msg('Amount'), deal.amount, (amount) => this.#set({ amount }))}
        ${this.#field('currency', msg('Currency'), deal.currency, (currency) => this.#set({ currency: currency.trim().toUpperCase() }))}
      </div>
      ${this.#field('closeDate', msg('Expected close date'), deal.closeDate, (closeDate) => this.#set({ closeDate }), 'date')}
      <fieldset aria-describedby=${e.lines ? 'lines-error' : nothing}>
        <legend>${msg('Product lines')}</legend>
        ${deal.lines.map(
          (line, i) => html`<div class="pair">
            <input
              aria-label=${msg('Product code')}
              aria-invalid=${e.lines && i === 0 ? 'true' : 'false'}
              .value=${line.sku}
              @input=${(ev: Event) => this.#setLine(i, { sku: (ev.target as HTMLInputElement).value })}
            />
            <input
              aria-label=${msg('Quantity')}
              inputmode="numeric"
              .value=${line.quantity}
              @input=${(ev: Event) => this.#setLine(i, { quantity: (ev.target as HTMLInputElement).value })}
            />
          </div>`,
        )}
        <button part="button" type="button" @click=${() => this.#set({ lines: [...deal.lines, { ...EMPTY_LINE }] })}>
          ${msg('Add a line')}
        </button>
        ${e.lines ? html`<p id="lines-error" class="field-error" role="alert">${e.lines}</p>` : nothing}
      </fieldset>
      ${presalesFieldset(this.#activities, !!e.activities, (a, on) => {
        const next = new Set(this.#activities);
        if (on) next.add(a);
        else next.delete(a);
        this.#activities = next;
        this.#changed();
      })}
      ${noteField(this.#note, (note) => {
        this.#note = note;
        this.#changed();
      })}
      ${this.#error ? errorPanel(this.#error, undefined, true) : nothing}
      ${submitButtons(this.#submitting, false, !!this.#error?.retryable, () => void this.#host.element.hide())}
    </form>`;
  }
}
