// Status icons as inline SVG (16×16 strokes in the text's colour, sized by `svg.glyph` in
// base.styles.ts, hence no width/height attributes). They are decoration beside words: hidden from
// assistive technology, never focusable, never the only signal. Inline markup, no `style`
// attribute: fine under a strict CSP.
import { html } from 'lit';
import type { TemplateResult } from 'lit';

export type IconName = 'check' | 'cross' | 'alert' | 'circle' | 'clock' | 'star' | 'blocked' | 'info';

// Paths inside an <svg> parsed by the HTML parser: Lit's `html` keeps them in the SVG namespace only
// when they are in the same template as the <svg>, hence one full template per icon.
const GLYPHS: Record<IconName, TemplateResult> = {
  check: html`<svg class="glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 8.5l3.2 3.2L13 4.8" /></svg>`,
  cross: html`<svg class="glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" /></svg>`,
  alert: html`<svg class="glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.8l6.6 11.7H1.4z" /><path d="M8 6.3v3.2M8 11.6v.1" /></svg>`,
  circle: html`<svg class="glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="5.5" /></svg>`,
  clock: html`<svg class="glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.2" /><path d="M8 4.6V8l2.4 1.6" /></svg>`,
  star: html`<svg class="glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.8l1.9 4 4.3.5-3.2 3 .9 4.3L8 11.4l-3.9 2.2.9-4.3-3.2-3 4.3-.5z" /></svg>`,
  blocked: html`<svg class="glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.2" /><path d="M3.6 12.4l8.8-8.8" /></svg>`,
  info: html`<svg class="glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.2" /><path d="M8 7.3v4M8 4.8v.1" /></svg>`,
};

/** The icon `name`, decorative (`aria-hidden`): always render its meaning in words beside it. */
export function icon(name: IconName): TemplateResult {
  return GLYPHS[name];
}
