import { css } from 'lit';

export const statusStyles = css`
  [part~='summary'] {
    margin: 0 0 var(--_space-s);
    font-weight: 600;
  }
  /* A row: the name, then its badge on the same line when both fit (else the badge goes below,
     at the start), then the figures, details and actions across the whole width. */
  [part~='opportunity'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-xs) var(--_space-s);
    min-height: 4.3em;
    padding: var(--_space-s) 0;
    border-bottom: 1px solid var(--_border);
  }
  [part~='opportunity'] > .badge {
    flex: none;
    max-width: 100%;
  }
  /* Where the deal stands, its strongest line (in the text's colour; a registrable deal's verdict
     with its icon in the verdict's colour); the figures and secondary lines are weaker. */
  .verdict {
    display: flex;
    gap: var(--_space-xs);
  }
  .verdict .icon {
    padding-top: 0.25em;
  }
  .verdict ul {
    margin: 0;
    padding-inline-start: var(--_space-l);
  }
  .more {
    margin-top: var(--_space-s);
  }
`;
