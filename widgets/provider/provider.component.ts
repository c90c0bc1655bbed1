import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { adapterContext, localeContext, provide, recordsContext } from '../element/context.ts';
import type { CrmRecords } from '../../src/domain/crm.ts';
import { dealRegConfig } from '../element/base.ts';

/**
 * Provides the adapter (and locale) to every dealreg element inside it.
 *
 * @summary Set `adapter` once; every `dealreg-*` element inside uses it (unless it has its own), and
 * elements of the same account share one overview request.
 *
 * @tag dealreg-provider
 *
 * @slot - The page content holding dealreg elements.
 */
export class DealRegProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override get shadowRootOptions(): ShadowRootInit {
    return { ...LitElement.shadowRootOptions, mode: dealRegConfig().shadowRootMode };
  }

  /** The backend adapter every element inside uses. */
  @provide(adapterContext)
  @property({ attribute: false })
  adapter: DealRegAdapter | undefined;

  /** `en` or `fr` for every element inside (an element's own `locale` wins). */
  @provide(localeContext)
  @property({ reflect: true })
  locale: string | undefined;

  /** The host CRM's records, for every `<dealreg-panel>` inside (a panel's own `records` win). */
  @provide(recordsContext)
  @property({ attribute: false })
  records: CrmRecords | undefined;

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
