import { css } from 'lit';

export const statusStyles = css`
  [part~='summary'] {
    margin: 0 0 var(--_space-s);
    font-weight: 600;
  }
  ul.rows {
    margin: 0;
    padding: 0;
    list-style: none;
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
  .name {
    flex: 1 1 12em;
    min-width: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='opportunity'] > .badge {
    flex: none;
    max-width: 100%;
  }
  .meta,
  .detail,
  .actions {
    flex: 1 1 100%;
    min-width: 0;
  }
  .meta,
  .detail,
  .empty {
    margin: 0;
    color: var(--_text-weak);
  }
  .detail ul {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: flex-start;
  }
  .actions dealreg-quote-button {
    flex: 1 1 17em;
  }
  .more {
    margin-top: var(--_space-s);
  }
`;
