// The base of every dealreg element: the theme reset (nothing leaks in from the host page),
// the shadow-root mode integrators choose, and the adapter/locale each element resolves.
import { LitElement, css, html } from 'lit';
import type { CSSResultGroup, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { DealRegError } from '../../src/errors.ts';
import { adapterContext, localeContext } from './context.ts';
import { LocaleController } from './locale-controller.ts';
import { inLocale, isLocaleReady, loadLocale } from './localization.ts';
import { dealRegConfig } from './config.ts';
import { guardedAdapter } from './guarded-adapter.ts';
import { DealRegErrorEvent } from './events.ts';
import { errorPanel } from './templates.ts';
import { abortLater } from './abort-later.ts';

export { configureDealReg, dealRegConfig, resetDealRegConfig } from './config.ts';
export type { DealRegConfig } from './config.ts';

/**
 * Theme tokens with SLDS-like defaults. The host is reset with `all: initial` so the page's fonts,
 * spacing and text styles do not leak in; what a host uses to hide or freeze a section of its page
 * (`visibility`, `pointer-events`) is inherited again, so a panel in a hidden CRM section stays
 * hidden. The inner `base` wrapper sets font and colour again so a page rule on the host element
 * itself cannot reach inside.
 */
export const baseStyles = css`
  :host {
    all: initial;
    visibility: inherit;
    pointer-events: inherit;
    display: block;
    --_brand: var(--dealreg-color-brand, #0176d3);
    --_on-brand: var(--dealreg-color-on-brand, #fff);
    --_positive: var(--dealreg-color-positive, #2e844a);
    --_negative: var(--dealreg-color-negative, #ba0517);
    --_notice: var(--dealreg-color-notice, #8c4b02);
    --_neutral: var(--dealreg-color-neutral, #5c5c5c);
    --_informative: var(--dealreg-color-informative, #0b5cab);
    --_text: var(--dealreg-color-text, #181818);
    --_text-weak: var(--dealreg-color-text-weak, #5c5c5c);
    --_surface: var(--dealreg-color-surface, #ffffff);
    --_surface-alt: var(--dealreg-color-surface-alt, #f3f3f3);
    --_border: var(--dealreg-color-border, #c9c9c9);
    --_space-xs: var(--dealreg-space-xs, 0.25rem);
    --_space-s: var(--dealreg-space-s, 0.5rem);
    --_space-m: var(--dealreg-space-m, 0.75rem);
    --_space-l: var(--dealreg-space-l, 1rem);
    --_radius: var(--dealreg-radius, 0.25rem);
    --_font: var(--dealreg-font-family, 'Salesforce Sans', -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif);
    --_font-size: var(--dealreg-font-size, 0.8125rem);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    text-align: start;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    min-height: 2rem;
    padding: 0 var(--_space-l);
    font: inherit;
    font-weight: 600;
    color: var(--_brand);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button.primary {
    color: var(--_on-brand);
    background: var(--_brand);
    border-color: var(--_brand);
  }
  button:hover:not(:disabled) {
    filter: brightness(0.95);
  }
  button:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  input:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_brand);
    outline-offset: 2px;
  }
  button:disabled {
    cursor: not-allowed;
    color: #747474;
    background: var(--_surface-alt);
    border-color: var(--_border);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    padding: 0 var(--_space-s);
    border-radius: 1rem;
    border: 1px solid currentColor;
    font-size: 0.75rem;
    font-weight: 600;
    line-height: 1.4rem;
    white-space: nowrap;
    background: var(--_surface);
  }
  .badge .icon {
    font-size: 0.85em;
  }
  .positive {
    color: var(--_positive);
  }
  .negative {
    color: var(--_negative);
  }
  .notice {
    color: var(--_notice);
  }
  .neutral {
    color: var(--_neutral);
  }
  .informative {
    color: var(--_informative);
  }
  .error {
    display: block;
    padding: var(--_space-m);
    border: 1px solid var(--_negative);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .error strong {
    color: var(--_negative);
  }
  .error p {
    margin: var(--_space-xs) 0 var(--_space-s);
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, #ecebea 25%, #f3f3f3 50%, #ecebea 75%);
    background-size: 200% 100%;
    animation: dealreg-shimmer 1.5s infinite;
  }
  .skeleton.title,
  .skeleton.row {
    height: 1.5rem;
    width: 60%;
    margin-bottom: var(--_space-s);
  }
  .skeleton.row {
    height: 3.5rem;
    width: auto;
  }
  .skeleton.compact {
    height: 2rem;
  }
  @keyframes dealreg-shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;

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
  private aborter: AbortController | undefined;
  private readonly viewReloads: Array<() => unknown> = [];
  /** The failure last reported, so an element that keeps failing on the same data reports it once. */
  private reportedViewFailure: string | undefined;

  /** Adapter from the nearest `<dealreg-provider>`. */
  @consume({ context: adapterContext, subscribe: true })
  @state()
  contextAdapter: DealRegAdapter | undefined;

  /** Locale from the nearest `<dealreg-provider>`. */
  @consume({ context: localeContext, subscribe: true })
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
    return (this.aborter ??= new AbortController()).signal;
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
      this.reportedViewFailure = undefined;
      return view;
    } catch (thrown) {
      return this.renderViewFailure(thrown);
    }
  }

  /** @internal For controllers that load what the view shows: Retry after a view failure reloads it. */
  addViewReload(reload: () => unknown): void {
    this.viewReloads.push(reload);
  }

  private renderViewFailure(thrown: unknown): TemplateResult {
    const kind = thrown instanceof Error ? thrown.name : typeof thrown;
    const error = new DealRegError('invalid-response', { detail: `the data could not be shown (${kind})` });
    if (this.reportedViewFailure !== error.detail) {
      this.reportedViewFailure = error.detail;
      // After this update, not from inside render().
      void this.updateComplete.then(() => this.dispatchEvent(new DealRegErrorEvent({ operation: 'load-overview', error })));
    }
    // Retry reloads; only what it brings may be reported again (not the stale view shown meanwhile).
    const retry = (): void => {
      void Promise.allSettled(this.viewReloads.map((reload) => reload())).then(() => {
        this.reportedViewFailure = undefined;
        this.requestUpdate();
      });
    };
    return html`<div part="base">${errorPanel(error, retry)}</div>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    abortLater(this.aborter);
    this.aborter = undefined;
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
