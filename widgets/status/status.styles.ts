import { css } from 'lit';

export default css`
  [part~='summary'] {
    margin: 0 0 var(--_space-s);
    font-weight: 600;
  }
  ul.rows {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='opportunity'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_space-xs) var(--_space-s);
    min-height: 3.5rem;
    padding: var(--_space-s) 0;
    border-bottom: 1px solid var(--_border);
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta,
  .detail {
    grid-column: 1 / -1;
    margin: 0;
    color: var(--_text-weak);
  }
  .detail ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .actions {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: flex-start;
  }
  .actions dealreg-quote-button {
    flex: 1 1 14rem;
  }
  .more {
    margin-top: var(--_space-s);
  }
  .empty {
    margin: 0;
    color: var(--_text-weak);
  }
`;
