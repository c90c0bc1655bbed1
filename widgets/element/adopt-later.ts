// A sheet that comes with code loaded on demand, added to an element's shadow root once it is
// there: after the sheets the element declared, never twice. Constructable sheets only (every
// browser the library targets has them), so nothing is written to a style element: no CSP nonce.
import type { CSSResult } from 'lit';

export function adoptLater(root: Node, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
