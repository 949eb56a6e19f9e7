import { html, nothing, svg, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { KnownAccount, OAuthMethod, ReauthFailure } from '../../para/reauth.js';
import { speaksOnce } from '../shared/speaks-once.js';
import { fill, type ParaReauthDialogStrings } from './dialog-strings.js';

/** What the expired-mode form needs from the dialog: texts, values and the user's choices. */
export interface SignInViewModel {
  strings: ParaReauthDialogStrings;
  account: KnownAccount | null;
  /** Which identifier field shows: the one the account used, or the one the user switched to. */
  field: 'email' | 'phone';
  email: string;
  phone: string;
  /** The shown field was submitted with a value that is not an email address or phone number. */
  invalid: boolean;
  /** Counts the submits refused: each one announces the error again. */
  refusedSubmits: number;
  /** `country-code` as `+NN`: a national number is fine too, and the hint says so. */
  countryCode: string | null;
  providers: readonly OAuthMethod[];
  /** `reauth="refresh"` with a session the SDK can still renew. */
  offerRefresh: boolean;
  notice: string | null;
  onInput(field: 'email' | 'phone', value: string): void;
  onSubmit(event: SubmitEvent): void;
  onSwitchField(): void;
  onProvider(method: OAuthMethod): void;
  onRefresh(): void;
  onAnotherAccount(): void;
  onCancel(): void;
}

export const PROVIDER_NAMES: Record<OAuthMethod, string> = {
  GOOGLE: 'Google',
  APPLE: 'Apple',
  DISCORD: 'Discord',
  X: 'X',
  FACEBOOK: 'Facebook',
  TELEGRAM: 'Telegram',
  FARCASTER: 'Farcaster',
};

export const warningIcon = svg`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 9v4l2.5 2.5M9 2h6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;
export const expiredIcon = svg`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="5" y="10" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2"/></svg>`;

const providerButton = (strings: ParaReauthDialogStrings, method: OAuthMethod, onProvider: (method: OAuthMethod) => void, primary: boolean) =>
  html`<button class=${primary ? 'primary' : ''} part=${primary ? 'button button-primary button-provider' : 'button button-provider'} type="button" @click=${() => onProvider(method)}>
    ${fill(strings.continueWithProvider, { provider: PROVIDER_NAMES[method] })}
  </button>`;

/** The account's card; none for an account known by nothing to show (an OAuth account with no name). */
function accountCard(account: KnownAccount): TemplateResult | typeof nothing {
  const identifier = account.email ?? account.phone ?? '';
  const name = account.displayName ?? identifier;
  if (!name) return nothing;
  return html`<div part="account">
    <span part="avatar" aria-hidden="true">${[...name][0]?.toUpperCase() ?? '?'}</span>
    <span part="account-text"><span part="account-name" dir="auto">${name}</span>${account.displayName && identifier ? html`<span part="account-id" dir="ltr">${identifier}</span>` : nothing}</span>
  </div>`;
}

/**
 * A field's error, as a new alert on every refused submit: screen readers announce an inserted alert, and focus,
 * already on the field after Enter, does not move to read it.
 */
const fieldError = (id: string, text: string, refusedSubmits: number) =>
  keyed(refusedSubmits, html`<p id=${id} part="hint error" role=${speaksOnce('alert', text)}>${text}</p>`);

/** The phone field's hint, or its error: with `country-code` set, a number with or without it is fine. */
const phoneText = (t: ParaReauthDialogStrings, code: string | null, invalid: boolean) =>
  code ? fill(invalid ? t.phoneInvalidWithCode : t.phoneHintWithCode, { code }) : invalid ? t.phoneInvalid : t.phoneHint;

function identifierForm(view: SignInViewModel, primary: boolean): TemplateResult {
  const { strings: t, invalid } = view;
  const phone = view.field === 'phone';
  const field = phone
    ? html`<label for="phone">${t.phoneLabel}</label>
        <input id="phone" part="input" type="tel" name="phone" autocomplete="tel" inputmode="tel" dir="ltr" required
          aria-describedby="phone-hint" aria-invalid=${invalid ? 'true' : 'false'}
          .value=${view.phone} @input=${(event: Event) => view.onInput('phone', (event.target as HTMLInputElement).value)} />
        ${invalid ? fieldError('phone-hint', phoneText(t, view.countryCode, true), view.refusedSubmits) : html`<p id="phone-hint" part="hint">${phoneText(t, view.countryCode, false)}</p>`}`
    : html`<label for="email">${t.emailLabel}</label>
        <input id="email" part="input" type="email" name="email" autocomplete="email" dir="ltr" required
          aria-describedby=${invalid ? 'email-error' : nothing} aria-invalid=${invalid ? 'true' : 'false'}
          .value=${view.email} @input=${(event: Event) => view.onInput('email', (event.target as HTMLInputElement).value)} />
        ${invalid ? fieldError('email-error', t.emailInvalid, view.refusedSubmits) : nothing}`;
  return html`<form part="form" novalidate @submit=${view.onSubmit}>
      ${field}
      <button class=${primary ? 'primary' : ''} part=${primary ? 'button button-primary' : 'button'} type="submit">${phone ? t.continueWithPhone : t.continueWithEmail}</button>
    </form>
    <button class="link" part="button button-link" type="button" @click=${view.onSwitchField}>${phone ? t.useEmail : t.usePhone}</button>`;
}

export function signInForm(view: SignInViewModel): TemplateResult {
  const { strings: t, account } = view;
  // The way this account signs in comes first, also when `oauth` does not list it: for a Telegram or Farcaster
  // account it is the only way back (there is no email or phone to type).
  const lastProvider = account?.method && account.method in PROVIDER_NAMES ? (account.method as OAuthMethod) : null;
  const first = view.offerRefresh
    ? html`<button class="primary" part="button button-primary" type="button" @click=${view.onRefresh}>${t.continueWithRefresh}</button>`
    : lastProvider
      ? providerButton(t, lastProvider, view.onProvider, true)
      : null;
  const others = view.providers.filter((method) => method !== lastProvider || view.offerRefresh);
  return html`
    ${view.notice ? html`<p part="notice" role=${speaksOnce('status', view.notice)}>${view.notice}</p>` : nothing}
    ${account ? accountCard(account) : nothing}
    ${first ?? identifierForm(view, true)}
    ${first || others.length ? html`<p class="divider" aria-hidden="true">${t.orDivider}</p>` : nothing}
    ${first ? identifierForm(view, false) : nothing}
    ${others.length ? html`<div part="providers">${others.map((method) => providerButton(t, method, view.onProvider, false))}</div>` : nothing}
    <div part="actions">
      ${account ? html`<button part="button" type="button" @click=${view.onAnotherAccount}>${t.useAnotherAccount}</button>` : nothing}
      <button part="button" type="button" @click=${view.onCancel}>${t.cancel}</button>
    </div>
  `;
}

/**
 * Signing in: in the popup, then (`confirming`) with the server once the popup is done and closed, which can
 * wait for the network (`offline`). Each text is said once, in the same live region.
 */
export function progressView(strings: ParaReauthDialogStrings, onCancel: () => void, { confirming = false, offline = false } = {}): TemplateResult {
  const stage = !confirming ? 'popup' : offline ? 'offline' : 'confirming';
  const text = { popup: strings.progressDescription, offline: strings.confirmingOffline, confirming: strings.confirmingDescription }[stage];
  // Each stage is news in an element of its own (re-worded in place, a region stops speaking); Cancel stays, with its focus.
  return html`
    ${keyed(stage, html`<p role=${speaksOnce('status', text)}><span part="spinner" aria-hidden="true"></span>${text}</p>`)}
    <div part="actions">
      <button part="button" type="button" @click=${onCancel}>${strings.cancel}</button>
    </div>
  `;
}

export function errorView(strings: ParaReauthDialogStrings, failure: ReauthFailure, onRetry: () => void, onCancel: () => void): TemplateResult {
  const text = {
    'popup-blocked': strings.errorPopupBlocked,
    'popup-closed': strings.errorPopupClosed,
    network: strings.errorNetwork,
    failed: strings.errorFailed,
    unsupported: strings.errorUnsupported,
  }[failure];
  return html`
    <p part="error" role=${speaksOnce('alert', text)}>${text}</p>
    <div part="actions">
      <button part="button" type="button" ?data-focus=${failure === 'unsupported'} @click=${onCancel}>${strings.cancel}</button>
      ${failure === 'unsupported'
        ? nothing
        : html`<button class="primary" part="button button-primary" type="button" data-focus @click=${onRetry}>${strings.retry}</button>`}
    </div>
  `;
}

/**
 * A sentence with names in it, each isolated (`<bdi>`): "+14155552671" or an email keeps its own direction in
 * an Arabic sentence, and an Arabic name in an English one, instead of being reordered with the words around it.
 */
export function sentence(template: string, values: Record<string, string>): TemplateResult {
  const parts = template.split(/(\{\w+\})/).map((part) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return key !== undefined && values[key] !== undefined ? html`<bdi>${values[key]}</bdi>` : part;
  });
  return html`${parts}`;
}

/** `signInAsLabel` names the way back to the account whose session ended, as far as it is known. */
export function switchedAccountView(
  strings: ParaReauthDialogStrings,
  names: { current: string; previous: string; signInAsLabel: unknown },
  onContinue: () => void,
  onSignInAsPrevious: () => void,
): TemplateResult {
  const words = { current: names.current, previous: names.previous };
  const description = fill(strings.switchedDescription, words);
  return html`
    <p part="error" role=${speaksOnce('alert', description)}>${sentence(strings.switchedDescription, words)}</p>
    <div part="actions">
      <button part="button" type="button" @click=${onSignInAsPrevious}>${names.signInAsLabel}</button>
      <button class="primary" part="button button-primary" type="button" @click=${onContinue}>${sentence(strings.continueAs, words)}</button>
    </div>
  `;
}

/** The heading row: the mode's icon and a focusable heading whose text a slot may replace. */
export function dialogHeader(icon: unknown, title: unknown, slot: string): TemplateResult {
  return html`<div part="header">${icon}<h2 id="title" part="title" tabindex="-1"><slot name=${slot}>${title}</slot></h2></div>`;
}

/** Last in the tab order, drawn in the corner: the first Tab from the heading reaches the main action. */
export function closeButton(label: string, onClose: () => void): TemplateResult {
  return html`<button part="close" type="button" aria-label=${label} @click=${onClose}><span aria-hidden="true">×</span></button>`;
}

/** Not modal: after Cancel, a bar at the foot of the page offers the way back in (a manual popover, shown by the host). */
export function resumeBar(strings: ParaReauthDialogStrings, language: { locale: string; dir: 'ltr' | 'rtl' }, onResume: () => void): TemplateResult {
  return html`<div part="resume" popover="manual" role="region" aria-label=${strings.resumeAction} lang=${language.locale} dir=${language.dir}>
    <p>${strings.resumeMessage}</p>
    <button class="primary" part="button button-primary" type="button" @click=${onResume}>${strings.resumeAction}</button>
  </div>`;
}

/** What warning mode shows: the time left, what to announce now, and the two ways on. */
export interface WarningViewModel {
  strings: ParaReauthDialogStrings;
  countdown: string;
  /** The time left in words, for screen readers instead of the visual countdown. */
  spokenTime: string;
  /** A spoken mark just reached; urgent ones interrupt. */
  announcement: { text: string; urgent: boolean } | null;
  /** Why staying signed in or signing out failed, or `null`. */
  failure: { kind: WarningFailureKind; text: string } | null;
  /** "Stay signed in" does nothing now: an extension is on its way, or the user's sign-out is owed. */
  extending: boolean;
  onStaySignedIn(): void;
  onSignOut(): void;
}

/** Which failure the warning shows: a new kind is a new alert, spoken again. */
export type WarningFailureKind = 'offline' | 'failed' | 'sign-out-pending' | 'sign-out-failed';

export function warningView(view: WarningViewModel): TemplateResult {
  const { strings: t, announcement } = view;
  const [before, after] = t.warningDescription.split('{time}');
  return html`
    ${dialogHeader(warningIcon, t.warningTitle, 'warning-title')}
    <p id="description" part="description">${before}<span part="countdown" aria-hidden="true">${view.countdown}</span><span class="visually-hidden">${view.spokenTime}</span>${after ?? ''}</p>
    <p class="visually-hidden" aria-live="polite" data-live="polite">${announcement && !announcement.urgent ? announcement.text : ''}</p>
    <p class="visually-hidden" aria-live="assertive" data-live="assertive">${announcement?.urgent ? announcement.text : ''}</p>
    ${view.failure ? keyed(view.failure.kind, html`<p part="error" role=${speaksOnce('alert', view.failure.text)}>${view.failure.text}</p>`) : nothing}
    <div part="actions">
      <button class="primary" part="button button-primary" type="button" aria-disabled=${view.extending ? 'true' : 'false'} @click=${view.onStaySignedIn}>${t.staySignedIn}</button>
      <button part="button" type="button" @click=${view.onSignOut}>${t.signOut}</button>
    </div>
  `;
}
