// Registers <dealreg-provider>. Guarded: a second copy of the bundle on the page does not throw.
import { defineElement } from '../element/define.ts';
import { DealRegProvider } from './provider.component.ts';

export { DealRegProvider };
defineElement('dealreg-provider', DealRegProvider);

declare global {
  interface HTMLElementTagNameMap {
    'dealreg-provider': DealRegProvider;
  }
}
