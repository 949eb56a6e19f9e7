import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { secondsLeft } from '../../core/state.js';
import { ParaElement } from '../base/para-element.js';
import { CountdownController } from '../shared/countdown-controller.js';
import { formatCountdown, formatDuration, type TimeFormat } from '../shared/format-time.js';
import { SessionConsumer } from '../shared/session-consumer.js';
import styles from './para-session-status.styles.js';
import { defaultStatusStrings, type ParaSessionStatusStrings } from './status-strings.js';

export type { ParaSessionStatusStrings };

/**
 * @tag para-session-status
 * @summary Shows the session's status in words, a coloured indicator and the time left.
 *
 * @csspart base - The wrapper of indicator, label and time.
 * @csspart indicator - The coloured dot.
 * @csspart label - The status in words (a polite live region: status changes are announced, ticks are not).
 * @csspart time - The time left.
 *
 * @cssproperty [--para-status-active-color=#1a7f37] - Indicator colour while signed in.
 * @cssproperty [--para-status-expiring-color=#9a6700] - Indicator colour while ending soon, offline or signing in.
 * @cssproperty [--para-status-ended-color=#cf222e] - Indicator colour once ended or signed out.
 * @cssproperty [--para-status-neutral-color=#6e7781] - Indicator colour with no session or while checking.
 * @cssproperty [--para-status-text-color=inherit] - Text colour.
 * @cssproperty [--para-status-indicator-size=0.625em] - Diameter of the indicator.
 */
export class ParaSessionStatus extends ParaElement {
  static override styles = [ParaElement.styles, styles];

  /** `short` (`1 h 42 min`) or `long` (`1 hour 42 minutes`). */
  @property({ attribute: 'format', reflect: true }) format: TimeFormat = 'short';

  /** Replaces any of the texts; missing keys keep their defaults. */
  @property({ attribute: false }) strings: Partial<ParaSessionStatusStrings> = {};

  private readonly session = new SessionConsumer(this);
  /** Read by tests: nothing may tick while the page is hidden. */
  protected readonly countdown: CountdownController;

  constructor() {
    super();
    this.countdown = new CountdownController(this, {
      clock: () => this.session.clock,
      environment: () => this.session.environment,
      expiresAt: () => (this.showsTime ? this.session.state.expiresAt : null),
      granularity: () => (this.session.state.status === 'expiring' ? 'second' : 'minute'),
    });
  }

  override connectedCallback(): void {
    this.upgradeProperty('strings');
    this.upgradeProperty('format');
    super.connectedCallback();
  }

  private get showsTime(): boolean {
    const { status, expiresAt } = this.session.state;
    return expiresAt !== null && (status === 'active' || status === 'expiring' || status === 'offline');
  }

  /** The time left as shown, or '' when the status has none. */
  get timeLeftText(): string {
    const seconds = secondsLeft(this.session.state, this.session.clock.now());
    if (!this.showsTime || seconds === null) return '';
    const format = this.format === 'long' ? 'long' : 'short';
    const time = this.session.state.status === 'expiring' ? formatCountdown(seconds) : formatDuration(seconds, format);
    const template = this.strings.timeLeft ?? defaultStatusStrings.timeLeft;
    return template.replace('{time}', time);
  }

  protected override render() {
    const { status } = this.session.state;
    const label = this.strings.status?.[status] ?? defaultStatusStrings.status[status];
    const time = this.timeLeftText;
    return html`<span part="base" class=${status}>
      <span part="indicator" aria-hidden="true"></span>
      <span part="label" role="status">${label}</span>
      ${time ? html`<span part="time">${time}</span>` : null}
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'para-session-status': ParaSessionStatus;
  }
}
