import { css } from 'lit';

// What the registration forms share (form-parts.ts): a form's frame, the presales checkboxes, a
// field's error, the submit and cancel buttons. The listed deal's and the typed deal's forms adopt
// it with their fields (form-fields.styles.ts); a CRM deal's presales form, inside its row, too.
export const formPartStyles = css`
  [part~='form'] {
    display: grid;
    gap: var(--_space-m);
    margin-top: var(--_space-s);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
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
  [aria-invalid='true'] {
    border-color: var(--_negative);
  }
  .field-error {
    margin: var(--_space-xs) 0 0;
    color: var(--_negative);
  }
  .buttons {
    display: flex;
    gap: var(--_space-s);
  }
`;
