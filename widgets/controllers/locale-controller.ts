// Resolves an element's locale: its `locale` attribute, else the provider's, else the nearest `lang`
// (crossing shadow roots), else the page's `lang`, else English.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { normalizeLocale } from '../i18n/localization.ts';
import type { DealRegLocale } from '../i18n/localization.ts';

export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  locale?: string | undefined;
  contextLocale?: string | undefined;
}

function nearestLang(el: Element): string | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang') && node.getAttribute('lang')) return node.getAttribute('lang');
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return document.documentElement.getAttribute('lang');
}

export class LocaleController implements ReactiveController {
  /** The element's resolved locale: its messages and every Intl format use it. */
  value: DealRegLocale = 'en';
  readonly #host: LocaleHost;

  constructor(host: LocaleHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Resolves the locale now (attribute > provider > nearest lang) and keeps it in `value`. */
  resolve(): DealRegLocale {
    this.value = normalizeLocale(this.#host.locale || this.#host.contextLocale || nearestLang(this.#host));
    return this.value;
  }

  hostUpdate(): void {
    this.resolve();
  }
}
