import { css } from 'lit';

/** A list of deals, one row each (the status list's, the CRM deals' and the book's): its name, figures, details and actions. */
export const rowStyles = css`
  ul.rows {
    margin: 0;
    padding: 0;
    list-style: none;
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
    margin: 0;
    color: var(--_text-weak);
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
  /* One brand button per row: while the extension can be requested it is the row's; the quote's turns neutral. */
  .extend dealreg-quote-button::part(request-button) {
    color: var(--_brand);
    background: var(--_surface);
    border-color: var(--_border);
  }
`;
