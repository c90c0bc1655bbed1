// Looking into nested (open) shadow roots the way a user or a screen reader would: shared by the
// widget suites, the hostile-world suites and the bench page (plain recursion: the bench polls it).

function appendText(node: Node, parts: string[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    parts.push(node.textContent ?? '');
    return;
  }
  if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT' || node.nodeName === 'TEMPLATE') return;
  if (node instanceof Element && node.shadowRoot) appendText(node.shadowRoot, parts);
  for (let child = node.firstChild; child; child = child.nextSibling) appendText(child, parts);
}

/** The text of a node and everything in its shadow trees (styles, scripts and templates aside), whitespace folded. */
export function deepText(root: Node): string {
  const parts: string[] = [];
  appendText(root, parts);
  return parts.join('').replace(/[ \t\n\r]+/g, ' ');
}

function appendElements(root: Node, out: Element[]): void {
  if (root instanceof Element && root.shadowRoot) appendElements(root.shadowRoot, out);
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child instanceof Element) out.push(child);
    appendElements(child, out);
  }
}

/** Every element under `root` (not `root` itself), through open shadow roots. */
export function deepElements(root: Node): Element[] {
  const out: Element[] = [];
  appendElements(root, out);
  return out;
}

/** Elements matching `selector`: `root` itself first, then everything under it, through shadow roots. */
export function deepQueryAll<T extends Element = HTMLElement>(root: Node, selector: string): T[] {
  const candidates = root instanceof Element ? [root, ...deepElements(root)] : deepElements(root);
  return candidates.filter((el): el is T => el.matches(selector));
}

export function deepQuery<T extends Element = HTMLElement>(root: Node, selector: string): T | undefined {
  return deepQueryAll<T>(root, selector)[0];
}
