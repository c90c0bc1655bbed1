import { css } from 'lit';

export const eligibilityStyles = css`
  h3,
  h4 {
    margin: 0 0 var(--_space-xs);
    font-size: 1em;
  }
  .decision {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    margin: 0 0 var(--_space-s);
  }
  ul.hints {
    margin: 0 0 var(--_space-m);
    padding: 0;
    list-style: none;
  }
  [part~='hint'] {
    display: flex;
    gap: var(--_space-xs);
    padding: var(--_space-xs) 0;
  }
  /* The icon on the first line of text (line-height 1.5 around a 1em icon). */
  [part~='hint'] .icon {
    padding-top: 0.25em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: var(--_space-s);
  }
  th,
  td {
    padding: var(--_space-xs) var(--_space-s) var(--_space-xs) 0;
    text-align: start;
    border-bottom: 1px solid var(--_border);
  }
  /* A column of numbers: its heading aligned with them. */
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  ul.refresh {
    margin: 0;
    padding-inline-start: var(--_space-l);
  }
`;
