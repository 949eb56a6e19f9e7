import { css } from 'lit';

/** The colour schemes the dialog follows beyond its light defaults: dark mode and forced colours. */
export default css`
  @media (prefers-color-scheme: dark) {
    :host {
      --para-dialog-background: #151b23;
      --para-dialog-color: #f0f6fc;
      --para-dialog-muted-color: #9198a1;
      --para-dialog-border-color: #768390;
      --para-dialog-accent-color: #4493f8;
      --para-dialog-accent-text-color: #0d1117;
      --para-dialog-error-color: #ff7b72;
    }
  }

  /* High contrast: system colours, a thicker frame, and disabled shown as GrayText, not by opacity. */
  @media (forced-colors: active) {
    dialog,
    [part='resume'] {
      border: 2px solid CanvasText;
    }
    button,
    input,
    [part='account'] {
      border-color: ButtonText;
    }
    button.primary {
      border: 2px solid Highlight;
    }
    [aria-disabled='true'] {
      opacity: 1;
      color: GrayText;
      border-color: GrayText;
    }
    [part='icon'] {
      background: none;
      color: CanvasText;
    }
    [part='avatar'] {
      border: 1px solid CanvasText;
    }
    [part='spinner'] {
      border-color: CanvasText;
      border-right-color: transparent;
    }
  }
`;
