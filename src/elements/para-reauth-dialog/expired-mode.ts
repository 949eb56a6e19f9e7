import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { ParaSessionEngine } from '../../core/engine.js';
import type { ParaIdentity } from '../../core/types.js';
import { compareAccounts } from '../../para/identity.js';
import { OAUTH_METHODS, readKnownAccount, type KnownAccount, type OAuthMethod, type ReauthMethod } from '../../para/reauth.js';
import type { ParaReauthCompleteDetail } from '../events.js';
import { fill, type ParaReauthDialogStrings } from './dialog-strings.js';
import { dialogHeader, errorView, expiredIcon, progressView, PROVIDER_NAMES, sentence, signInForm, switchedAccountView } from './dialog-views.js';
import { parseCountryCode, toE164 } from './phone.js';
import type { SignInController } from './sign-in-controller.js';

export interface ExpiredModeOptions {
  strings(): ParaReauthDialogStrings;
  providers(): OAuthMethod[];
  reauth(): 'full' | 'refresh';
  countryCode(): string;
  /** The page put its own sign-in UI in the `auth` slot. */
  hasAuthSlot(): boolean;
  /** Para cannot be reached now (what the last request met). */
  offline(): boolean;
  onCancel(): void;
}

/** What the form shows; every change re-renders the dialog, as Lit's `@state` would. */
interface FormState {
  /** Which identifier field shows: the one the account used, or the one the user switched to. */
  field: 'email' | 'phone';
  email: string;
  phone: string;
  /** The shown field was submitted with a value that is not an email address or phone number. */
  invalid: boolean;
  refusedSubmits: number;
  account: KnownAccount | null;
}

const isEmailAddress = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value);
const isOAuthMethod = (method: KnownAccount['method'] | undefined): method is OAuthMethod => OAUTH_METHODS.includes(method as OAuthMethod);

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Expired mode: the account whose session ended, the email/phone form, and each step of signing in again. */
export class ExpiredMode {
  #form: FormState = { field: 'email', email: '', phone: '', invalid: false, refusedSubmits: 0, account: null };
  /** Whose session ended: a sign-in as anyone else is reported, not silently accepted. */
  #expected: ParaIdentity | null = null;
  /** What the SDK knew of that account when it ended, even with no email or phone: how it signed in. */
  #expectedAccount: KnownAccount | null = null;
  /** The sign-in tried last: an OAuth account with nothing else known signs in the same way again. */
  #lastMethod: ReauthMethod | null = null;
  /** Signed in as someone else, and nothing says how to reach the account that ended: the form, over that outcome. */
  #choosingWayBack = false;
  /** The user chose "Use another account": a different account is what they asked for. */
  #anotherAccount = false;

  readonly #host: Host;
  readonly #signIn: SignInController;
  readonly #options: ExpiredModeOptions;
  /** The session's client, read for who is signed in now. */
  #client: ParaSessionEngine['client'] | null = null;

  constructor(host: Host, signIn: SignInController, options: ExpiredModeOptions) {
    this.#host = host;
    this.#signIn = signIn;
    this.#options = options;
  }

  /** The session ended: fill the form with the account that had it. */
  prefill(engine: ParaSessionEngine | null): void {
    this.#expected = engine?.lastIdentity ?? null;
    this.#client = engine?.client ?? null;
    this.#anotherAccount = false;
    const known = readKnownAccount(engine?.client, this.#expected);
    this.#expectedAccount = known;
    this.#lastMethod = null;
    this.#choosingWayBack = false;
    // Known by an email or phone, or (Telegram, Farcaster: neither) by the OAuth method it signs in with.
    const account = known.email || known.phone || isOAuthMethod(known.method) ? known : null;
    this.#set({ account, field: account?.method === 'phone' ? 'phone' : 'email', email: account?.email ?? '', phone: account?.phone ?? '', invalid: false });
  }

  /** A sign-in finished: someone other than the expected account is shown, unless the user asked for that. */
  reauthCompleted(detail: ParaReauthCompleteDetail): void {
    // The engine decides whether someone else signed in; the dialog only shows it. After "signed in as someone
    // else", the engine compares with that someone: back as the account whose session ended is no switch here.
    if (this.#anotherAccount || !detail.switchedAccount) return;
    if (this.#expected && compareAccounts(detail.identity, this.#expected) === 'same') return;
    this.#choosingWayBack = false;
    this.#signIn.showSwitched(detail.identity, this.#expected ?? detail.previous);
  }

  render(): TemplateResult {
    const t = this.#options.strings();
    const phase = this.#signIn.phase;
    const { account } = this.#form;
    const name = account?.displayName ?? account?.email ?? account?.phone;
    const title = phase.step === 'switched' && !this.#choosingWayBack ? t.switchedTitle : phase.step === 'progress' ? t.progressTitle : name ? sentence(t.expiredTitleKnown, { name }) : t.expiredTitle;
    return html`
      ${dialogHeader(expiredIcon, title, 'expired-title')}
      <p id="description" part="description"><slot name="expired-description">${t.expiredDescription}</slot></p>
      ${this.#options.hasAuthSlot() ? html`<slot name="auth"></slot>` : keyed(this.#signIn.phase, this.#renderSignInStep(t))}
    `;
  }

  #renderSignInStep(t: ParaReauthDialogStrings) {
    const phase = this.#signIn.phase;
    const cancel = () => this.#options.onCancel();
    switch (phase.step) {
      case 'progress':
        return progressView(t, cancel, { confirming: this.#signIn.confirming, offline: this.#options.offline() });
      case 'error':
        return errorView(t, phase.failure, () => this.#start(phase.retry), cancel);
      case 'switched':
        // Cancel in that form goes back to the choice between the two accounts.
        return this.#choosingWayBack ? this.#renderForm(t, () => this.#chooseWayBack(false)) : this.#renderSwitched(t, phase.identity, phase.previous);
      default:
        return this.#renderForm(t, cancel);
    }
  }

  #renderSwitched(t: ParaReauthDialogStrings, identity: ParaIdentity, previous: ParaIdentity) {
    const { name, method } = this.#wayBackTo(previous);
    // The account signed in now, as the person knows it; a user id means nothing to the person reading it.
    const now = readKnownAccount(this.#client, identity);
    const names = {
      current: now.displayName ?? now.email ?? now.phone ?? t.unknownCurrentAccount,
      previous: name ?? t.unknownAccount,
      signInAsLabel: name ? sentence(t.signInAs, { previous: name }) : method?.type === 'oauth' ? fill(t.continueWithProvider, { provider: PROVIDER_NAMES[method.method] }) : t.signInWithPrevious,
    };
    // Without a way known, the form: the SDK is never asked to sign in an empty email.
    const signInAsPrevious = () => (method ? this.#start(method) : this.#chooseWayBack(true));
    return switchedAccountView(t, names, () => this.#signIn.reset(), signInAsPrevious);
  }

  #renderForm(t: ParaReauthDialogStrings, onCancel: () => void) {
    const phase = this.#signIn.phase;
    const { account, field } = this.#form;
    return signInForm({
      strings: t,
      ...this.#form,
      providers: this.#options.providers(),
      countryCode: parseCountryCode(this.#options.countryCode()),
      offerRefresh: this.#options.reauth() === 'refresh' && account !== null && phase.step === 'form' && phase.notice !== 'refresh-unavailable',
      notice: phase.step === 'form' && phase.notice === 'refresh-unavailable' ? t.refreshUnavailable : null,
      onInput: (field, value) => this.#set(field === 'email' ? { email: value, invalid: false } : { phone: value, invalid: false }),
      onSubmit: (event) => this.#submit(event),
      onSwitchField: () => (this.#set({ field: field === 'email' ? 'phone' : 'email', invalid: false }), this.#focusField()),
      onProvider: (method) => this.#start({ type: 'oauth', method }),
      onRefresh: () => this.#start({ type: 'refresh' }),
      onAnotherAccount: () => ((this.#anotherAccount = true), this.#set({ account: null, email: '', phone: '' }), this.#focusField()),
      onCancel,
    });
  }

  #chooseWayBack(choosing: boolean): void {
    this.#choosingWayBack = choosing;
    // What had focus is gone: the form's field, or the way back to it.
    if (choosing) this.#set({ email: '', phone: '', invalid: false });
    else this.#host.requestUpdate();
    this.#focus(choosing ? 'input' : '[part="actions"] button');
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const { field, refusedSubmits } = this.#form;
    const email = this.#form.email.trim();
    const phone = field === 'phone' ? toE164(this.#form.phone, parseCountryCode(this.#options.countryCode())) : null;
    if (field === 'email' ? isEmailAddress(email) : phone) {
      this.#set({ invalid: false });
      this.#start(phone ? { type: 'phone', phone } : { type: 'email', email });
      return;
    }
    this.#set({ invalid: true, refusedSubmits: refusedSubmits + 1 });
    this.#focusField();
  }

  #start(method: ReauthMethod): void {
    this.#lastMethod = method;
    this.#choosingWayBack = false;
    this.#signIn.start(method);
  }

  /**
   * How to sign the account whose session ended in again, and the name to call it by: the way it signed in when
   * the SDK recorded an OAuth method, else its phone or email, else the OAuth sign-in just tried; `method: null`
   * when nothing is known.
   */
  #wayBackTo(previous: ParaIdentity): { name: string | null; method: ReauthMethod | null } {
    const account = this.#expectedAccount;
    const phone = account?.phone ?? (previous.email?.startsWith('+') ? previous.email : null);
    const email = account?.email ?? (previous.email?.startsWith('+') ? null : previous.email);
    const name = account?.displayName ?? email ?? phone;
    if (isOAuthMethod(account?.method)) return { name, method: { type: 'oauth', method: account.method } };
    if (phone && (account?.method === 'phone' || !email)) return { name, method: { type: 'phone', phone } };
    if (email) return { name, method: { type: 'email', email } };
    return { name, method: this.#lastMethod?.type === 'oauth' ? this.#lastMethod : null };
  }

  #focusField(): void {
    this.#focus('input');
  }

  #focus(selector: string): void {
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  #set(changes: Partial<FormState>): void {
    this.#form = { ...this.#form, ...changes };
    this.#host.requestUpdate();
  }
}
