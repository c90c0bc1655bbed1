// Registers <dealreg-register-form>. Guarded: a second copy of the bundle on the page does not throw.
import { defineElement } from '../element/define.ts';
import { DealRegRegisterForm } from './register-form.component.ts';

export { DealRegRegisterForm };
defineElement('dealreg-register-form', DealRegRegisterForm);

declare global {
  interface HTMLElementTagNameMap {
    'dealreg-register-form': DealRegRegisterForm;
  }
}
