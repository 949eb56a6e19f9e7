import { css } from 'lit';

/**
 * Text only screen readers get: off-screen but still in the accessibility tree. An empty one (a live region
 * waiting for news) stays an empty inline box: no positioned box to lay out on every change of the page.
 */
export const visuallyHidden = css`
  .visually-hidden:not(:empty) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .visually-hidden:empty {
    margin: 0;
  }
`;
