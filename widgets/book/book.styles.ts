import { css } from 'lit';

export const bookStyles = css`
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
  [part~='search'] input {
    flex: 1 1 12em;
    min-width: 0;
    font: inherit;
  }
  ul.rows {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='row'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-xs) var(--_space-s);
    padding: var(--_space-s) 0;
    border-bottom: 1px solid var(--_border);
  }
  .name {
    flex: 1 1 12em;
    min-width: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta,
  .detail,
  .verdict,
  .actions {
    flex: 1 1 100%;
    min-width: 0;
    margin: 0;
  }
  .meta,
  .detail,
  .empty {
    color: var(--_text-weak);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: flex-start;
  }
  .more-area {
    margin-top: var(--_space-s);
  }
`;
