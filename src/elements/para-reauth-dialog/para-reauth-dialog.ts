import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ParaSessionEngine } from '../../core/engine.js';
import { isUsableStatus } from '../../core/state.js';
import { OAUTH_METHODS, oauthMethodNamed, type OAuthMethod } from '../../para/reauth.js';
import { ParaElement } from '../base/para-element.js';
import type { ParaSessionContext } from '../context.js';
import { ParaRequestCloseEvent, type ParaReauthCompleteDetail } from '../events.js';
import { guardFallbackFocus, restoreFocus } from '../shared/focus.js';
import { writeTime, type FormatTimeHook, type TimeFormatContext } from '../shared/format-time.js';
import { HasSlotController } from '../shared/has-slot-controller.js';
import { knownValue } from '../shared/known-value.js';
import { LangController } from '../shared/lang-controller.js';
import { ownTexts } from '../shared/own-texts.js';
import { ScrollRoom } from '../shared/scroll-room.js';
import { SessionConsumer } from '../shared/session-consumer.js';
import { showOnTop } from '../shared/top-layer.js';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';
import type { ParaReauthDialogStrings } from './dialog-strings.js';
import dialogThemes from './dialog-themes.styles.js';
import { closeButton, resumeBar } from './dialog-views.js';
import { ExpiredMode } from './expired-mode.js';
import { ModalController } from './modal-controller.js';
import styles from './para-reauth-dialog.styles.js';
import { SignInController } from './sign-in-controller.js';
import { WarningMode } from './warning-mode.js';

const REAUTH_FLOWS = ['full', 'refresh'] as const;

export type { ParaReauthDialogStrings };
/** `resume` is not modal: after Cancel, a bar at the foot of the page offers the way back in. */
type Mode = 'warning' | 'expired' | 'resume';

/**
 * @tag para-reauth-dialog
 * @summary Warns before the session ends and, once it has, signs the user in again without leaving the page.
 *
 * @slot warning-title - Replaces the warning heading.
 * @slot expired-title - Replaces the expired heading.
 * @slot expired-description - Replaces the text explaining that the session ended.
 * @slot auth - Your own sign-in UI instead of the built-in one; the dialog closes when the session is active again.
 *
 * @fires {ParaRequestCloseEvent} para-request-close - Escape, the close button or Cancel asks to close; cancelable. `detail: { source: 'escape' | 'close-button' | 'cancel-button' }`
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart icon - The clock or lock icon above the heading.
 * @csspart title - The heading.
 * @csspart close - The close button (stays signed in while warning; cancels once expired).
 * @csspart description - The explanation under the heading.
 * @csspart countdown - The time left in warning mode.
 * @csspart account - The card of the account whose session ended; also `avatar`, `account-name`, `account-id`.
 * @csspart form - The email or phone form.
 * @csspart input - The email or phone field.
 * @csspart hint - A field's hint (also `error` when the value is not valid: a phone number, an email).
 * @csspart providers - The OAuth buttons' wrapper.
 * @csspart actions - The button row.
 * @csspart button - Every button. Also `button-primary`, `button-provider`, `button-link`.
 * @csspart error - An error or wrong-account message.
 * @csspart notice - A notice above the form (e.g. the session can no longer be renewed).
 * @csspart spinner - The progress indicator.
 * @csspart resume - The bar offering to sign in again after Cancel.
 *
 * @cssproperty [--para-dialog-width=26rem] - Width of the dialog.
 * @cssproperty [--para-dialog-background=#ffffff] - Background.
 * @cssproperty [--para-dialog-color=#1f2328] - Text colour.
 * @cssproperty [--para-dialog-muted-color=#59636e] - Secondary text colour.
 * @cssproperty [--para-dialog-border-color=#818b98] - Borders of inputs and buttons (3:1 or more against the background).
 * @cssproperty [--para-dialog-accent-color=#0969da] - Primary button, icon and focus ring.
 * @cssproperty [--para-dialog-accent-text-color=#ffffff] - Text on the primary button.
 * @cssproperty [--para-dialog-error-color=#cf222e] - Error text.
 * @cssproperty [--para-dialog-backdrop=rgb(0 0 0 / 0.45)] - Backdrop behind the dialog.
 * @cssproperty [--para-dialog-radius=0.75rem] - Corner radius.
 */
export class ParaReauthDialog extends ParaElement {
  static override styles = [ParaElement.styles, styles, dialogThemes, visuallyHidden];

  /** OAuth methods offered after an expiry, space-separated: `google apple discord x facebook telegram farcaster`. */
  @property({ attribute: 'oauth', reflect: true }) oauth = '';

  /** `full` (default): sign in again from scratch, as Para recommends. `refresh`: offer `refreshSession()` first. */
  @property({ attribute: 'reauth', reflect: true }) reauth: 'full' | 'refresh' = 'full';

  /** Calling code for phone numbers typed without one, e.g. `+44`. */
  @property({ attribute: 'country-code', reflect: true }) countryCode = '';

  /** Replaces any of the texts of the page's language; missing keys keep their defaults. */
  @property({ attribute: false }) strings: Partial<ParaReauthDialogStrings> = {};

  /** Your own wording for a time; return `undefined` to keep the built-in one. */
  @property({ attribute: false }) formatTime?: FormatTimeHook;

  /** Which mode is showing, or `null` while closed. */
  @state() protected mode: Mode | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly session = new SessionConsumer(this, (context) => {
    // Moved under another provider: what it showed for the last one is given back to that one.
    if (this.#claimedFrom && this.#claimedFrom !== context) this.#abandon();
    const stops = [
      context.$state.listen(this.sync),
      context.$reauth.listen(this.sync),
      context.$engine.listen(() => this.#engineReplaced(context.$engine.get())),
      context.onReauthComplete((detail) => this.#onReauthComplete(detail)),
      context.onDialogReleased?.(this.sync) ?? (() => undefined),
    ];
    queueMicrotask(this.sync);
    return () => stops.forEach((stop) => stop());
  });
  private readonly signIn = new SignInController(this, { engine: () => this.session.engine, timers: () => this.session.clock, changed: () => this.sync() });
  private readonly slots = new HasSlotController(this);
  private readonly language = new LangController(this);
  private readonly modal = new ModalController(this, {
    dialog: () => this.dialog,
    wanted: () => this.open,
    phase: () => this.signIn.phase,
    // The expired view, a sign-in in progress, an error: focus says what happened.
    focus: (reason) => (reason === 'changed' && this.signIn.phase.step === 'error' ? this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus() : this.#focusHeading()),
    fallbackFocus: (saved) => {
      const bar = this.renderRoot.querySelector<HTMLElement>('[part="resume"] button');
      // The bar stands in for what had focus (hidden by a guard while signed out): it gets it back once shown.
      if (bar) this.#behindBar = saved;
      return bar ?? guardFallbackFocus(saved);
    },
    onDismiss: () => this.#requestClose('escape'),
    onUnrendered: () => console.warn("<para-reauth-dialog> is not rendered (in a hidden container, or in <para-session-guard>'s content, hidden once the session ends), so it stays closed. Place it outside <para-session-guard>."),
  });
  private readonly warning = new WarningMode(this, this.session, {
    active: () => this.mode === 'warning',
    strings: () => this.#text,
    time: (seconds, kind) => this.#time(seconds, kind),
    settled: () => this.sync(),
  });
  private readonly expired = new ExpiredMode(this, this.signIn, {
    strings: () => this.#text,
    providers: () => this.providers,
    reauth: () => knownValue(this, 'reauth', this.reauth, REAUTH_FLOWS, 'full'),
    countryCode: () => this.countryCode,
    hasAuthSlot: () => this.slots.test('auth'),
    offline: () => this.session.state.status === 'offline' || this.session.state.error?.kind === 'network',
    onCancel: () => this.#requestClose('cancel-button'),
  });
  /** While the bar shows: what the page scrolls into view stops above it. */
  readonly #room = new ScrollRoom();
  #cancelledExpiry = false;
  /** What had focus before the bar took it in its place. */
  #behindBar: HTMLElement | null = null;
  /** The bar held focus as it went: where focus goes is decided once it is gone. */
  #barHadFocus = false;
  /** The session whose dialog this is while a mode shows: given back when it leaves, also once out of the page. */
  #claimedFrom: ParaSessionContext | null = null;
  #syncing = false;
  /** Whether the status was usable when the dialog last followed it: a failed sign-in's error goes once it turns usable. */
  #wasUsable = false;
  /** The last `oauth` value said to be wrong, said once. */
  #warnedOauth: unknown = '';

  /** Whether the dialog is open (the resume bar is not a dialog). */
  get open(): boolean {
    return this.mode === 'warning' || this.mode === 'expired';
  }

  get #text(): ParaReauthDialogStrings {
    return { ...this.language.translation.dialog, ...ownTexts(this.strings, '<para-reauth-dialog> strings') };
  }

  /** The OAuth methods from the `oauth` attribute that the SDK knows. */
  get providers(): OAuthMethod[] {
    const written = this.#oauthText();
    const tokens = written.split(/\s+/).filter(Boolean);
    const unknown = tokens.filter((token) => oauthMethodNamed(token) === null);
    if (unknown.length && this.#warnedOauth !== written) {
      this.#warnedOauth = written;
      console.warn(`<para-reauth-dialog>: oauth="${written}" has unknown methods (${unknown.join(', ')}); ignoring them. Known: ${OAUTH_METHODS.join(', ').toLowerCase()}.`);
    }
    const methods = tokens.map(oauthMethodNamed).filter((method): method is OAuthMethod => method !== null);
    // `x twitter` is one method, offered once.
    return [...new Set(methods)];
  }

  /**
   * `oauth` as the attribute's text. A framework may set the property instead: `undefined` once the prop is unset
   * (no methods), or a list of names (read as the attribute's words); anything else is said once and ignored.
   */
  #oauthText(): string {
    const value: unknown = this.oauth;
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(' ');
    if (value !== undefined && value !== null && this.#warnedOauth !== value) {
      this.#warnedOauth = value;
      console.warn(`<para-reauth-dialog>: oauth must be a text of method names such as "google apple", not ${Array.isArray(value) ? 'a list holding other values' : `a ${typeof value}`}; no sign-in methods are offered from it.`);
    }
    return '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back after a move (the provider answers at once): under the same session, the bar and the modal, which
    // left the top layer, are shown again; under none (teleported out of it), what it showed goes back to it.
    queueMicrotask(() => {
      if (!this.mode || !this.isConnected) return;
      if (this.session.context === this.#claimedFrom) return this.requestUpdate();
      this.#abandon();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#room.release();
    // Out of the page for good, not moved (out and back in one task): the session gets its dialog back.
    queueMicrotask(() => {
      if (!this.isConnected && this.mode) this.#abandon();
    });
  }

  /**
   * Out of its session for good (removed, or moved away from it): the session gets its dialog back. A sign-in this
   * dialog ran stops, and the session is `expired` again (not signing in with nobody to finish it), its request
   * and waiters kept: a dialog put in its place (a framework re-render) offers the sign-in again. Nobody gave up,
   * so no cancel is reported.
   */
  #abandon(): void {
    const engine = this.#claimedFrom?.$engine.get();
    const signingIn = this.signIn.phase.step === 'progress';
    void this.signIn.stop();
    this.#leave();
    if (signingIn) engine?.interruptReauth();
  }

  #wantedMode(): Mode | null {
    const { status } = this.session.state;
    if (status !== 'expired' && status !== 'reauthenticating') this.#cancelledExpiry = false;
    // A sign-in in flight, or its outcome, stays on screen until the user moves on.
    if (this.mode === 'expired' && this.signIn.busy) return 'expired';
    if (this.session.reauth?.handledBy === 'kit' && (status === 'expired' || status === 'reauthenticating')) return 'expired';
    if (status === 'expiring') return 'warning';
    // Offline is not a reason to hide the warning: the session still ends at the time shown.
    if (this.mode === 'warning' && status === 'offline') return 'warning';
    // Another tab signing in is no reason to take the way back from this one (nor the focus it may hold).
    if ((status === 'expired' || status === 'reauthenticating') && this.#cancelledExpiry && !this.session.reauth) return 'resume';
    return null;
  }

  /** Follows the session outside Lit's update cycle, so rendering has no side effects. */
  private readonly sync = (): void => {
    if (!this.isConnected || this.#syncing) return;
    this.#syncing = true;
    try {
      this.#syncMode();
    } finally {
      this.#syncing = false;
    }
  };

  #syncMode(): void {
    // A sign-out, whoever asked for it, ends a sign-in in flight: its popup closes and the SDK's flow is cancelled,
    // so nobody signs back in there (stopping shows the form at once, so the dialog then leaves).
    const { status } = this.session.state;
    if (this.signIn.busy && status === 'signed-out') void this.signIn.stop();
    // Signed in again elsewhere (another tab, the app) while this tab's popup waits: that sign-in stops.
    const usable = isUsableStatus(status);
    if (this.signIn.running && usable) this.signIn.sessionBack();
    // Back from elsewhere after this tab's sign-in failed: its error is about a sign-in nobody needs now, and its
    // "Try again" would log the live session out first. A failure that comes while the session is usable (signing
    // back in as the previous account) is the outcome of what the user asked for, and stays.
    if (usable && !this.#wasUsable && this.signIn.phase.step === 'error') this.signIn.reset();
    this.#wasUsable = usable;
    // "Which account goes on?" asks about the session the user just signed in to: once that one ends too, the
    // question is over, and the form asks for the account whose session ended now.
    if (this.mode === 'expired' && this.signIn.phase.step === 'switched' && (status === 'expired' || status === 'reauthenticating')) {
      this.signIn.reset();
      this.expired.prefill(this.session.engine);
    }
    const wanted = this.#wantedMode();
    const context = this.session.context;
    if (wanted && context?.claimDialog(this)) {
      this.#claimedFrom = context;
      if (wanted !== this.mode) this.#enter(wanted);
    } else if (this.mode) {
      this.#leave();
    }
  }

  #enter(mode: Mode): void {
    if (!this.open && mode !== 'resume') this.modal.rememberFocus();
    this.warning.entered(mode === 'warning');
    if (mode === 'expired') this.expired.prefill(this.session.engine);
    this.mode = mode;
    // Last: telling the engine may change its state, which runs sync again.
    this.session.engine?.holdWarning(mode === 'warning');
  }

  #leave(): void {
    const wasWarning = this.mode === 'warning';
    this.#barHadFocus = this.mode === 'resume' && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== null;
    if (!this.#barHadFocus) this.#behindBar = null;
    const context = this.#claimedFrom;
    this.mode = null;
    this.#claimedFrom = null;
    context?.releaseDialog(this);
    this.signIn.reset();
    if (wasWarning) context?.$engine.get()?.holdWarning(false);
  }

  /** The app set a new client: a sign-in for the old one ends, and the new engine is told of a warning shown. */
  #engineReplaced(engine: ParaSessionEngine | null): void {
    this.signIn.follow(engine);
    if (this.mode === 'warning') engine?.holdWarning(true);
    this.sync();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Said when the attribute is set, not only once the session has expired.
    if (changed.has('reauth')) knownValue(this, 'reauth', this.reauth, REAUTH_FLOWS, 'full');
  }

  protected override updated(changed: PropertyValues): void {
    // In the top layer before focus may move to it: no app wrapper can carry it off screen or cover it.
    const bar = this.mode === 'resume' ? this.renderRoot.querySelector<HTMLElement>('[part="resume"]') : null;
    showOnTop(bar);
    this.#room.keep(bar);
    // The guard keeps the previous account's content hidden while the user is asked which account goes on.
    this.#claimedFrom?.askAccount?.(this, this.mode === 'expired' && this.signIn.phase.step === 'switched');
    this.modal.afterUpdate(changed.has('mode'));
    if (this.#barHadFocus && !this.mode) {
      // The session is back (or ended for good): focus goes back to what the bar stood in for, shown again.
      this.#barHadFocus = false;
      const behind = this.#behindBar;
      this.#behindBar = null;
      restoreFocus(behind, (saved) => guardFallbackFocus(saved));
    }
  }

  #focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  // ——— the user's choices ———

  /** Escape or close: while warning, that is "stay signed in" (HMRC's pattern); once expired, Cancel. */
  #requestClose(source: 'escape' | 'close-button' | 'cancel-button'): void {
    if (this.emit(new ParaRequestCloseEvent({ source })).defaultPrevented) return;
    if (this.mode === 'warning') {
      void this.warning.staySignedIn();
      return;
    }
    void this.signIn.stop();
    // Signed in again elsewhere meanwhile: closing a sign-in nobody needs any more is not giving up on one.
    if (isUsableStatus(this.session.state.status)) return this.sync();
    this.#cancelledExpiry = true;
    this.session.engine?.cancelReauth(source === 'cancel-button' ? 'cancelled' : 'dismissed');
    this.sync();
  }

  #resume(): void {
    this.#cancelledExpiry = false;
    this.session.engine?.reauthenticate().catch(() => undefined);
  }

  #onReauthComplete(detail: ParaReauthCompleteDetail): void {
    if (this.mode === 'expired') this.expired.reauthCompleted(detail);
  }

  // ——— rendering ———

  protected override render() {
    const t = this.#text;
    const resume = this.mode === 'resume' ? resumeBar(t, this.language, () => this.#resume()) : nothing;
    return this.rendered(html`${resume}<dialog part="dialog" lang=${this.language.locale} dir=${this.language.dir} aria-labelledby="title" aria-describedby="description" @cancel=${this.modal.onCancel} @close=${this.modal.onClose} @keydown=${this.modal.onKeydown} @focusin=${this.modal.onFocusin}>
      ${this.mode === 'warning' ? this.warning.render() : this.mode === 'expired' ? this.expired.render() : nothing}
      ${this.open ? closeButton(t.close, () => this.#requestClose('close-button')) : nothing}
    </dialog>`);
  }

  #time(seconds: number, kind: TimeFormatContext['kind']): string {
    return writeTime(seconds, { kind, locale: this.language.locale, format: 'long' }, this.formatTime);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'para-reauth-dialog': ParaReauthDialog;
  }
}
