import { css } from 'lit';

export default css`
  :host {
    --para-dialog-width: 26rem;
    --para-dialog-background: #ffffff;
    --para-dialog-color: #1f2328;
    --para-dialog-muted-color: #59636e;
    --para-dialog-border-color: #d1d9e0;
    --para-dialog-accent-color: #0969da;
    --para-dialog-accent-text-color: #ffffff;
    --para-dialog-error-color: #cf222e;
    --para-dialog-backdrop: rgb(0 0 0 / 0.45);
    --para-dialog-radius: 0.75rem;
    display: contents;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --para-dialog-background: #151b23;
      --para-dialog-color: #f0f6fc;
      --para-dialog-muted-color: #9198a1;
      --para-dialog-border-color: #3d444d;
      --para-dialog-accent-color: #4493f8;
      --para-dialog-accent-text-color: #0d1117;
      --para-dialog-error-color: #ff7b72;
    }
  }

  dialog {
    width: min(var(--para-dialog-width), calc(100vw - 2rem));
    padding: 1.5rem;
    border: 1px solid var(--para-dialog-border-color);
    border-radius: var(--para-dialog-radius);
    background: var(--para-dialog-background);
    color: var(--para-dialog-color);
    font: inherit;
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.25);
  }

  dialog::backdrop {
    background: var(--para-dialog-backdrop);
  }

  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  p {
    margin: 0 0 1rem;
    color: var(--para-dialog-muted-color);
    line-height: 1.5;
  }

  [part='countdown'] {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    color: var(--para-dialog-color);
  }

  form {
    display: grid;
    gap: 0.5rem;
  }

  label {
    font-weight: 600;
  }

  input {
    font: inherit;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--para-dialog-border-color);
    border-radius: 0.375rem;
    background: transparent;
    color: inherit;
  }

  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-top: 1rem;
  }

  [part='providers'] {
    display: grid;
    gap: 0.5rem;
  }

  .divider {
    margin: 1rem 0 0.75rem;
    text-align: center;
    font-size: 0.875rem;
  }

  button {
    font: inherit;
    padding: 0.5rem 1rem;
    border-radius: 0.375rem;
    border: 1px solid var(--para-dialog-border-color);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }

  button.primary {
    border-color: var(--para-dialog-accent-color);
    background: var(--para-dialog-accent-color);
    color: var(--para-dialog-accent-text-color);
    font-weight: 600;
  }

  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }

  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--para-dialog-accent-color);
    outline-offset: 2px;
  }

  [part='error'] {
    color: var(--para-dialog-error-color);
  }

  [part='spinner'] {
    display: inline-block;
    width: 1rem;
    height: 1rem;
    margin-inline-end: 0.5rem;
    vertical-align: -0.15rem;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part='spinner'] {
      animation: none;
      border-right-color: currentColor;
      opacity: 0.6;
    }
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
