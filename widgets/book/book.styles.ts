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
