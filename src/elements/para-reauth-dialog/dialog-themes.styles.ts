import { css } from 'lit';

/** The colour schemes the dialog follows beyond its light defaults: the page's dark scheme and forced colours. */
export default css`
  /* Dark where the page is (its color-scheme; "light dark" follows the OS), as the status is, not wherever the
     OS is: a light-only app gets the light dialog. */
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --para-dialog-background: light-dark(#ffffff, #151b23);
      --para-dialog-color: light-dark(#1f2328, #f0f6fc);
      --para-dialog-muted-color: light-dark(#59636e, #9198a1);
      --para-dialog-border-color: light-dark(#818b98, #768390);
      --para-dialog-accent-color: light-dark(#0969da, #4493f8);
      --para-dialog-accent-text-color: light-dark(#ffffff, #0d1117);
      --para-dialog-error-color: light-dark(#cf222e, #ff7b72);
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
