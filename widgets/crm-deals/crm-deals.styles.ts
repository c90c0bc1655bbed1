import { css } from 'lit';

// Beside the status list's row styles (status.styles.ts): the presales form inside a row, and the
// invalid records named.
export const crmDealsStyles = css`
  .checking {
    color: var(--_text-weak);
  }
  .presales {
    flex: 1 1 100%;
    display: grid;
    gap: var(--_space-s);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_space-xs);
    font-size: max(12px, 0.85em);
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-m);
  }
  .checks label {
    display: inline-flex;
    gap: var(--_space-xs);
    align-items: center;
  }
  .buttons {
    display: flex;
    gap: var(--_space-s);
  }
  .field-error {
    margin: var(--_space-xs) 0 0;
    color: var(--_negative);
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
