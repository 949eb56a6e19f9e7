import { css } from 'lit';

export default css`
  :host {
    --para-status-active-color: #1a7f37;
    --para-status-expiring-color: #9a6700;
    --para-status-ended-color: #cf222e;
    --para-status-neutral-color: #6e7781;
    --para-status-text-color: inherit;
    --para-status-indicator-size: 0.625em;
    display: inline-block;
    color: var(--para-status-text-color);
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --para-status-active-color: #3fb950;
      --para-status-expiring-color: #d29922;
      --para-status-ended-color: #f85149;
      --para-status-neutral-color: #8b949e;
    }
  }

  [part='base'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }

  [part='indicator'] {
    flex: none;
    width: var(--para-status-indicator-size);
    height: var(--para-status-indicator-size);
    border-radius: 50%;
    background: var(--indicator-color, var(--para-status-neutral-color));
  }

  [part='time'] {
    font-variant-numeric: tabular-nums;
    opacity: 0.85;
  }

  .active {
    --indicator-color: var(--para-status-active-color);
  }
  .expiring {
    --indicator-color: var(--para-status-expiring-color);
  }
  .expired,
  .signed-out {
    --indicator-color: var(--para-status-ended-color);
  }
  .offline,
  .reauthenticating {
    --indicator-color: var(--para-status-expiring-color);
  }

  .expiring [part='indicator'],
  .checking [part='indicator'],
  .reauthenticating [part='indicator'] {
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
`;
