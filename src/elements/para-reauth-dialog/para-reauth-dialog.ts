import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { secondsLeft } from '../../core/state.js';
import type { ParaIdentity } from '../../core/types.js';
import { isSwitchedAccount, OAUTH_METHODS, openAuthPopup, ReauthAttempt, type OAuthMethod, type ReauthFailure, type ReauthMethod } from '../../para/reauth.js';
import { ParaElement } from '../base/para-element.js';
import { ParaRequestCloseEvent, type ParaReauthCompleteDetail } from '../events.js';
import { CountdownController } from '../shared/countdown-controller.js';
import { deepActiveElement } from '../shared/focus.js';
import { ANNOUNCED_SECONDS, formatCountdown, speakCountdown } from '../shared/format-time.js';
import { SessionConsumer } from '../shared/session-consumer.js';
import { defaultDialogStrings, fill, type ParaReauthDialogStrings } from './dialog-strings.js';
import { errorView, progressView, signInForm, switchedAccountView } from './dialog-views.js';
import styles from './para-reauth-dialog.styles.js';

export type { ParaReauthDialogStrings };
type Mode = 'warning' | 'expired';
type Phase = { step: 'form' } | { step: 'progress' } | { step: 'error'; failure: ReauthFailure; message: string; retry: ReauthMethod } | { step: 'switched'; identity: ParaIdentity; previous: ParaIdentity };

/**
 * @tag para-reauth-dialog
 * @summary Warns before the session ends and, once it has, signs the user in again without leaving the page.
 *
 * @slot warning-title - Replaces the warning heading.
 * @slot expired-title - Replaces the expired heading.
 * @slot expired-description - Replaces the text explaining that the session ended.
 * @slot auth - Your own sign-in UI instead of the built-in one; the dialog closes when the session is active again.
 *
 * @fires {ParaRequestCloseEvent} para-request-close - Escape or Cancel asks to close; cancelable. `detail: { source: 'escape' | 'cancel-button' }`
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The heading.
 * @csspart description - The explanation under the heading.
 * @csspart countdown - The time left in warning mode.
 * @csspart form - The email form.
 * @csspart input - The email field.
 * @csspart providers - The OAuth buttons' wrapper.
 * @csspart actions - The button row.
 * @csspart button - Every button. Also `button-primary`, `button-provider`.
 * @csspart error - An error or wrong-account message.
 * @csspart spinner - The progress indicator.
 *
 * @cssproperty [--para-dialog-width=26rem] - Width of the dialog.
 * @cssproperty [--para-dialog-background=#ffffff] - Background.
 * @cssproperty [--para-dialog-color=#1f2328] - Text colour.
 * @cssproperty [--para-dialog-muted-color=#59636e] - Secondary text colour.
 * @cssproperty [--para-dialog-border-color=#d1d9e0] - Borders of the dialog, inputs and buttons.
 * @cssproperty [--para-dialog-accent-color=#0969da] - Primary button and focus ring.
 * @cssproperty [--para-dialog-accent-text-color=#ffffff] - Text on the primary button.
 * @cssproperty [--para-dialog-error-color=#cf222e] - Error text.
 * @cssproperty [--para-dialog-backdrop=rgb(0 0 0 / 0.45)] - Backdrop behind the dialog.
 * @cssproperty [--para-dialog-radius=0.75rem] - Corner radius.
 */
export class ParaReauthDialog extends ParaElement {
  static override styles = [ParaElement.styles, styles];

  /** OAuth methods offered after an expiry, space-separated: `google apple discord x facebook telegram farcaster`. */
  @property({ attribute: 'oauth', reflect: true }) oauth = '';

  /** Replaces any of the texts; missing keys keep their defaults. */
  @property({ attribute: false }) strings: Partial<ParaReauthDialogStrings> = {};

  /** Which mode is showing, or `null` while closed. */
  @state() protected mode: Mode | null = null;
  @state() protected phase: Phase = { step: 'form' };
  @state() protected email = '';
  @state() protected extending = false;
  @state() protected extendFailed = false;
  @state() protected announcement = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly session = new SessionConsumer(this, (context) => context.onReauthComplete((detail) => this.onReauthComplete(detail)));
  private warningDismissed = false;
  private attempt: ReauthAttempt | null = null;
  private returnFocus: HTMLElement | null = null;
  private lastSecondsLeft: number | null = null;
  private warnedOauth = '';
  /** Whose session ended: a sign-in as anyone else is reported, not silently accepted. */
  private expectedIdentity: ParaIdentity | null = null;

  constructor() {
    super();
    new CountdownController(this, {
      clock: () => this.session.clock,
      environment: () => this.session.environment,
      expiresAt: () => (this.mode === 'warning' ? this.session.state.expiresAt : null),
      granularity: () => 'second',
    });
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.mode !== null;
  }

  private get text(): ParaReauthDialogStrings {
    return { ...defaultDialogStrings, ...this.strings };
  }

  /** The OAuth methods from the `oauth` attribute that the SDK knows. */
  get providers(): OAuthMethod[] {
    const tokens = this.oauth.split(/\s+/).filter(Boolean);
    const unknown = tokens.filter((token) => !OAUTH_METHODS.includes(token.toUpperCase() as OAuthMethod));
    if (unknown.length && this.warnedOauth !== this.oauth) {
      this.warnedOauth = this.oauth;
      console.warn(`<para-reauth-dialog>: oauth="${this.oauth}" has unknown methods (${unknown.join(', ')}); ignoring them. Known: ${OAUTH_METHODS.join(', ').toLowerCase()}.`);
    }
    return tokens.map((token) => token.toUpperCase() as OAuthMethod).filter((method) => OAUTH_METHODS.includes(method));
  }

  override connectedCallback(): void {
    this.upgradeProperty('strings');
    this.upgradeProperty('oauth');
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.mode) this.closeDialog();
  }

  private get wantedMode(): Mode | null {
    const { status } = this.session.state;
    // A sign-in in flight, or its outcome, stays on screen until the user moves on.
    if (this.mode === 'expired' && this.phase.step !== 'form') return 'expired';
    const reauth = this.session.reauth;
    if (reauth?.handledBy === 'kit' && (status === 'expired' || status === 'reauthenticating')) return 'expired';
    if (status === 'expiring' && !this.warningDismissed) return 'warning';
    return null;
  }

  protected override willUpdate(): void {
    // A dismissed warning comes back for the next expiry, not this one.
    if (this.session.state.status !== 'expiring') this.warningDismissed = false;
    const wanted = this.wantedMode;
    const context = this.session.context;
    if (wanted && context?.claimDialog(this)) {
      if (wanted !== this.mode) this.enterMode(wanted);
    } else if (this.mode) {
      this.leave();
    }
    if (this.mode === 'warning') this.updateAnnouncement();
  }

  protected override updated(changed: PropertyValues): void {
    // Opening and focusing count as user activity, which changes the session state this element renders:
    // after this update has finished, so no update is scheduled from inside it (lit.dev/msg/change-in-update).
    queueMicrotask(() => this.syncDialog(changed));
  }

  private syncDialog(changed: PropertyValues): void {
    const dialog = this.dialog;
    if (this.mode && !dialog.open && this.isConnected) {
      dialog.showModal();
      this.focusFirst();
    } else if (this.mode && changed.has('mode')) {
      this.focusFirst();
    } else if (changed.has('phase') && this.mode) {
      this.focusFirst();
    } else if (!this.mode && dialog.open) {
      dialog.close();
      this.returnFocus?.focus();
      this.returnFocus = null;
    }
  }

  private enterMode(mode: Mode): void {
    if (!this.mode) this.returnFocus = deepActiveElement();
    this.session.engine?.holdWarning(mode === 'warning');
    if (mode === 'expired' && this.mode !== 'expired') {
      this.expectedIdentity = this.session.engine?.lastIdentity ?? null;
      this.email = this.expectedIdentity?.email ?? '';
    }
    this.extendFailed = false;
    this.lastSecondsLeft = null;
    this.announcement = '';
    this.mode = mode;
  }

  private leave(): void {
    if (this.mode === 'warning') this.session.engine?.holdWarning(false);
    this.mode = null;
    this.phase = { step: 'form' };
    this.session.context?.releaseDialog(this);
  }

  /** Called on disconnect: the element will not update again, so close the native dialog here. */
  private closeDialog(): void {
    void this.attempt?.cancel();
    this.attempt = null;
    this.leave();
    if (this.dialog?.open) this.dialog.close();
  }

  private focusFirst(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('[autofocus]') ?? this.renderRoot.querySelector<HTMLElement>('button');
    target?.focus();
  }

  private updateAnnouncement(): void {
    const seconds = secondsLeft(this.session.state, this.session.clock.now());
    if (seconds === null) return;
    const previous = this.lastSecondsLeft;
    this.lastSecondsLeft = seconds;
    const mark = ANNOUNCED_SECONDS.find((at) => previous !== null && previous > at && seconds <= at);
    if (mark !== undefined) this.announcement = fill(this.text.warningAnnouncement, { time: speakCountdown(seconds) });
  }

  // ——— the user's choices ———

  private onCancelEvent = (event: Event) => {
    event.preventDefault();
    this.requestClose('escape');
  };

  private requestClose(source: 'escape' | 'cancel-button'): void {
    if (this.emit(new ParaRequestCloseEvent({ source })).defaultPrevented) return;
    if (this.mode === 'warning') {
      this.warningDismissed = true;
      this.requestUpdate();
      return;
    }
    void this.attempt?.cancel();
    this.attempt = null;
    this.phase = { step: 'form' };
    this.session.engine?.cancelReauth(source === 'escape' ? 'dismissed' : 'cancelled');
  }

  private async staySignedIn(): Promise<void> {
    const engine = this.session.engine;
    if (!engine || this.extending) return;
    this.extending = true;
    this.extendFailed = false;
    const extended = await engine.extend();
    this.extending = false;
    // Success shows as the status leaving `expiring`, which closes the dialog.
    if (!extended) this.extendFailed = true;
  }

  private signOut(): void {
    void this.session.engine?.logout();
  }

  /** Runs in the submit/click handler: the popup must open before anything is awaited. */
  private signIn(method: ReauthMethod): void {
    const engine = this.session.engine;
    if (!engine || this.phase.step === 'progress') return;
    const attempt = new ReauthAttempt(engine, openAuthPopup());
    this.attempt = attempt;
    this.phase = { step: 'progress' };
    void attempt.run(method).then((outcome) => {
      if (this.attempt !== attempt) return;
      this.attempt = null;
      if (outcome.ok) {
        if (this.phase.step === 'progress') this.phase = { step: 'form' };
        return;
      }
      if (outcome.cancelled) return;
      this.phase = { step: 'error', failure: outcome.failure, message: outcome.message, retry: method };
    });
  }

  private onReauthComplete(detail: ParaReauthCompleteDetail): void {
    const expected = this.expectedIdentity ?? detail.previous;
    if (this.mode !== 'expired' || !isSwitchedAccount(detail.identity, expected)) return;
    this.phase = { step: 'switched', identity: detail.identity, previous: expected };
  }

  // ——— rendering ———

  protected override render() {
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      aria-describedby="description"
      @cancel=${this.onCancelEvent}
    >
      ${this.mode === 'warning' ? this.renderWarning() : this.mode === 'expired' ? this.renderExpired() : nothing}
    </dialog>`;
  }

  private renderWarning() {
    const t = this.text;
    const seconds = secondsLeft(this.session.state, this.session.clock.now()) ?? 0;
    const [before, after] = t.warningDescription.split('{time}');
    return html`
      <h2 id="title" part="title"><slot name="warning-title">${t.warningTitle}</slot></h2>
      <p id="description" part="description">${before}<span part="countdown">${formatCountdown(seconds)}</span>${after ?? ''}</p>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      ${this.extendFailed ? html`<p part="error" role="alert">${t.extendFailed}</p>` : nothing}
      <div part="actions">
        <button part="button" type="button" @click=${this.signOut}>${t.signOut}</button>
        <button class="primary" part="button button-primary" type="button" autofocus ?disabled=${this.extending} aria-busy=${this.extending ? 'true' : 'false'} @click=${this.staySignedIn}>
          ${t.staySignedIn}
        </button>
      </div>
    `;
  }

  private renderExpired() {
    const t = this.text;
    const phase = this.phase;
    const title = phase.step === 'switched' ? t.switchedTitle : phase.step === 'progress' ? t.progressTitle : t.expiredTitle;
    return html`
      <h2 id="title" part="title"><slot name="expired-title">${title}</slot></h2>
      <p id="description" part="description"><slot name="expired-description">${t.expiredDescription}</slot></p>
      ${this.hasAppSignIn ? html`<slot name="auth"></slot>` : this.renderSignInStep(phase, t)}
    `;
  }

  private renderSignInStep(phase: Phase, t: ParaReauthDialogStrings) {
    const cancel = () => this.requestClose('cancel-button');
    switch (phase.step) {
      case 'progress':
        return progressView(t, cancel);
      case 'error':
        return errorView(t, phase.failure, phase.message, () => this.signIn(phase.retry), cancel);
      case 'switched': {
        const name = (identity: ParaIdentity) => identity.email ?? identity.userId ?? t.unknownAccount;
        const names = { current: name(phase.identity), previous: name(phase.previous) };
        const continueAsCurrent = () => (this.phase = { step: 'form' });
        const signInAsPrevious = () => {
          this.email = phase.previous.email ?? '';
          this.signIn({ type: 'email', email: this.email });
        };
        return switchedAccountView(t, names, continueAsCurrent, signInAsPrevious);
      }
      default:
        return signInForm({
          strings: t,
          email: this.email,
          providers: this.providers,
          onEmailInput: (event) => (this.email = (event.target as HTMLInputElement).value),
          onEmailSubmit: (event) => {
            event.preventDefault();
            this.signIn({ type: 'email', email: this.email.trim() });
          },
          onProvider: (method) => this.signIn({ type: 'oauth', method }),
          onCancel: cancel,
        });
    }
  }

  private get hasAppSignIn(): boolean {
    return this.querySelector(':scope > [slot="auth"]') !== null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'para-reauth-dialog': ParaReauthDialog;
  }
}
