import { css } from 'lit';

export default css`
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
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-s);
    margin-bottom: var(--_space-m);
  }
  h2 {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }
  h3 {
    margin: 0 0 var(--_space-s);
    font-size: 1em;
    font-weight: 700;
  }
  .skeleton.heading {
    height: 2rem;
    width: 50%;
    margin-bottom: var(--_space-m);
  }
  .as-of {
    color: var(--_text-weak);
  }
  .layout {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--_space-l);
  }
  section {
    min-width: 0;
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
  /* Main column: opportunities beside the eligibility and register column. */
  @container dealreg-panel (min-width: 40rem) {
    .layout {
      grid-template-columns: minmax(0, 2fr) minmax(14rem, 1fr);
      align-items: start;
    }
    .main {
      grid-column: 1;
      grid-row: 1 / span 2;
    }
    .side {
      grid-column: 2;
      grid-row: 1;
    }
    .side-2 {
      grid-column: 2;
      grid-row: 2;
    }
  }
`;
