import { html, isServer, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_OPTIONS } from '../../core/options.js';
import { isUsableStatus, secondsLeft } from '../../core/state.js';
import type { SessionStatus } from '../../core/types.js';
import { ParaElement } from '../base/para-element.js';
import { CountdownController } from '../shared/countdown-controller.js';
import { CountdownSeconds } from '../shared/countdown-seconds.js';
import { writeTime, type FormatTimeHook, type TimeFormat } from '../shared/format-time.js';
import { LangController } from '../shared/lang-controller.js';
import { knownValue } from '../shared/known-value.js';
import { joinVoices, speaksFor } from '../shared/one-voice.js';
import { SessionConsumer } from '../shared/session-consumer.js';
import { ownTexts } from '../shared/own-texts.js';
import { stableText } from '../shared/stable-text.js';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';
import styles from './para-session-status.styles.js';
import type { ParaSessionStatusStrings, ParaSessionStatusStringsInput } from './status-strings.js';

const TIME_FORMATS: readonly TimeFormat[] = ['short', 'long'];

export type { ParaSessionStatusStrings, ParaSessionStatusStringsInput };

/** What the indicator shows: a status, or `not-signed-in` for a visitor who never was on this page. */
type Shown = SessionStatus | 'not-signed-in';

/**
 * @tag para-session-status
 * @summary Shows the session's status in words, an indicator whose shape and colour follow the status, and the time left.
 *
 * @csspart base - The wrapper of indicator, label and time.
 * @csspart indicator - The indicator: a circle (signed in), a triangle (ending soon, offline, signing in), a square (ended), a ring (no session), a dotted ring (being checked).
 * @csspart label - The status in words.
 * @csspart time - The time left.
 * @csspart announcement - The visually hidden live region: changes after the page loaded are announced, the first status, ticks and a change of language are not; with several statuses under one session, only the first rendered one speaks.
 *
 * @cssproperty [--para-status-active-color=#1a7f37] - Indicator colour while signed in.
 * @cssproperty [--para-status-expiring-color=#9a6700] - Indicator colour while ending soon, offline or signing in.
 * @cssproperty [--para-status-ended-color=#cf222e] - Indicator colour once ended or signed out.
 * @cssproperty [--para-status-neutral-color=#6e7781] - Indicator colour with no session or while checking.
 * @cssproperty [--para-status-text-color=inherit] - Text colour.
 * @cssproperty [--para-status-indicator-size=0.75em] - Size of the indicator.
 */
export class ParaSessionStatus extends ParaElement {
  static override styles = [ParaElement.styles, styles, visuallyHidden];

  /** `short` (`1 hr, 42 min`) or `long` (`1 hour, 42 minutes`), in the page's language. */
  @property({ attribute: 'format', reflect: true }) format: TimeFormat = 'short';

  /** Replaces any of the texts of the page's language; missing keys keep their defaults. */
  @property({ attribute: false }) strings: ParaSessionStatusStringsInput = {};

  /** Your own wording for a time; return `undefined` to keep the built-in one. */
  @property({ attribute: false }) formatTime?: FormatTimeHook;

  /** The status a screen reader is told about: only changes after the first settled status, by one status per session. */
  @state() private announced: Shown | null = null;

  private readonly session = new SessionConsumer(this, (context) => {
    // Another provider (moved by a framework's teleport or portal): its history, not the last one's.
    this.#wasSignedIn = false;
    this.#settled = null;
    this.announced = null;
    this.#follow(context.$state.get().status, context.$state.get());
    const leave = joinVoices(context, this);
    const stop = context.$state.listen((next) => this.#follow(next.status, next));
    return () => {
      stop();
      leave();
    };
  });
  private readonly language = new LangController(this);
  /** Read by tests: nothing may tick while the page is hidden. */
  protected readonly countdown: CountdownController;
  #settled: Shown | null = null;
  /** The seconds shown: never up again from 0:00 for a re-check. */
  readonly #countdown = new CountdownSeconds();
  #wasSignedIn = false;
  /** The live region's text: what was announced, emptied rather than spoken again when only its words change. */
  #announcement = '';

  constructor() {
    super();
    this.countdown = new CountdownController(this, {
      clock: () => this.session.clock,
      environment: () => this.session.environment,
      expiresAt: () => (this.#showsTime ? this.session.state.expiresAt : null),
      granularity: () => (this.#countsDown ? 'second' : 'minute'),
      probe: () => this.session.engine?.probeClock(),
      holding: () => this.#countdown.holding,
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#follow(this.session.state.status, this.session.state);
  }

  /**
   * Runs on each state change, outside rendering: the page load's first answer is shown, not announced,
   * and a change is announced by one status of the session (the others' live regions stay empty).
   */
  #follow(status: SessionStatus, state: unknown): void {
    if (isUsableStatus(status)) this.#wasSignedIn = true;
    if (status === 'idle' || status === 'checking') return;
    const shown = this.#shown(status);
    if (this.#settled !== null && shown !== this.#settled) this.announced = speaksFor(this.session.context, state, this) ? shown : null;
    this.#settled = shown;
  }

  #shown(status: SessionStatus): Shown {
    // Rendered on a server, no provider is reached yet: until the page's session answers, it is being checked.
    if (isServer && status === 'idle') return 'checking';
    // The session's own memory too: a status mounted after the sign-out (a route change) says the same as the others.
    return status === 'signed-out' && !this.#wasSignedIn && !this.session.engine?.wasSignedIn ? 'not-signed-in' : status;
  }

  /** A new language (or new texts) is no news: the same announcement in other words would be heard again. */
  protected override willUpdate(changed: PropertyValues): void {
    // Said when the attribute is set, not only once a time shows.
    if (changed.has('format')) knownValue(this, 'format', this.format, TIME_FORMATS, 'short');
    const words = this.announced ? this.#label(this.announced) : '';
    this.#announcement = changed.has('announced') || words === this.#announcement ? words : '';
  }

  get #showsTime(): boolean {
    const { status, expiresAt } = this.session.state;
    return expiresAt !== null && (status === 'active' || status === 'expiring' || status === 'offline');
  }

  /** Seconds, as the warning counts them: while ending soon, and offline inside the warning window too. */
  get #countsDown(): boolean {
    const { state } = this.session;
    if (state.status === 'expiring') return true;
    if (state.status !== 'offline') return false;
    const seconds = secondsLeft(state, this.session.clock.now());
    return seconds !== null && seconds <= (this.session.engine?.options.warnBefore ?? DEFAULT_OPTIONS.warnBefore);
  }

  get #text(): ParaSessionStatusStrings {
    const base = this.language.translation.status;
    const own = this.strings as ParaSessionStatusStringsInput | null | undefined;
    return { ...base, ...ownTexts(own, '<para-session-status> strings', ['status']), status: { ...base.status, ...ownTexts(own?.status, '<para-session-status> strings.status') } };
  }

  #label(shown: Shown, text = this.#text): string {
    return shown === 'not-signed-in' ? text.notSignedIn : text.status[shown];
  }

  /** The time left as shown, or '' when the status has none. */
  get timeLeftText(): string {
    return this.#timeLeft(this.#countsDown ? 'countdown' : 'duration');
  }

  #timeLeft(kind: 'countdown' | 'duration' | 'spoken', text = this.#text): string {
    const seconds = this.#countdown.read(this.session.state, this.session.clock, this.session.engine?.expiryProvisional ?? false);
    if (!this.#showsTime || seconds === null) return '';
    const context = { kind, locale: this.language.locale, format: knownValue(this, 'format', this.format, TIME_FORMATS, 'short') } as const;
    return text.timeLeft.replace('{time}', writeTime(seconds, context, this.formatTime));
  }

  protected override render() {
    const shown = this.#shown(this.session.state.status);
    // Merged once per render, not once per text.
    const text = this.#text;
    const expiring = this.#countsDown;
    const time = this.#timeLeft(expiring ? 'countdown' : 'duration', text);
    // The status class sits on the indicator, the only part it styles: a change restyles one node, not the subtree.
    // The layout is inline, so white space is text: none around the indicator (its margin spaces it), and one
    // space before the time, so the label and the time read as two words, not one ("Signed in 2 hr left").
    // The nodes never change, only their texts: with no time, the time and its spoken form are empty (and not
    // displayed). Adding and removing them on each change cost 1,000 statuses about 10 ms more script.
    // prettier-ignore
    return this.rendered(html`<span part="base" lang=${this.language.locale} dir=${this.language.dir}><span part="indicator" class=${shown} aria-hidden="true"></span><span part="label">${this.#label(shown, text)}</span>${stableText(time ? ' ' : '')}<span part="time" aria-hidden=${ifDefined(expiring ? 'true' : undefined)}>${stableText(time)}</span><span class="visually-hidden spoken">${stableText(time && expiring ? this.#timeLeft('spoken', text) : '')}</span><span part="announcement" class="visually-hidden" role="status">${stableText(this.#announcement)}</span></span>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'para-session-status': ParaSessionStatus;
  }
}
