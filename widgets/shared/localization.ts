// @lit/localize in runtime mode with the French templates imported statically (one self-contained
// module, no lazy chunk). @lit/localize keeps ONE page-global locale for msg(); Intl formats use
// each element's own locale (see LocaleController).
import { configureLocalization } from '@lit/localize';
import * as fr from '../locales/fr.ts';

export const SOURCE_LOCALE = 'en';
export const TARGET_LOCALES = ['fr'] as const;
export const LOCALES = [SOURCE_LOCALE, ...TARGET_LOCALES] as const;
export type DealRegLocale = (typeof LOCALES)[number];

const modules: Record<string, typeof fr> = { fr };

function configure(): { getLocale: () => string; setLocale: (locale: string) => Promise<void> } {
  try {
    return configureLocalization({
      sourceLocale: SOURCE_LOCALE,
      targetLocales: TARGET_LOCALES,
      loadLocale: (locale) => {
        const mod = modules[locale];
        return mod ? Promise.resolve(mod) : Promise.reject(new Error(`no templates for ${locale}`));
      },
    });
  } catch {
    // The host page configured @lit/localize itself (it can only be configured once per module
    // instance): dealreg then renders its source strings and still formats dates and money per locale.
    return { getLocale: () => SOURCE_LOCALE, setLocale: () => Promise.resolve() };
  }
}

export const { getLocale, setLocale } = configure();

/** Maps any BCP 47 tag (`fr-CA`, `en_GB`, `FR`) to a supported locale; unknown → `en`. */
export function normalizeLocale(tag: string | null | undefined): DealRegLocale {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as DealRegLocale) : SOURCE_LOCALE;
}
