// Registers <dealreg-status>. Guarded: a second copy of the bundle on the page does not throw.
import { defineElement } from '../element/define.ts';
import { DealRegStatus } from './status.component.ts';

export { DealRegStatus };
defineElement('dealreg-status', DealRegStatus);

declare global {
  interface HTMLElementTagNameMap {
    'dealreg-status': DealRegStatus;
  }
}
