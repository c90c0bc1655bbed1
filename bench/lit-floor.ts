// The size floor: Lit alone, with one trivial element, built exactly like dist/dealreg.js
// (Vite library mode, ES module, es2022, minified, production). Whatever dealreg weighs above
// this is ours; this much any Lit component library pays.
import { LitElement, css, html } from 'lit';

export class LitFloor extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  override render() {
    return html`<p>floor</p>`;
  }
}

if (!customElements.get('lit-floor')) customElements.define('lit-floor', LitFloor);
