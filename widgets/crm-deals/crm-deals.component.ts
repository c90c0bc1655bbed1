import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../i18n/localization.ts';
import type { CrmOpportunity } from '../../src/domain/crm.ts';
import type { DealSubmission } from '../../src/domain/deal.ts';
import { OPPORTUNITY_STATES, type OpportunityState, type PresalesActivity } from '../../src/domain/status.ts';
import type { Registration } from '../../src/domain/types.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { DealRegError, toDealRegError } from '../../src/errors.ts';
import { dealRegistrationRequest, dealSubmission } from '../../src/program/crm-deal.ts';
import { dealRows, NO_PLACEMENT, withPreviewsOf, type RowPlacement } from '../../src/program/crm-row-order.ts';
import { shownState, type DealRow } from '../../src/program/crm-rows.ts';
import { receivePreviews, supersedePreview, type ReceivedPreviews } from '../../src/program/deal-previews.ts';
import { previewPages } from '../../src/program/preview-pages.ts';
import { DealRegElement } from '../element/base.ts';
import { OverviewController } from '../controllers/overview-controller.ts';
import { ExtensionRequests } from '../controllers/extension-requests.ts';
import { IntentKeys } from '../controllers/idempotency.ts';
import { DealRegDealStatesEvent, DealRegErrorEvent, DealRegRegisteredEvent, type DealRegDealState } from '../events/events.ts';
import { formatNumber } from '../i18n/format.ts';
import { statusSummary } from '../i18n/summary-text.ts';
import { errorPanel, overviewError, skeleton } from '../templates/templates.ts';
import { rememberPresales, rememberedPresales } from '../state/presales-memory.ts';
// From the registration form's chunk, which this one loads with it.
import { outcomeText } from '../register-form/registration-form.ts';
import { readRecords, type RecordsReading } from './records-reading.ts';
import { dealStates, withOwnRegistrations } from './deal-states.ts';
import { renderRow, renderWithoutIdentifier, type RowContext } from './crm-row.ts';
import { importRecordProblems } from './record-problems-code.ts';
import { crmDealsStyles } from './crm-deals.styles.ts';
import { statusStyles } from '../status/status.styles.ts';
import { rowStyles } from '../templates/rows.styles.ts';
import { formPartStyles } from '../register-form/form-parts.styles.ts';

type ProblemsCode = Awaited<ReturnType<typeof importRecordProblems>>;
/**
 * The invalid records' words once loaded (record-problems.ts, a chunk): only records with errors
 * ask for them. Why they could not be loaded, until a Retry asks again.
 */
let problemsCode: ProblemsCode | DealRegError | undefined;

/**
 * The host's CRM deals, each joined to this partner's registration of it: the panel's list when it
 * is given `records` (its code is loaded then, beside the entry).
 *
 * @summary One row per CRM opportunity (open ones first, by urgency; closed ones shown, never
 * offered), then this partner's registrations with no CRM record, marked as such. Each row says the
 * vendor's verdict before any click (previewed a page at a time) and offers one brand button, for the
 * most urgent action: Register (asks only for the presales activities, remembered from the last
 * time, then sends the CRM's data in one request), Extend, Request quote. Invalid records are named
 * and left out, and reported once.
 *
 * @tag dealreg-crm-deals
 *
 * @event dealreg-registered - A CRM deal's registration was answered; `registration.partnerOpportunityId` is its CRM id.
 * @event dealreg-extended - A protection was extended.
 * @event dealreg-deal-states - The standing of the CRM deals changed: `detail.deals`, by CRM id.
 * @event dealreg-error - Reading the records (`invalid-records`), a preview, a registration or an extension failed.
 *
 * @csspart base - The wrapper.
 * @csspart summary - The one-line summary.
 * @csspart opportunity - One deal's row.
 * @csspart status-badge - A state in words with an icon.
 * @csspart button - Every button.
 * @csspart register-button - A row's "Register".
 * @csspart extend-button - "Extend protection".
 * @csspart more-button - "Show more" (the next rows, previewed as they show).
 * @csspart form - A row's presales form.
 * @csspart submit-button - "Submit registration".
 * @csspart cancel-button - "Cancel".
 * @csspart hint - A row's secondary lines (unknown SKUs, changes since registration, coming rule changes).
 * @csspart error - Error panels, and the invalid records named.
 * @csspart retry-button - Retry after an error.
 * @csspart empty - No deal in the records.
 * @csspart quote-button - Forwarded: a `<dealreg-quote-button>`'s wrapper.
 * @csspart request-button - Forwarded: "Request quote".
 * @csspart quote - Forwarded: a quote's live status and figures.
 */
export class DealRegCrmDeals extends DealRegElement {
  static override styles = [DealRegElement.styles, rowStyles, statusStyles, formPartStyles, crmDealsStyles];

  readonly #overview = new OverviewController(this, () => this.#reading?.ref ?? undefined);
  readonly #intents = new IntentKeys();
  readonly #extensions = new ExtensionRequests({
    requestUpdate: () => this.requestUpdate(),
    adapter: () => this.connectedAdapter,
    signal: () => this.signal,
    dispatchEvent: (event) => this.dispatchEvent(event),
    extended: (registration) => this.#recordOwn(registration),
  });

  /** The host's records as it gave them (read and checked here; never changed). */
  @property({ attribute: false }) records: unknown;

  /** Rows shown at first and added by each "Show more" (each new page is previewed in one request). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  @state() private previews: ReceivedPreviews = new Map();
  @state() private previewError: DealRegError | undefined;
  @state() private shown = 0;
  /** The CRM id whose presales form is open, and what is ticked in it. */
  @state() private registering: string | null = null;
  @state() private chosen: ReadonlySet<PresalesActivity> = new Set();
  @state() private registerError: DealRegError | 'no-activity' | 'sending' | undefined;
  @state() private announcement = '';
  /** This partner's registrations answered here (registered, extended), until the overview holds them. */
  @state() private own: ReadonlyMap<string, Registration> = new Map();

  #reading: RecordsReading | undefined;
  #placement: RowPlacement = NO_PLACEMENT;
  #rows: DealRow[] = [];
  /** Deals asked about, as sent (`id` + submission): never asked twice for the same data. */
  readonly #asked = new Set<string>();
  #reportedProblems: RecordsReading | undefined;
  /** The adapter the previews and the answers held here came from: another (a new partner, a new date) asks again. */
  #answersFrom: DealRegAdapter | undefined;
  #lastStates: DealRegDealState[] | undefined;
  /** The rows whose standing the host was last told of. */
  #toldRows: readonly DealRow[] | undefined;
  /** Records with errors: the update waits for the words that name them (as for its locale). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (problemsCode || readRecords(this.records).problems.length === 0) return super.scheduleUpdate();
    return importRecordProblems().then(
      (code) => ((problemsCode = code), this.scheduleUpdate()),
      (cause: unknown) => ((problemsCode = new DealRegError('network', { cause })), this.scheduleUpdate()),
    );
  }

  #renderProblems(problems: RecordsReading['problems'], locale: string): TemplateResult {
    return problemsCode instanceof DealRegError
      ? errorPanel(problemsCode, () => ((problemsCode = undefined), this.requestUpdate()))
      : problemsCode!.renderRecordProblems(problems, this.records, locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('records')) {
      this.#reading = readRecords(this.records);
      if (!changed.get('records')) this.shown = this.#pageSize;
    }
    const adapter = this.effectiveAdapter;
    if (adapter !== this.#answersFrom) {
      if (this.#answersFrom !== undefined) {
        this.previews = new Map();
        this.#asked.clear();
        this.previewError = undefined;
        this.own = new Map();
      }
      this.#answersFrom = adapter;
    }
  }

  /**
   * The rows, after the controllers: an overview the store already holds (the host page or another
   * element read the account first) arrives in the overview controller's hostUpdate, after
   * willUpdate, with no update of its own to follow.
   */
  protected override update(changed: PropertyValues<this>): void {
    this.#arrange();
    super.update(changed);
  }

  /** The rows have been on screen: from then on, a row awaiting its verdict says so ("Checking…"). */
  #shownOnce = false;
  /** The frame the first rows may wait for their verdicts has passed. */
  #frameWaited = false;

  /**
   * The first rows wait for their verdicts one frame at most, as loading (the skeleton), rather
   * than flash "Checking…" and redraw when the answer is already on its way: the preview is asked
   * for as the overview arrives, and answers in a frame when the vendor is near.
   */
  #awaitingFirstVerdicts(visible: readonly DealRow[]): boolean {
    if (this.#shownOnce || this.#frameWaited || this.previewError || !this.effectiveAdapter?.previewDeals) return false;
    return visible.some((row) => row.verdict?.kind === 'awaiting-preview');
  }

  /** The frame the first rows wait for, asked for once, after the update that held them back (not from render). */
  #frameRequested = false;

  #waitOneFrame(): void {
    if (this.#frameRequested || this.#shownOnce || !this.#overview.value) return;
    if (!this.#awaitingFirstVerdicts(this.#rows.slice(0, this.shown))) return;
    this.#frameRequested = true;
    requestAnimationFrame(() => {
      this.#frameWaited = true;
      // The verdicts came within the frame: the rows are on screen already, nothing to update.
      if (!this.#shownOnce) this.requestUpdate();
    });
  }

  /** What the rows were last arranged from: an update that changes none of it keeps them. */
  #arrangedFrom: readonly unknown[] = [];

  #arrange(): void {
    const records = this.#reading?.records;
    const overview = this.#overview.value;
    const from = [records, overview, this.own, this.previews];
    const before = this.#arrangedFrom;
    if (from.every((input, i) => input === before[i])) return;
    this.#arrangedFrom = from;
    if (!records || !overview) {
      this.#rows = [];
      return;
    }
    const input = { records, overview: withOwnRegistrations(overview, this.own), previews: this.previews, asOf: overview.asOf };
    const was = before[3] as ReceivedPreviews | undefined;
    if (was && this.#rows.length && from.every((x, i) => i === 3 || x === before[i])) {
      // Only previews came (or went): their deals' rows are made again in their places.
      const deals = new Set([...was.keys(), ...this.previews.keys()].filter((id) => was.get(id) !== this.previews.get(id)));
      this.#rows = withPreviewsOf(this.#rows, input, deals);
      return;
    }
    const arranged = dealRows(input, this.#placement);
    this.#placement = arranged.placement;
    this.#rows = arranged.rows;
  }

  protected override updated(): void {
    const reading = this.#reading;
    if (reading && reading !== this.#reportedProblems && reading.problems.length > 0) {
      this.#reportedProblems = reading;
      const error = new DealRegError('invalid-records', {
        detail: reading.problems.map((p) => `${p.record} ${p.field}`.trim()).join(', '),
      });
      this.dispatchEvent(new DealRegErrorEvent({ operation: 'read-records', error, problems: reading.problems }));
    }
    // Once the rows show (not while the first ones wait for their verdicts), and only when they were arranged
    // again: an update that kept them (an open form, a toggle) has nothing new to tell.
    if (reading?.records && this.#overview.value && this.#shownOnce && this.#rows !== this.#toldRows) {
      this.#toldRows = this.#rows;
      const states = dealStates(this.#rows);
      if (!this.#lastStates || JSON.stringify(states) !== JSON.stringify(this.#lastStates)) {
        this.#lastStates = states;
        this.dispatchEvent(new DealRegDealStatesEvent({ accountId: reading.records.account.id, deals: states }));
      }
    }
    this.#askForPreviews();
    this.#waitOneFrame();
  }

  get #pageSize(): number {
    const n = Math.floor(this.pageSize);
    return Number.isFinite(n) && n >= 1 ? n : 25;
  }

  /** The rows shown that await the vendor's verdict and were not asked about as they stand: one request per 25. */
  #askForPreviews(): void {
    const adapter = this.connectedAdapter;
    const ref = this.#reading?.ref;
    if (!adapter?.previewDeals || !ref || this.previewError) return;
    // Only the rows shown that await their verdict are previewed, so only theirs are looked up (each key is the deal as JSON).
    const shown = this.#rows.slice(0, this.shown);
    const asked = new Set(
      shown.flatMap((row) =>
        row.crm &&
        this.#asked.size &&
        row.verdict?.kind === 'awaiting-preview' &&
        this.#asked.has(askKey(dealSubmission(row.crm)))
          ? [row.crm.id]
          : [],
      ),
    );
    const from = this.#answersFrom;
    for (const page of previewPages(shown, asked)) {
      for (const deal of page) this.#asked.add(askKey(deal));
      void this.#preview(adapter, ref, page, from);
    }
  }

  async #preview(
    adapter: NonNullable<DealRegElement['effectiveAdapter']>,
    ref: string,
    page: DealSubmission[],
    from: DealRegAdapter | undefined,
  ): Promise<void> {
    const signal = this.signal;
    try {
      const answer = await adapter.previewDeals!(ref, page, { signal });
      if (from !== this.#answersFrom) return; // asked of the adapter before: not this date's or partner's
      this.previews = receivePreviews(this.previews, page, answer);
    } catch (e) {
      if (signal.aborted || from !== this.#answersFrom) return;
      for (const deal of page) this.#asked.delete(askKey(deal));
      const error = toDealRegError(e);
      this.previewError = error;
      this.dispatchEvent(new DealRegErrorEvent({ operation: 'preview', error }));
    }
  }

  async #recordOwn(registration: Registration): Promise<void> {
    this.own = new Map(this.own).set(registration.id, registration);
    await this.#overview.recordRegistration(registration);
  }

  async #openRegistration(opportunity: CrmOpportunity): Promise<void> {
    this.registering = opportunity.id;
    this.chosen = new Set(rememberedPresales());
    this.registerError = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="form"] input')?.focus();
  }

  async #closeRegistration(): Promise<void> {
    const id = this.registering;
    this.registering = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-crm-id="${CSS.escape(id ?? '')}"] [part~="register-button"]`)?.focus();
  }

  #toggle(activity: PresalesActivity, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(activity);
    else next.delete(activity);
    this.chosen = next;
    if (next.size > 0 && this.registerError === 'no-activity') this.registerError = undefined;
  }

  /** One click, one request: the CRM's deal and the presales ticked, under one idempotency key per submission. */
  async #submit(opportunity: CrmOpportunity): Promise<void> {
    const adapter = this.connectedAdapter;
    const records = this.#reading?.records;
    if (!adapter || !records || this.registerError === 'sending') return;
    const activities = [...this.chosen];
    if (activities.length === 0) {
      this.registerError = 'no-activity';
      return;
    }
    const request = dealRegistrationRequest(records.account, opportunity, activities);
    const signal = this.signal;
    this.registerError = 'sending';
    try {
      const registration = await this.#intents.run(`register:${JSON.stringify(request)}`, (idempotencyKey) =>
        adapter.registerOpportunity(request, { idempotencyKey, signal }),
      );
      rememberPresales(activities);
      // Its verdict was the vendor's before this answer: a deal refused (another partner came first) is asked about again.
      this.previews = supersedePreview(this.previews, opportunity.id);
      this.#asked.delete(askKey(dealSubmission(opportunity)));
      this.registerError = undefined;
      this.registering = null;
      this.announcement = this.localized(() => outcomeText(registration, opportunity.name, this.effectiveLocale));
      this.dispatchEvent(new DealRegRegisteredEvent({ accountId: records.account.id, registration }));
      await this.#recordOwn(registration);
    } catch (e) {
      if (signal.aborted) return;
      const error = toDealRegError(e);
      this.registerError = error;
      this.dispatchEvent(new DealRegErrorEvent({ operation: 'register', error }));
    }
  }

  #showMore(): void {
    const before = this.shown;
    this.shown += this.#pageSize;
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLElement>('[part~="opportunity"]')[before]?.focus());
  }

  #retryPreviews(): void {
    this.previewError = undefined;
  }

  protected override renderView(): TemplateResult {
    const reading = this.#reading;
    const locale = this.effectiveLocale;
    const problems = reading?.problems.length ? this.#renderProblems(reading.problems, locale) : nothing;
    const records = reading?.records;
    if (!records) return html`<div part="base">${problems}</div>`;
    if (!reading.ref) return html`<div part="base">${problems}${renderWithoutIdentifier(records, locale)}</div>`;
    const overview = this.#overview.value;
    const rows = this.#rows;
    const visible = rows.slice(0, this.shown);
    if (!overview || this.#awaitingFirstVerdicts(visible)) {
      const failed = this.#overview.status === 'error';
      return html`<div part="base">${problems}${failed ? overviewError(this.#overview) : skeleton(3)}</div>`;
    }
    this.#shownOnce = true;
    const remaining = rows.length - visible.length;
    const context: RowContext = {
      locale,
      program: overview.program,
      accountRef: reading.ref,
      inOverview: (registration) => overview.registrations.some((r) => r.id === registration.id),
      adapter: this.effectiveAdapter,
      registering: this.registering,
      chosen: this.chosen,
      registerError: this.registerError,
      extensions: this.#extensions.states,
      onRegister: (o) => void this.#openRegistration(o),
      onToggle: (a, on) => this.#toggle(a, on),
      onSubmit: (o) => void this.#submit(o),
      onCancel: () => void this.#closeRegistration(),
      onExtend: (r) => void this.#extensions.extend(r),
    };
    // With no deal, the summary is the empty line: "0 opportunities" above it would say it twice.
    const empty = rows.length === 0;
    return html`<div part="base">
      ${problems}
      <div role="status" aria-live="polite">
        ${
          empty
            ? html`<p part="empty" class="empty">
                ${msg('No opportunities for this account in your CRM yet: once you create one, it shows here with whether it qualifies.')}
              </p>`
            : html`<p part="summary">${statusSummary(rows.length, countByState(rows), locale)}</p>`
        }
      </div>
      ${this.previewError ? errorPanel(this.previewError, () => this.#retryPreviews()) : nothing}
      ${this.#overview.status === 'error' ? overviewError(this.#overview) : nothing}
      ${empty ? nothing : html`<ul class="rows">${visible.map((row, index) => renderRow(row, index, context))}</ul>`}
      ${
        remaining > 0
          ? html`<button part="button more-button" class="more" type="button" @click=${() => this.#showMore()}>
              ${msg(str`Show ${formatNumber(Math.min(this.#pageSize, remaining), locale)} more (${formatNumber(remaining, locale)} not shown)`)}
            </button>`
          : nothing
      }
      <span class="visually-hidden" role="status">${this.announcement}</span>
    </div>`;
  }
}

/** What a deal was asked about as: its CRM id with the data sent (a change in the CRM asks again). */
function askKey(deal: DealSubmission): string {
  return `${deal.partnerOpportunityId}\u0000${JSON.stringify(deal)}`;
}

function countByState(rows: readonly DealRow[]): Record<OpportunityState, number> {
  const counts = Object.fromEntries(OPPORTUNITY_STATES.map((s) => [s, 0])) as Record<OpportunityState, number>;
  for (const row of rows) counts[shownState(row)] += 1;
  return counts;
}
