// Registers <dealreg-eligibility>. Guarded: a second copy of the bundle on the page does not throw.
import { defineElement } from '../element/define.ts';
import { DealRegEligibility } from './eligibility.component.ts';

export { DealRegEligibility };
defineElement('dealreg-eligibility', DealRegEligibility);

declare global {
  interface HTMLElementTagNameMap {
    'dealreg-eligibility': DealRegEligibility;
  }
}
