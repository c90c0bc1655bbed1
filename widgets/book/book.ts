// Registers <dealreg-book>. Guarded: a second copy of the bundle on the page does not throw.
import { defineElement } from '../element/define.ts';
import { DealRegBook } from './book.component.ts';

export { DealRegBook };
defineElement('dealreg-book', DealRegBook);

declare global {
  interface HTMLElementTagNameMap {
    'dealreg-book': DealRegBook;
  }
}
