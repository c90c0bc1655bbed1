// Resolves an element's locale: its `locale` attribute, else the provider's, else the nearest `lang`
// (crossing shadow roots), else the page's `lang`, else English.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LOCALE_STATUS_EVENT } from '@lit/localize';
import { getLocale, normalizeLocale, setLocale } from './localization.ts';
import type { DealRegLocale } from './localization.ts';

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
  /** The element's resolved locale: use it for every Intl format. */
  value: DealRegLocale = 'en';
  /** Set while the page-global message locale is switching for this element. */
  settling: Promise<void> | undefined;
  private requested: DealRegLocale | undefined;
  private readonly host: LocaleHost;
  private readonly onStatus = (): void => this.host.requestUpdate();

  constructor(host: LocaleHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(LOCALE_STATUS_EVENT, this.onStatus);
    this.requested = undefined;
  }

  hostDisconnected(): void {
    window.removeEventListener(LOCALE_STATUS_EVENT, this.onStatus);
  }

  hostUpdate(): void {
    this.value = normalizeLocale(this.host.locale || this.host.contextLocale || nearestLang(this.host));
    // Only when this element's locale changes: two elements in different locales must not ping-pong.
    if (this.value !== this.requested) {
      this.requested = this.value;
      if (getLocale() !== this.value) {
        const settling = setLocale(this.value).catch(() => undefined);
        this.settling = settling;
        void settling.then(() => {
          if (this.settling === settling) this.settling = undefined;
        });
      }
    }
  }
}
