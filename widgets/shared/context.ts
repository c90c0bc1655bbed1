// Context keys (Symbol keys): what <dealreg-provider> hands down to every dealreg element inside it.
import { createContext } from '@lit/context';
import type { DealRegAdapter } from '../../src/adapter.ts';

export const adapterContext = createContext<DealRegAdapter | undefined>(Symbol('dealreg-adapter'));

/** The locale requested on the provider (`en`, `fr`, or any BCP 47 tag); undefined = resolve from `lang`. */
export const localeContext = createContext<string | undefined>(Symbol('dealreg-locale'));
