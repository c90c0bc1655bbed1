import { css } from 'lit';
import { formPartStyles } from './form-parts.styles.ts';

// The registration forms' fields, with what every form shares: adopted by the element when the
// forms' code first arrives (registration-form.ts), so a page where nobody registers never loads them.
export const formFieldStyles = css`
  ${formPartStyles}
  label {
    display: block;
    margin-bottom: var(--_space-xs);
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
  .eligibility {
    margin: var(--_space-xs) 0 0;
  }
  /* Two fields side by side: the amount and its currency, a line's product code and quantity. */
  .pair {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(5em, 1fr);
    gap: var(--_space-s);
    margin-bottom: var(--_space-xs);
  }
`;
