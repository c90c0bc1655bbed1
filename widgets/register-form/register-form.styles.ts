import { css } from 'lit';

// What shows while the form is closed: the outcome under the button. The form's own rules
// (form-fields.styles.ts) come with its code, adopted when the form first opens.
export const registerFormStyles = css`
  [part~='outcome'] p,
  [part~='outcome'] ul {
    margin: var(--_space-xs) 0 0;
  }
  /* Below the button or the form; without a button (a panel's), none above it. */
  * + [part~='outcome'] {
    margin-top: var(--_space-s);
  }
`;
