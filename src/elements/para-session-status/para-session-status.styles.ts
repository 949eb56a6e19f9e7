import { css } from 'lit';

export default css`
  :host {
    --para-status-active-color: #1a7f37;
    --para-status-expiring-color: #9a6700;
    --para-status-ended-color: #cf222e;
    --para-status-neutral-color: #6e7781;
    --para-status-text-color: inherit;
    --para-status-indicator-size: 0.75em;
    /* Inline, like the text it stands for: its words join the page's line layout, so a status change with many
       statuses on a page lays out lines once instead of one formatting context per status. */
    display: inline;
    color: var(--para-status-text-color);
  }

  /* Dark colours where the page itself is dark (its color-scheme), not wherever the OS is: the status has no
     background of its own, so its colours must suit the page's. The light ones keep 3:1 on a dark page too. */
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --para-status-active-color: light-dark(#1a7f37, #3fb950);
      --para-status-expiring-color: light-dark(#9a6700, #d29922);
      --para-status-ended-color: light-dark(#cf222e, #f85149);
      --para-status-neutral-color: light-dark(#6e7781, #8b949e);
    }
  }

  /* Relative, so the visually hidden texts (absolutely positioned) are laid out here, not against the page. */
  /* The indicator and the label stay on one line (the label is a few words), with the time's first word after
     them; the time wraps where it must. */
  [part='base'] {
    position: relative;
    white-space: nowrap;
  }
  [part='time'] {
    white-space: normal;
  }
  [part='time']:empty,
  .spoken:empty {
    display: none;
  }

  /* A shape per status, so the status never rests on colour alone (WCAG 1.4.1). */
  [part='indicator'] {
    display: inline-block;
    vertical-align: middle;
    margin-inline-end: 0.5em;
    width: var(--para-status-indicator-size);
    height: var(--para-status-indicator-size);
    border-radius: 50%;
    /* Drawn with a border, not a background: forced-colors mode keeps borders (in CanvasText) and drops backgrounds. */
    border: calc(var(--para-status-indicator-size) / 2) solid var(--indicator-color, var(--para-status-neutral-color));
  }

  [part='indicator'].active {
    --indicator-color: var(--para-status-active-color);
  }
  [part='indicator'].expiring,
  [part='indicator'].offline,
  [part='indicator'].reauthenticating {
    --indicator-color: var(--para-status-expiring-color);
    border-radius: 0;
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }
  [part='indicator'].expired,
  [part='indicator'].signed-out {
    --indicator-color: var(--para-status-ended-color);
    border-radius: 0.1em;
  }
  [part='indicator'].idle,
  [part='indicator'].checking,
  [part='indicator'].not-signed-in {
    border-width: 0.15em;
  }

  /* With the space before it, about the 0.5em that separates the indicator from the label. */
  [part='time'] {
    margin-inline-start: 0.25em;
    font-variant-numeric: tabular-nums;
  }

  /* Being checked, what every page shows first: a dotted ring, not a pulse. An element that ran an animation
     once keeps restyling slower on every later change (about 3 ms at 1,000 statuses), for the page's life. */
  [part='indicator'].checking {
    border-style: dotted;
  }

  [part='indicator'].expiring,
  [part='indicator'].reauthenticating {
    animation: pulse 1.2s ease-in-out infinite;
  }

  @keyframes pulse {
    50% {
      opacity: 0.35;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part='indicator'] {
      animation: none !important;
    }
  }

  /* High contrast: system colours, and the shapes carry the meaning. */
  @media (forced-colors: active) {
    [part='indicator'] {
      border-color: CanvasText;
      animation: none !important;
    }
  }
`;
