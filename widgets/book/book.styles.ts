import { css } from 'lit';

export const bookStyles = css`
  /* Its own surface, as the panel's: the theme's colours read right whatever the page behind. */
  [part~='base'] {
    background: var(--_surface);
  }
  [part~='tabs'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    margin: 0 0 var(--_space-s);
    border-bottom: 1px solid var(--_border);
  }
  [part~='tab'] {
    border: 0;
    border-bottom: 2px solid transparent;
    border-radius: 0;
    background: none;
    color: inherit;
  }
  [part~='tab'][aria-selected='true'] {
    border-bottom-color: var(--_brand);
    font-weight: 600;
  }
  [part~='search'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    margin: 0 0 var(--_space-s);
  }
  /* The theme's colours, not the browser's (a white field on a dark theme). */
  [part~='search'] input {
    flex: 1 1 12em;
    min-width: 0;
    min-height: 2.5em;
    padding: var(--_space-xs) var(--_space-s);
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* The deal's name links to the host's record: in the brand colour, not the browser's link blue. */
  a[part~='record-link'] {
    color: var(--_brand);
  }
  [part~='row'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-xs) var(--_space-s);
    padding: var(--_space-s) 0;
    border-bottom: 1px solid var(--_border);
  }
  .export {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
    margin: 0 0 var(--_space-s);
  }
  [part~='export-status'] {
    color: var(--_text-weak);
  }
  .more-area {
    margin-top: var(--_space-s);
  }
`;
