import { css } from 'lit';

export const panelStyles = css`
  :host {
    container-type: inline-size;
    container-name: dealreg-panel;
  }
  [part~='base'] {
    padding: var(--_space-m);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* The host frames the panel already (a Lightning card): no second card inside it. */
  :host([appearance='plain']) [part~='base'] {
    padding: 0;
    background: none;
    border: 0;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 var(--_space-s);
    margin-bottom: var(--_space-m);
  }
  h2 {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 var(--_space-s);
    font-size: 1em;
  }
  .skeleton.heading {
    height: 2.5em;
    width: 50%;
    margin-bottom: var(--_space-m);
  }
  .as-of {
    color: var(--_text-weak);
  }
  /* Sidebar (320–400px and up to 40em): one column, the account's context above its opportunities.
     No track has an "auto" minimum, so a section needs no "min-width: 0" to stay within its column. */
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-l);
  }
  .empty {
    padding: var(--_space-l);
    text-align: center;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty p {
    margin: 0 0 var(--_space-s);
  }
  .new-deal {
    margin-top: var(--_space-s);
  }
  /* Main column (40em, 520px at 13px): the opportunities first, the account's context atop the second column. */
  @container dealreg-panel (min-width: 40em) {
    .layout {
      grid-template-columns: minmax(0, 2fr) minmax(17em, 1fr);
      align-items: start;
      gap: var(--_space-l) calc(2 * var(--_space-l));
    }
    .main {
      grid-area: 1 / 1;
    }
  }
`;
