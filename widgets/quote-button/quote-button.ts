// Registers <dealreg-quote-button>. Guarded: a second copy of the bundle on the page does not throw.
import { defineElement } from '../element/define.ts';
import { DealRegQuoteButton } from './quote-button.component.ts';

export { DealRegQuoteButton };
defineElement('dealreg-quote-button', DealRegQuoteButton);

declare global {
  interface HTMLElementTagNameMap {
    'dealreg-quote-button': DealRegQuoteButton;
  }
}
