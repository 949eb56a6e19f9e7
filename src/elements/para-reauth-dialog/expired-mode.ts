import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ParaSessionEngine } from '../../core/engine.js';
import type { ParaIdentity } from '../../core/types.js';
import { compareAccounts } from '../../para/identity.js';
import { readKnownAccount, type KnownAccount, type OAuthMethod } from '../../para/reauth.js';
import type { ParaReauthCompleteDetail } from '../events.js';
import { fill, type ParaReauthDialogStrings } from './dialog-strings.js';
import { dialogHeader, errorView, expiredIcon, progressView, signInForm, switchedAccountView } from './dialog-views.js';
import { parseCountryCode, toE164 } from './phone.js';
import type { SignInController } from './sign-in-controller.js';

export interface ExpiredModeOptions {
  strings(): ParaReauthDialogStrings;
  providers(): OAuthMethod[];
  reauth(): 'full' | 'refresh';
  countryCode(): string;
  /** The page put its own sign-in UI in the `auth` slot. */
  hasAuthSlot(): boolean;
  onCancel(): void;
}

/** What the form shows; every change re-renders the dialog, as Lit's `@state` would. */
interface FormState {
  /** Which identifier field shows: the one the account used, or the one the user switched to. */
  field: 'email' | 'phone';
  email: string;
  phone: string;
  phoneError: boolean;
  account: KnownAccount | null;
}

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Expired mode: the account whose session ended, the email/phone form, and each step of signing in again. */
export class ExpiredMode {
  #form: FormState = { field: 'email', email: '', phone: '', phoneError: false, account: null };
  /** Whose session ended: a sign-in as anyone else is reported, not silently accepted. */
  #expected: ParaIdentity | null = null;
  /** The user chose "Use another account": a different account is what they asked for. */
  #anotherAccount = false;

  readonly #host: Host;
  readonly #signIn: SignInController;
  readonly #options: ExpiredModeOptions;

  constructor(host: Host, signIn: SignInController, options: ExpiredModeOptions) {
    this.#host = host;
    this.#signIn = signIn;
    this.#options = options;
  }

  /** The session ended: fill the form with the account that had it. */
  prefill(engine: ParaSessionEngine | null): void {
    this.#expected = engine?.lastIdentity ?? null;
    this.#anotherAccount = false;
    const known = readKnownAccount(engine?.client, this.#expected);
    const account = known.email || known.phone ? known : null;
    this.#set({ account, field: account?.method === 'phone' ? 'phone' : 'email', email: account?.email ?? '', phone: account?.phone ?? '', phoneError: false });
  }

  /** A sign-in finished: someone other than the expected account is shown, unless the user asked for that. */
  reauthCompleted(detail: ParaReauthCompleteDetail): void {
    // The engine decides whether someone else signed in; the dialog only shows it. After "signed in as someone
    // else", the engine compares with that someone: back as the account whose session ended is no switch here.
    if (this.#anotherAccount || !detail.switchedAccount) return;
    if (this.#expected && compareAccounts(detail.identity, this.#expected) === 'same') return;
    this.#signIn.showSwitched(detail.identity, this.#expected ?? detail.previous);
  }

  render(): TemplateResult {
    const t = this.#options.strings();
    const phase = this.#signIn.phase;
    const { account } = this.#form;
    const name = account?.displayName ?? account?.email ?? account?.phone;
    const title = phase.step === 'switched' ? t.switchedTitle : phase.step === 'progress' ? t.progressTitle : name ? fill(t.expiredTitleKnown, { name }) : t.expiredTitle;
    return html`
      ${dialogHeader(expiredIcon, title, 'expired-title')}
      <p id="description" part="description"><slot name="expired-description">${t.expiredDescription}</slot></p>
      ${this.#options.hasAuthSlot() ? html`<slot name="auth"></slot>` : this.#renderSignInStep(t)}
    `;
  }

  #renderSignInStep(t: ParaReauthDialogStrings) {
    const phase = this.#signIn.phase;
    const { account, field } = this.#form;
    const cancel = () => this.#options.onCancel();
    switch (phase.step) {
      case 'progress':
        return progressView(t, cancel);
      case 'error':
        return errorView(t, phase.failure, () => this.#signIn.start(phase.retry), cancel);
      case 'switched': {
        const label = (identity: { email: string | null; userId: string | null }) => identity.email ?? identity.userId ?? t.unknownAccount;
        const names = { current: label(phase.identity), previous: label(phase.previous) };
        const signInAsPrevious = () => this.#signIn.start(phase.previous.email?.startsWith('+') ? { type: 'phone', phone: phase.previous.email } : { type: 'email', email: phase.previous.email ?? '' });
        return switchedAccountView(t, names, () => this.#signIn.reset(), signInAsPrevious);
      }
      default:
        return signInForm({
          strings: t,
          ...this.#form,
          providers: this.#options.providers(),
          offerRefresh: this.#options.reauth() === 'refresh' && account !== null && phase.notice !== 'refresh-unavailable',
          notice: phase.notice === 'refresh-unavailable' ? t.refreshUnavailable : null,
          onInput: (field, value) => (field === 'email' ? this.#set({ email: value }) : this.#set({ phone: value, phoneError: false })),
          onSubmit: (event) => this.#submit(event),
          onSwitchField: () => (this.#set({ field: field === 'email' ? 'phone' : 'email' }), this.#focusField()),
          onProvider: (method) => this.#signIn.start({ type: 'oauth', method }),
          onRefresh: () => this.#signIn.start({ type: 'refresh' }),
          onAnotherAccount: () => ((this.#anotherAccount = true), this.#set({ account: null, email: '', phone: '' }), this.#focusField()),
          onCancel: cancel,
        });
    }
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const { field, email } = this.#form;
    if (field === 'email') {
      if (!email.trim()) return this.#focusField();
      this.#signIn.start({ type: 'email', email: email.trim() });
      return;
    }
    const phone = toE164(this.#form.phone, parseCountryCode(this.#options.countryCode()));
    this.#set({ phoneError: phone === null });
    if (phone) this.#signIn.start({ type: 'phone', phone });
    else this.#focusField();
  }

  #focusField(): void {
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('input')?.focus());
  }

  #set(changes: Partial<FormState>): void {
    this.#form = { ...this.#form, ...changes };
    this.#host.requestUpdate();
  }
}
