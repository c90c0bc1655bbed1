// The styles every element shares: the host reset, the theme tokens, the type scale, buttons,
// badges with their icons, error panels and loading skeletons.
import { css } from 'lit';

/**
 * Theme tokens with SLDS-like defaults. The host is reset with `all: initial` so the page's fonts,
 * spacing and text styles do not leak in; what a host uses to hide or freeze a section of its page
 * (`visibility`, `pointer-events`) is inherited again, so a panel in a hidden CRM section stays
 * hidden. The inner `base` wrapper sets font and colour again so a page rule on the host element
 * itself cannot reach inside.
 *
 * Type scale: `all: initial` would set the host's font-size to `medium` (16px), whatever the page
 * uses, so the host takes the size of the text around it again (`font-size: inherit`): 13px in a
 * Lightning page (root 16px, body 0.8125rem), the page's own elsewhere. Every length inside is in
 * `em` of that size, never `rem` (a host that sets its root to 13px must not shrink the panel), and
 * no text goes below 12px (`max(12px, …)`). `--dealreg-font-size` overrides the size once, on the
 * outermost element: each `base` sets it back to `1em` for the elements nested inside, so a relative
 * value (`1.1em`) does not compound through a panel's children.
 */
export const baseStyles = css`
  :host {
    all: initial;
    font-size: inherit;
    visibility: inherit;
    pointer-events: inherit;
    display: block;
    /* Private tokens for what several rules read; a colour or the font read by one rule only is
       read there with its default (.positive, button.primary, [part~='base']…). */
    --_brand: var(--dealreg-color-brand, #0176d3);
    --_negative: var(--dealreg-color-negative, #ba0517);
    --_text: var(--dealreg-color-text, #181818);
    --_text-weak: var(--dealreg-color-text-weak, #5c5c5c);
    --_surface: var(--dealreg-color-surface, #ffffff);
    --_border: var(--dealreg-color-border, #c9c9c9);
    /* 4, 8, 12 and 16px, as SLDS: exact at 13px and in 12px text, larger when the host's text is. */
    --_space-xs: var(--dealreg-space-xs, max(4px, 4em / 13));
    --_space-s: var(--dealreg-space-s, max(8px, 8em / 13));
    --_space-m: var(--dealreg-space-m, max(12px, 12em / 13));
    --_space-l: var(--dealreg-space-l, max(16px, 16em / 13));
    --_radius: var(--dealreg-radius, 0.3em);
    /* Read once, but from the host: [part~='base'] resets --dealreg-font-size for nested elements. */
    --_font-size: var(--dealreg-font-size, 1em);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    font-family: var(--dealreg-font-family, 'Salesforce Sans', -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif);
    font-size: max(12px, var(--_font-size));
    line-height: 1.5;
    color: var(--_text);
    text-align: start;
    --dealreg-font-size: 1em;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    min-height: 2.5em;
    padding: 0 var(--_space-l);
    font: inherit;
    color: var(--_brand);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button.primary {
    color: var(--dealreg-color-on-brand, #fff);
    background: var(--_brand);
    border-color: var(--_brand);
  }
  button:hover:not(:disabled, [aria-disabled='true']) {
    filter: brightness(0.95);
  }
  button:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_brand);
    outline-offset: 2px;
  }
  /* aria-disabled too: a button that stays focusable to say why it does nothing must not look like
     it would (a blue "Register opportunity" above "No deal to register here" reads as a contradiction). */
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_text-weak);
    background: var(--dealreg-color-surface-alt, #f3f3f3);
    border-color: var(--_border);
  }
  /* A state in words with its icon: a little smaller than the text, never below 12px. */
  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: 0 var(--_space-s);
    border-radius: 1em;
    border: 1px solid currentColor;
    font-size: max(12px, 12em / 13);
    font-weight: 600;
    line-height: 1.6;
    white-space: nowrap;
    background: var(--_surface);
  }
  .icon {
    display: inline-flex;
    flex: none;
  }
  /* Inline SVG icons (templates.ts): the size of the text beside them, in its colour. */
  svg.glyph {
    width: 1em;
    height: 1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .positive {
    color: var(--dealreg-color-positive, #2e844a);
  }
  .negative {
    color: var(--_negative);
  }
  .notice {
    color: var(--dealreg-color-notice, #8c4b02);
  }
  .neutral {
    color: var(--dealreg-color-neutral, #5c5c5c);
  }
  .informative {
    color: var(--dealreg-color-informative, #0b5cab);
  }
  /* Secondary text (eligibility, register form). */
  .weak {
    margin: 0;
    color: var(--_text-weak);
  }
  /* Labels (a field's name, a column's, a figure's): 12px and regular, as SLDS. */
  label,
  legend,
  dt,
  th {
    font-size: max(12px, 12em / 13);
    font-weight: normal;
    color: var(--_text-weak);
  }
  .error {
    padding: var(--_space-m);
    border: 1px solid var(--_negative);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .error strong {
    color: var(--_negative);
  }
  .error p {
    margin: var(--_space-xs) 0 var(--_space-s);
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, #ecebea 25%, #f3f3f3 50%, #ecebea 75%);
    background-size: 200% 100%;
    animation: dealreg-shimmer 1.5s infinite;
  }
  /* The heights of what they stand for: a summary line, a row (status.styles.ts), a compact row. */
  .skeleton.title,
  .skeleton.row {
    height: 1.85em;
    width: 60%;
    margin-bottom: var(--_space-s);
  }
  .skeleton.row {
    height: 4.3em;
    width: auto;
  }
  .skeleton.compact {
    height: 2.5em;
  }
  @keyframes dealreg-shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
