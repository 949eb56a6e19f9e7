// The first sign-in (from signed out), through the same SDK flow the re-auth dialog uses:
// email → the portal page in a popup (opened blank from the submit, navigated when the URL arrives).
import { openAuthPopup, ReauthAttempt } from '../../src/index.js';
import type { ParaSession } from '../../src/index.js';
import type { ParaSessionClient } from '../../src/para/client.js';

interface SignInParts {
  session: ParaSession;
  client: { logout(): Promise<void> };
  form: HTMLFormElement;
  email: HTMLInputElement;
  message: HTMLElement;
}

export function setUpSignIn({ session, client, form, email, message }: SignInParts) {
  let attempt: ReauthAttempt | null = null;
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (attempt) return;
    const popup = openAuthPopup(); // synchronously, inside the user's gesture
    attempt = new ReauthAttempt(
      {
        client: session.client as ParaSessionClient,
        // The SDK drops a sign-in while it still thinks it is authenticated; logging out first is harmless here.
        beginReauth: () => client.logout(),
        // paraLogin already makes the engine check; this waits for the server's answer either way.
        completeReauth: () => session.check(),
        check: () => session.check(),
      },
      popup,
      { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
    );
    submit.disabled = true;
    message.textContent = 'Confirm the sign-in in the window that opened…';
    const outcome = await attempt.run({ type: 'email', email: email.value.trim() });
    attempt = null;
    submit.disabled = false;
    if (outcome.ok) message.textContent = '';
    else if (outcome.cancelled) message.textContent = 'Sign-in cancelled.';
    else if (outcome.failure === 'popup-blocked') message.textContent = 'Your browser blocked the sign-in window. Allow pop-ups for this page, then press Sign in again.';
    else message.textContent = `Signing in did not finish: ${outcome.message}`;
  });

  return {
    show(visible: boolean) {
      if (form.hidden === !visible) return;
      form.hidden = !visible;
      if (visible) email.value ||= (session.client as { email?: string } | null)?.email ?? '';
    },
  };
}
