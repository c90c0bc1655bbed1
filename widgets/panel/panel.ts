// Registers <dealreg-panel>. Guarded: a second copy of the bundle on the page does not throw.
import { defineElement } from '../element/define.ts';
import { DealRegPanel } from './panel.component.ts';

export { DealRegPanel };
defineElement('dealreg-panel', DealRegPanel);

declare global {
  interface HTMLElementTagNameMap {
    'dealreg-panel': DealRegPanel;
  }
}
