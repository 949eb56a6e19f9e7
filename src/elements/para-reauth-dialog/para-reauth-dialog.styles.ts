import { css } from 'lit';

export default css`
  :host {
    --para-dialog-width: 26rem;
    --para-dialog-background: #ffffff;
    --para-dialog-color: #1f2328;
    --para-dialog-muted-color: #59636e;
    --para-dialog-border-color: #818b98;
    --para-dialog-accent-color: #0969da;
    --para-dialog-accent-text-color: #ffffff;
    --para-dialog-error-color: #cf222e;
    --para-dialog-backdrop: rgb(0 0 0 / 0.45);
    --para-dialog-radius: 0.75rem;
    display: contents;
  }

  dialog,
  [part='resume'] {
    background: var(--para-dialog-background);
    color: var(--para-dialog-color);
    font: inherit;
    border: 1px solid var(--para-dialog-border-color);
    border-radius: var(--para-dialog-radius);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.25);
  }

  dialog {
    width: min(var(--para-dialog-width), calc(100vw - 2rem));
    padding: 1.5rem;
  }

  dialog::backdrop {
    background: var(--para-dialog-backdrop);
  }

  [part='header'] {
    display: grid;
    /* minmax: a long email in the heading wraps instead of widening the column past the dialog (320 px reflow). */
    grid-template-columns: auto minmax(0, 1fr);
    padding-inline-end: 2rem;
    align-items: start;
    gap: 0.75rem;
    margin-block-end: 0.5rem;
  }

  [part='icon'] {
    width: 2.25rem;
    height: 2.25rem;
    padding: 0.375rem;
    border-radius: 50%;
    color: var(--para-dialog-accent-color);
    background: color-mix(in srgb, var(--para-dialog-accent-color) 12%, transparent);
  }

  h2,
  p {
    overflow-wrap: anywhere;
  }

  h2 {
    margin: 0;
    padding-block-start: 0.25rem;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--para-dialog-accent-color);
    outline-offset: 2px;
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
    unicode-bidi: isolate;
    direction: ltr;
  }

  [part='account'] {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-block-end: 1rem;
    padding: 0.75rem;
    border: 1px solid var(--para-dialog-border-color);
    border-radius: calc(var(--para-dialog-radius) * 0.75);
  }

  [part='avatar'] {
    display: grid;
    place-items: center;
    flex: none;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: 50%;
    background: var(--para-dialog-accent-color);
    color: var(--para-dialog-accent-text-color);
    font-weight: 600;
  }

  [part='account-text'] {
    display: grid;
    min-width: 0;
  }
  [part='account-name'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='account-id'] {
    color: var(--para-dialog-muted-color);
    font-size: 0.875rem;
    text-align: start;
  }

  form,
  [part='providers'] {
    display: grid;
    gap: 0.5rem;
  }

  label {
    font-weight: 600;
  }

  input {
    /* Not its intrinsic width (about 20 characters): at 320 px with a classic scrollbar the field set the form's
       column, and the dialog scrolled sideways (WCAG 1.4.10). */
    min-width: 0;
    font: inherit;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--para-dialog-border-color);
    border-radius: 0.375rem;
    background: transparent;
    color: inherit;
  }

  input[dir='ltr'] {
    text-align: start;
  }
  :host-context([dir='rtl']) input[dir='ltr'],
  [dir='rtl'] input[dir='ltr'] {
    text-align: end;
  }

  input[aria-invalid='true'] {
    border-color: var(--para-dialog-error-color);
    border-width: 2px;
  }

  [part~='hint'] {
    margin: 0;
    font-size: 0.875rem;
  }
  [part~='hint'][part~='error'] {
    color: var(--para-dialog-error-color);
  }

  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: 1rem;
  }

  .divider {
    margin: 1rem 0 0.75rem;
    text-align: center;
    font-size: 0.875rem;
  }

  /* 24 CSS px at least (WCAG 2.5.8) in px, not rem: a page whose root font size is 62.5 % shrinks every rem. */
  button {
    font: inherit;
    min-width: 24px;
    min-height: 24px;
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

  /* The main action spans the dialog, so it reads as the way on. */
  form button.primary,
  dialog > button.primary,
  [part~='button-provider'].primary,
  [part='actions'] button.primary:only-child {
    width: 100%;
  }
  [part='actions'] > button.primary:first-child:not(:only-child) {
    flex: 1 1 100%;
  }

  button.link {
    justify-self: start;
    margin-block-start: 0.5rem;
    padding: 0.25rem 0;
    border: none;
    color: var(--para-dialog-accent-color);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  [part='close'] {
    position: absolute;
    inset-block-start: 1rem;
    inset-inline-end: 1rem;
    padding: 0.25rem 0.5rem;
    border-color: transparent;
    font-size: 1.25em;
    line-height: 1;
  }

  [aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
    border-style: dashed;
  }

  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--para-dialog-accent-color);
    outline-offset: 2px;
  }

  [part='error'] {
    color: var(--para-dialog-error-color);
  }

  /* A manual popover in the top layer (where popovers are missing, fixed above the page by its z-index). Its
     place and size are set here over the popover's own centred, fit-content box. */
  [part='resume'] {
    position: fixed;
    inset: auto 1rem 1rem;
    z-index: 1000;
    width: auto;
    height: auto;
    overflow: visible;
    margin-block: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    max-width: 40rem;
    margin-inline: auto;
    padding: 0.75rem 1rem;
  }
  [part='resume'] p {
    margin: 0;
    color: inherit;
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
`;
