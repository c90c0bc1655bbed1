import { css } from 'lit';

// Beside the status list's row styles (status.styles.ts) and the forms' shared parts
// (form-parts.styles.ts): the presales form across a row, and the invalid records named.
export const crmDealsStyles = css`
  .checking {
    color: var(--_text-weak);
  }
  .presales {
    flex: 1 1 100%;
  }
  .notice {
    margin: 0 0 var(--_space-s);
  }
  [data-code='invalid-records'] {
    margin-bottom: var(--_space-m);
  }
  [data-code='invalid-records'] ul {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: var(--_space-l);
  }
`;
