import { css } from 'lit';

// The registration forms' fields: adopted by the element when the forms' code first arrives
// (registration-form.ts), so a page where nobody registers never loads them.
export const formFieldStyles = css`
  [part~='form'] {
    display: grid;
    gap: var(--_space-m);
    margin-top: var(--_space-s);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  label,
  legend {
    display: block;
    margin-bottom: var(--_space-xs);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-m);
  }
  /* A choice, not a label: the size and colour of the text. */
  .checks label {
    display: inline-flex;
    gap: var(--_space-xs);
    align-items: center;
    margin: 0;
    font-size: 1em;
    color: var(--_text);
  }
  select,
  input:not([type='checkbox']),
  textarea {
    width: 100%;
    min-height: 2.5em;
    padding: var(--_space-xs) var(--_space-s);
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  textarea {
    min-height: 5em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_negative);
  }
  .field-error,
  .eligibility {
    margin: var(--_space-xs) 0 0;
  }
  .field-error {
    color: var(--_negative);
  }
  /* Two fields side by side: the amount and its currency, a line's product code and quantity. */
  .pair {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(5em, 1fr);
    gap: var(--_space-s);
    margin-bottom: var(--_space-xs);
  }
  .buttons {
    display: flex;
    gap: var(--_space-s);
  }
`;
