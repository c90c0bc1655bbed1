import { css } from 'lit';

export const quoteButtonStyles = css`
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
  }
  .explain {
    margin: 0;
    color: var(--_text-weak);
  }
  [part~='quote'] {
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='quote']:empty {
    display: none;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-xs) var(--_space-m);
    margin: var(--_space-s) 0 0;
  }
  dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .net {
    font-weight: 700;
  }
  ul {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: var(--_space-l);
  }
  .placeholder {
    height: 2.5em;
    width: 11em;
  }
`;
