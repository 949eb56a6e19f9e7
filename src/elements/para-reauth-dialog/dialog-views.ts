import { html, nothing, type TemplateResult } from 'lit';
import type { OAuthMethod, ReauthFailure } from '../../para/reauth.js';
import { fill, type ParaReauthDialogStrings } from './dialog-strings.js';

/** What the expired-mode views need from the dialog: texts, values and the user's choices. */
export interface SignInViewModel {
  strings: ParaReauthDialogStrings;
  email: string;
  providers: readonly OAuthMethod[];
  onEmailInput(event: Event): void;
  onEmailSubmit(event: SubmitEvent): void;
  onProvider(method: OAuthMethod): void;
  onCancel(): void;
}

const PROVIDER_NAMES: Record<OAuthMethod, string> = {
  GOOGLE: 'Google',
  APPLE: 'Apple',
  DISCORD: 'Discord',
  X: 'X',
  FACEBOOK: 'Facebook',
  TELEGRAM: 'Telegram',
  FARCASTER: 'Farcaster',
};

export function signInForm(view: SignInViewModel): TemplateResult {
  const { strings } = view;
  return html`
    <form part="form" @submit=${view.onEmailSubmit}>
      <label for="email">${strings.emailLabel}</label>
      <input
        id="email"
        part="input"
        type="email"
        name="email"
        autocomplete="email"
        required
        autofocus
        .value=${view.email}
        @input=${view.onEmailInput}
      />
      <button class="primary" part="button button-primary" type="submit">${strings.continueWithEmail}</button>
    </form>
    ${view.providers.length
      ? html`<p class="divider" aria-hidden="true">${strings.orDivider}</p>
          <div part="providers">
            ${view.providers.map(
              (method) =>
                html`<button part="button button-provider" type="button" @click=${() => view.onProvider(method)}>
                  ${fill(strings.continueWithProvider, { provider: PROVIDER_NAMES[method] })}
                </button>`,
            )}
          </div>`
      : nothing}
    <div part="actions">
      <button part="button" type="button" @click=${view.onCancel}>${strings.cancel}</button>
    </div>
  `;
}

export function progressView(strings: ParaReauthDialogStrings, onCancel: () => void): TemplateResult {
  return html`
    <p role="status"><span part="spinner" aria-hidden="true"></span>${strings.progressDescription}</p>
    <div part="actions">
      <button part="button" type="button" autofocus @click=${onCancel}>${strings.cancel}</button>
    </div>
  `;
}

export function errorView(
  strings: ParaReauthDialogStrings,
  failure: ReauthFailure,
  message: string,
  onRetry: () => void,
  onCancel: () => void,
): TemplateResult {
  const text = {
    'popup-blocked': strings.errorPopupBlocked,
    network: strings.errorNetwork,
    failed: strings.errorFailed,
    unsupported: strings.errorUnsupported,
  }[failure];
  return html`
    <p part="error" role="alert">${fill(text, { message })}</p>
    <div part="actions">
      <button part="button" type="button" @click=${onCancel}>${strings.cancel}</button>
      ${failure === 'unsupported'
        ? nothing
        : html`<button class="primary" part="button button-primary" type="button" autofocus @click=${onRetry}>${strings.retry}</button>`}
    </div>
  `;
}

export function switchedAccountView(
  strings: ParaReauthDialogStrings,
  names: { current: string; previous: string },
  onContinue: () => void,
  onSignInAsPrevious: () => void,
): TemplateResult {
  return html`
    <p part="error" role="alert">${fill(strings.switchedDescription, names)}</p>
    <div part="actions">
      <button part="button" type="button" @click=${onSignInAsPrevious}>${fill(strings.signInAs, names)}</button>
      <button class="primary" part="button button-primary" type="button" autofocus @click=${onContinue}>
        ${fill(strings.continueAs, names)}
      </button>
    </div>
  `;
}
