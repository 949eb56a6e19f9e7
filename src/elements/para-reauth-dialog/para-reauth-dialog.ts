import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { secondsLeft } from '../../core/state.js';
import type { ParaIdentity } from '../../core/types.js';
import { OAUTH_METHODS, readKnownAccount, type KnownAccount, type OAuthMethod } from '../../para/reauth.js';
import { ParaElement } from '../base/para-element.js';
import { ParaRequestCloseEvent, type ParaReauthCompleteDetail } from '../events.js';
import { CountdownController } from '../shared/countdown-controller.js';
import { deepActiveElement, restoreFocus } from '../shared/focus.js';
import { announcementMark, writeTime, type FormatTimeHook, type TimeFormatContext } from '../shared/format-time.js';
import { HasSlotController } from '../shared/has-slot-controller.js';
import { LangController } from '../shared/lang-controller.js';
import { SessionConsumer } from '../shared/session-consumer.js';
import { fill, type ParaReauthDialogStrings } from './dialog-strings.js';
import { errorView, expiredIcon, progressView, signInForm, switchedAccountView, warningIcon } from './dialog-views.js';
import { parseCountryCode, toE164 } from './phone.js';
import styles from './para-reauth-dialog.styles.js';
import { SignInController } from './sign-in-controller.js';

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
 * @csspart hint - The phone field's hint (also `error` when the number is not valid).
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
  static override styles = [ParaElement.styles, styles];

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
  @state() private extending = false;
  @state() private extendFailed = false;
  @state() private field: 'email' | 'phone' = 'email';
  @state() private email = '';
  @state() private phone = '';
  @state() private phoneError = false;
  @state() private account: KnownAccount | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly session = new SessionConsumer(this, (context) => {
    const stops = [context.$state.listen(this.sync), context.$reauth.listen(this.sync), context.onReauthComplete((detail) => this.onReauthComplete(detail))];
    queueMicrotask(this.sync);
    return () => stops.forEach((stop) => stop());
  });
  private readonly signIn = new SignInController(this, { engine: () => this.session.engine, timers: () => this.session.clock, changed: () => this.sync() });
  private readonly slots = new HasSlotController(this);
  private readonly language = new LangController(this);
  private returnFocus: HTMLElement | null = null;
  /** Seconds left when the warning opened: spoken marks count from there. */
  private warningOpenedAt = 0;
  private cancelledExpiry = false;
  private syncing = false;
  /** Whether we showed the native dialog and have not closed it: telling our close from anyone else's. */
  private shown = false;
  private focusedPhase: unknown = null;
  private warnedOauth = '';
  /** Whose session ended: a sign-in as anyone else is reported, not silently accepted. */
  private expected: ParaIdentity | null = null;
  /** The user chose "Use another account": a different account is what they asked for. */
  private anotherAccount = false;

  constructor() {
    super();
    new CountdownController(this, {
      clock: () => this.session.clock,
      environment: () => this.session.environment,
      expiresAt: () => (this.mode === 'warning' ? this.session.state.expiresAt : null),
      granularity: () => 'second',
    });
  }

  /** Whether the dialog is open (the resume bar is not a dialog). */
  get open(): boolean {
    return this.mode === 'warning' || this.mode === 'expired';
  }

  private get text(): ParaReauthDialogStrings {
    return { ...this.language.translation.dialog, ...this.strings };
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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The element will not update again: close the native dialog and give the provider back here.
    if (this.mode) this.leave();
    if (this.dialog?.open) this.dialog.close();
  }

  private wantedMode(): Mode | null {
    const { status } = this.session.state;
    if (status !== 'expired' && status !== 'reauthenticating') this.cancelledExpiry = false;
    // A sign-in in flight, or its outcome, stays on screen until the user moves on.
    if (this.mode === 'expired' && this.signIn.busy) return 'expired';
    if (this.session.reauth?.handledBy === 'kit' && (status === 'expired' || status === 'reauthenticating')) return 'expired';
    if (status === 'expiring') return 'warning';
    // Offline is not a reason to hide the warning: the session still ends at the time shown.
    if (this.mode === 'warning' && status === 'offline') return 'warning';
    if (status === 'expired' && this.cancelledExpiry && !this.session.reauth) return 'resume';
    return null;
  }

  /** Follows the session outside Lit's update cycle, so rendering has no side effects. */
  private readonly sync = (): void => {
    if (!this.isConnected || this.syncing) return;
    this.syncing = true;
    try {
      this.syncMode();
    } finally {
      this.syncing = false;
    }
  };

  private syncMode(): void {
    const wanted = this.wantedMode();
    if (wanted && this.session.context?.claimDialog(this)) {
      if (wanted !== this.mode) this.enter(wanted);
    } else if (this.mode) {
      this.leave();
    }
  }

  private enter(mode: Mode): void {
    if (!this.open && mode !== 'resume') this.returnFocus = deepActiveElement();
    if (mode === 'warning') this.warningOpenedAt = secondsLeft(this.session.state, this.session.clock.now()) ?? 0;
    if (mode === 'expired') this.prefill();
    this.extendFailed = false;
    this.mode = mode;
    // Last: telling the engine may change its state, which runs sync again.
    this.session.engine?.holdWarning(mode === 'warning');
  }

  private prefill(): void {
    const engine = this.session.engine;
    this.expected = engine?.lastIdentity ?? null;
    this.anotherAccount = false;
    this.account = readKnownAccount(engine?.client, this.expected);
    if (!this.account.email && !this.account.phone) this.account = null;
    this.field = this.account?.method === 'phone' ? 'phone' : 'email';
    this.email = this.account?.email ?? '';
    this.phone = this.account?.phone ?? '';
    this.phoneError = false;
  }

  private leave(): void {
    const wasWarning = this.mode === 'warning';
    this.mode = null;
    this.session.context?.releaseDialog(this);
    this.signIn.reset();
    if (wasWarning) this.session.engine?.holdWarning(false);
  }

  protected override updated(changed: PropertyValues): void {
    const modeChanged = changed.has('mode');
    // Opening, closing and focus run just after the update: a focus move is activity the engine hears,
    // and its state change must not land inside this update (Lit's change-in-update warning).
    queueMicrotask(() => this.applyDialogState(modeChanged));
  }

  private applyDialogState(modeChanged: boolean): void {
    const dialog = this.dialog;
    if (!dialog || !this.isConnected) return;
    const phase = this.signIn.phase;
    if (this.open && !dialog.open) {
      // Shown before and closed since, not by us: a close request the page could not cancel.
      if (this.shown) this.onNativeClose();
      dialog.showModal();
      this.shown = true;
      this.focusHeading();
    } else if (this.open && (modeChanged || phase !== this.focusedPhase)) {
      // The expired view, a sign-in in progress, an error: focus says what happened.
      if (phase.step === 'error') this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
      else this.focusHeading();
    } else if (!this.open && dialog.open) {
      this.shown = false;
      dialog.close();
      const fallback = () => this.renderRoot.querySelector<HTMLElement>('[part="resume"] button');
      restoreFocus(this.returnFocus, fallback);
      this.returnFocus = null;
    }
    this.focusedPhase = phase;
  }

  private focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  // ——— the user's choices ———

  private readonly onCancelEvent = (event: Event) => {
    event.preventDefault();
    this.requestClose('escape');
  };

  /** Closed by something other than us (a close request the page could not cancel): the same as Escape. */
  private readonly onNativeClose = () => {
    if (!this.shown || this.dialog.open) return;
    this.shown = false;
    // Outside the update that noticed it; the next render shows the dialog again while it is still wanted.
    queueMicrotask(() => {
      if (this.open) this.requestClose('escape');
      this.requestUpdate();
    });
  };

  /** Escape or close: while warning, that is "stay signed in" (HMRC's pattern); once expired, Cancel. */
  private requestClose(source: 'escape' | 'close-button' | 'cancel-button'): void {
    if (this.emit(new ParaRequestCloseEvent({ source })).defaultPrevented) return;
    if (this.mode === 'warning') {
      void this.staySignedIn();
      return;
    }
    void this.signIn.stop();
    this.cancelledExpiry = true;
    this.session.engine?.cancelReauth(source === 'cancel-button' ? 'cancelled' : 'dismissed');
    this.sync();
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
    this.sync();
  }

  private signOut(): void {
    void this.session.engine?.logout();
  }

  private resume(): void {
    this.cancelledExpiry = false;
    this.session.engine?.reauthenticate().catch(() => undefined);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.field === 'email') {
      if (!this.email.trim()) return this.focusField();
      this.signIn.start({ type: 'email', email: this.email.trim() });
      return;
    }
    const phone = toE164(this.phone, parseCountryCode(this.countryCode));
    this.phoneError = phone === null;
    if (phone) this.signIn.start({ type: 'phone', phone });
    else this.focusField();
  }

  private focusField(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input')?.focus());
  }

  private onReauthComplete(detail: ParaReauthCompleteDetail): void {
    // The engine decides whether someone else signed in; the dialog only shows it.
    if (this.mode !== 'expired' || this.anotherAccount || !detail.switchedAccount) return;
    this.signIn.showSwitched(detail.identity, this.expected ?? detail.previous);
  }

  // ——— rendering ———

  protected override render() {
    const dir = this.language.dir;
    const t = this.text;
    const resume =
      this.mode === 'resume'
        ? html`<div part="resume" role="region" aria-label=${t.resumeAction} lang=${this.language.locale} dir=${dir}>
            <p>${t.resumeMessage}</p>
            <button class="primary" part="button button-primary" type="button" @click=${this.resume}>${t.resumeAction}</button>
          </div>`
        : nothing;
    return html`${resume}<dialog part="dialog" lang=${this.language.locale} dir=${dir} aria-labelledby="title" aria-describedby="description" @cancel=${this.onCancelEvent} @close=${this.onNativeClose}>
      ${this.mode === 'warning' ? this.renderWarning() : this.mode === 'expired' ? this.renderExpired() : nothing}
      ${this.open ? this.renderClose() : nothing}
    </dialog>`;
  }

  private time(seconds: number, kind: TimeFormatContext['kind']): string {
    return writeTime(seconds, { kind, locale: this.language.locale, format: 'long' }, this.formatTime);
  }

  private renderHeader(icon: unknown, title: unknown, slot: string) {
    return html`<div part="header">${icon}<h2 id="title" part="title" tabindex="-1"><slot name=${slot}>${title}</slot></h2></div>`;
  }

  /** Last in the tab order, drawn in the corner: the first Tab from the heading reaches the main action. */
  private renderClose() {
    const close = () => this.requestClose('close-button');
    return html`<button part="close" type="button" aria-label=${this.text.close} @click=${close}><span aria-hidden="true">×</span></button>`;
  }

  private renderWarning() {
    const t = this.text;
    const seconds = secondsLeft(this.session.state, this.session.clock.now()) ?? 0;
    const [before, after] = t.warningDescription.split('{time}');
    const mark = announcementMark(seconds, this.warningOpenedAt);
    const spoken = mark ? fill(t.warningAnnouncement, { time: this.time(mark.at, 'spoken') }) : '';
    const offline = this.session.state.status === 'offline';
    return html`
      ${this.renderHeader(warningIcon, t.warningTitle, 'warning-title')}
      <p id="description" part="description">${before}<span part="countdown" aria-hidden="true">${this.time(seconds, 'countdown')}</span><span class="visually-hidden">${this.time(seconds, 'spoken')}</span>${after ?? ''}</p>
      <p class="visually-hidden" aria-live="polite" data-live="polite">${mark && !mark.urgent ? spoken : ''}</p>
      <p class="visually-hidden" aria-live="assertive" data-live="assertive">${mark?.urgent ? spoken : ''}</p>
      ${this.extendFailed ? html`<p part="error" role="alert">${offline ? t.extendOffline : t.extendFailed}</p>` : nothing}
      <div part="actions">
        <button class="primary" part="button button-primary" type="button" aria-disabled=${this.extending ? 'true' : 'false'} @click=${this.staySignedIn}>${t.staySignedIn}</button>
        <button part="button" type="button" @click=${this.signOut}>${t.signOut}</button>
      </div>
    `;
  }

  private renderExpired() {
    const t = this.text;
    const phase = this.signIn.phase;
    const name = this.account?.displayName ?? this.account?.email ?? this.account?.phone;
    const title = phase.step === 'switched' ? t.switchedTitle : phase.step === 'progress' ? t.progressTitle : name ? fill(t.expiredTitleKnown, { name }) : t.expiredTitle;
    return html`
      ${this.renderHeader(expiredIcon, title, 'expired-title')}
      <p id="description" part="description"><slot name="expired-description">${t.expiredDescription}</slot></p>
      ${this.slots.test('auth') ? html`<slot name="auth"></slot>` : this.renderSignInStep(t)}
    `;
  }

  private renderSignInStep(t: ParaReauthDialogStrings) {
    const phase = this.signIn.phase;
    const cancel = () => this.requestClose('cancel-button');
    switch (phase.step) {
      case 'progress':
        return progressView(t, cancel);
      case 'error':
        return errorView(t, phase.failure, () => this.signIn.start(phase.retry), cancel);
      case 'switched': {
        const label = (identity: { email: string | null; userId: string | null }) => identity.email ?? identity.userId ?? t.unknownAccount;
        const names = { current: label(phase.identity), previous: label(phase.previous) };
        const signInAsPrevious = () => this.signIn.start(phase.previous.email?.startsWith('+') ? { type: 'phone', phone: phase.previous.email } : { type: 'email', email: phase.previous.email ?? '' });
        return switchedAccountView(t, names, () => this.signIn.reset(), signInAsPrevious);
      }
      default:
        return signInForm({
          strings: t,
          account: this.account,
          field: this.field,
          email: this.email,
          phone: this.phone,
          phoneError: this.phoneError,
          providers: this.providers,
          offerRefresh: this.reauth === 'refresh' && this.account !== null && phase.notice !== 'refresh-unavailable',
          notice: phase.notice === 'refresh-unavailable' ? t.refreshUnavailable : null,
          onInput: (field, value) => (field === 'email' ? (this.email = value) : ((this.phone = value), (this.phoneError = false))),
          onSubmit: (event) => this.onSubmit(event),
          onSwitchField: () => ((this.field = this.field === 'email' ? 'phone' : 'email'), this.focusField()),
          onProvider: (method) => this.signIn.start({ type: 'oauth', method }),
          onRefresh: () => this.signIn.start({ type: 'refresh' }),
          onAnotherAccount: () => ((this.account = null), (this.anotherAccount = true), (this.email = ''), (this.phone = ''), this.focusField()),
          onCancel: cancel,
        });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'para-reauth-dialog': ParaReauthDialog;
  }
}
