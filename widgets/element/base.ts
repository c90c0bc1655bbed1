// The base of every dealreg element: the theme reset (nothing leaks in from the host page),
// the shadow-root mode integrators choose, and the adapter/locale each element resolves.
import { LitElement, html } from 'lit';
import type { CSSResultGroup, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { DealRegError } from '../../src/errors.ts';
import { adapterContext, consume, localeContext } from './context.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { inLocale, isLocaleReady, loadLocale } from '../i18n/localization.ts';
import { dealRegConfig } from './config.ts';
import { guardedAdapter } from '../state/guarded-adapter.ts';
import { DealRegErrorEvent } from '../events/events.ts';
import { errorPanel } from '../templates/templates.ts';
import { abortLater } from '../controllers/abort-later.ts';
import { baseStyles } from '../templates/base.styles.ts';

export { configureDealReg, dealRegConfig, resetDealRegConfig } from './config.ts';
export type { DealRegConfig } from './config.ts';

export { baseStyles } from '../templates/base.styles.ts';

/**
 * Failures already reported, by the thrown object: the view model throws ONE object per overview its
 * rules cannot compute with (view-model.ts), so the elements showing that overview report it once.
 */
const reportedThrowables = new WeakSet<object>();

/**
 * Base class: theme reset, configurable shadow-root mode, and the adapter/locale every element
 * takes directly or from the nearest `<dealreg-provider>`.
 */
export class DealRegElement extends LitElement {
  static override styles: CSSResultGroup = baseStyles;

  static override get shadowRootOptions(): ShadowRootInit {
    return { ...LitElement.shadowRootOptions, mode: dealRegConfig().shadowRootMode };
  }

  protected readonly localeController = new LocaleController(this);
  #aborter: AbortController | undefined;
  readonly #viewReloads: Array<() => unknown> = [];
  /** The failure last reported, so an element that keeps failing on the same data reports it once. */
  #reportedViewFailure: string | undefined;

  /** Adapter from the nearest `<dealreg-provider>`. */
  @consume(adapterContext)
  @state()
  contextAdapter: DealRegAdapter | undefined;

  /** Locale from the nearest `<dealreg-provider>`. */
  @consume(localeContext)
  @state()
  contextLocale: string | undefined;

  /** The backend adapter; when unset, the nearest `<dealreg-provider>`'s is used. */
  @property({ attribute: false }) adapter: DealRegAdapter | undefined;

  /** `en` or `fr`; when unset, the provider's locale, else the nearest `lang`, else the page's `lang`. */
  @property({ reflect: true }) locale: string | undefined;

  /** The adapter in use (own property first, then context). */
  get effectiveAdapter(): DealRegAdapter | undefined {
    return this.adapter ?? this.contextAdapter;
  }

  /** The locale in use for formats. */
  get effectiveLocale(): string {
    return this.localeController.value;
  }

  /**
   * The adapter to call: behind the element boundary (answers validated, failures typed), and only
   * while the element is on the page. A removed element starts nothing.
   */
  protected get connectedAdapter(): DealRegAdapter | undefined {
    const adapter = this.effectiveAdapter;
    return adapter === undefined || adapter === null || !this.isConnected ? undefined : guardedAdapter(adapter);
  }

  /** For every adapter call: aborted when the element leaves the page (then it stays silent). */
  protected get signal(): AbortSignal {
    if (!this.isConnected) return AbortSignal.abort();
    return (this.#aborter ??= new AbortController()).signal;
  }

  /** What the element shows. Subclasses implement this instead of `render()`. */
  protected renderView(): unknown {
    return undefined;
  }

  /**
   * Shows the view; if computing it throws (data that fits the contract but that the program rules
   * cannot compute with, such as a dormancy of 1e302 months), the element says it could not show the
   * account, with Retry, and the host hears it once: never an uncaught exception from a render.
   */
  override render(): unknown {
    try {
      const view = this.renderView();
      this.#reportedViewFailure = undefined;
      return view;
    } catch (thrown) {
      return this.#renderViewFailure(thrown);
    }
  }

  /** @internal For controllers that load what the view shows: Retry after a view failure reloads it. */
  addViewReload(reload: () => unknown): void {
    this.#viewReloads.push(reload);
  }

  #renderViewFailure(thrown: unknown): TemplateResult {
    const kind = thrown instanceof Error ? thrown.name : typeof thrown;
    const error = new DealRegError('invalid-response', { detail: `the data could not be shown (${kind})` });
    const shared = typeof thrown === 'object' && thrown !== null ? thrown : undefined;
    if (this.#reportedViewFailure !== error.detail && !(shared && reportedThrowables.has(shared))) {
      if (shared) reportedThrowables.add(shared);
      this.#reportedViewFailure = error.detail;
      // After this update, not from inside render().
      void this.updateComplete.then(() => this.dispatchEvent(new DealRegErrorEvent({ operation: 'load-overview', error })));
    }
    // Retry reloads; only what it brings may be reported again (not the stale view shown meanwhile).
    const retry = (): void => {
      void Promise.allSettled(this.#viewReloads.map((reload) => reload())).then(() => {
        this.#reportedViewFailure = undefined;
        this.requestUpdate();
      });
    };
    return html`<div part="base">${errorPanel(error, retry)}</div>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    abortLater(this.#aborter);
    this.#aborter = undefined;
  }

  /**
   * Waits for the element's locale before each update: an element asked for French renders nothing
   * until the French messages are there, never English first. Re-resolves after the load, in case
   * the locale changed meanwhile; updateComplete waits for all of it.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const locale = this.localeController.resolve();
    if (isLocaleReady(locale)) return super.scheduleUpdate();
    return loadLocale(locale).then(() => this.scheduleUpdate());
  }

  /** The whole update (willUpdate, render, updated) answers msg() in this element's locale. */
  protected override performUpdate(): void {
    const locale = this.localeController.resolve();
    if (!isLocaleReady(locale)) void loadLocale(locale).then(() => this.requestUpdate());
    inLocale(locale, () => super.performUpdate());
  }

  /** For strings built outside an update (event handlers, after an await): in this element's locale. */
  protected localized<T>(build: () => T): T {
    return inLocale(this.localeController.value, build);
  }
}
