/**
 * Every text `<para-reauth-dialog>` shows. Set `strings` with any subset to rephrase; the language
 * comes from the nearest `[lang]`: English is built in, German and Arabic are the modules
 * `para-session-kit/locales/de` and `/ar`, and `registerTranslation` adds more.
 * `{time}`, `{name}`, `{provider}`, `{current}` and `{previous}` are filled in.
 */
export interface ParaReauthDialogStrings {
  warningTitle: string;
  /** Shown with a live countdown: `{time}` is `1:52` on screen and "1 minute, 52 seconds" to screen readers. */
  warningDescription: string;
  /** Announced every 15 s, and assertively at 20 and 10 s: `{time}` is spoken. */
  warningAnnouncement: string;
  staySignedIn: string;
  signOut: string;
  /** The close button: the same as "Stay signed in" while warning, "Cancel" once expired. */
  close: string;
  extendFailed: string;
  extendOffline: string;
  /** "Sign out" could not reach Para: the session goes on there, and the sign-out is retried until it goes through. */
  signOutPending: string;
  /** "Sign out" could not be done at all (the client cannot log out): nothing changed. */
  signOutFailed: string;
  expiredTitle: string;
  /** The heading when the account is known: `{name}` is its display name, email or phone. */
  expiredTitleKnown: string;
  expiredDescription: string;
  emailLabel: string;
  phoneLabel: string;
  phoneHint: string;
  phoneInvalid: string;
  /** Instead of `phoneHint` with `country-code` set: `{code}` is it (`+44`), and a national number is fine. */
  phoneHintWithCode: string;
  /** Instead of `phoneInvalid` with `country-code` set. */
  phoneInvalidWithCode: string;
  /** Said when the email field is empty or is not an address. */
  emailInvalid: string;
  usePhone: string;
  useEmail: string;
  useAnotherAccount: string;
  continueWithEmail: string;
  continueWithPhone: string;
  continueWithProvider: string;
  /** `reauth="refresh"`: approve this same session again. */
  continueWithRefresh: string;
  refreshUnavailable: string;
  orDivider: string;
  cancel: string;
  progressTitle: string;
  progressDescription: string;
  /** After the sign-in window closed on success, while Para confirms the session. */
  confirmingDescription: string;
  /** The same, while Para cannot be reached to confirm it. */
  confirmingOffline: string;
  retry: string;
  errorPopupBlocked: string;
  errorPopupClosed: string;
  errorNetwork: string;
  errorFailed: string;
  errorUnsupported: string;
  switchedTitle: string;
  switchedDescription: string;
  continueAs: string;
  signInAs: string;
  /** Instead of `signInAs` when nothing names the account whose session ended: back to the sign-in choices. */
  signInWithPrevious: string;
  /** `{previous}` when nothing names the account whose session ended ("…belonged to another account"). */
  unknownAccount: string;
  /** `{current}` when nothing names the account signed in now ("signed in as another account"); a language may need another case. */
  unknownCurrentAccount: string;
  /** After Cancel: a way back in, shown at the bottom of the page. */
  resumeMessage: string;
  resumeAction: string;
}

export const defaultDialogStrings: ParaReauthDialogStrings = {
  warningTitle: 'Are you still there?',
  warningDescription: 'Your session ends in {time}.',
  warningAnnouncement: 'Your session ends in {time}.',
  staySignedIn: 'Stay signed in',
  signOut: 'Sign out',
  close: 'Close',
  extendFailed: 'Your session could not be extended. Try again.',
  extendOffline: 'You seem to be offline, so your session could not be extended. It still ends at the time shown; try again when you are back online.',
  signOutPending: 'You are not signed out yet: Para could not be reached. You will be signed out as soon as it can be.',
  signOutFailed: 'You could not be signed out. Try again.',
  expiredTitle: 'Your session has ended',
  expiredTitleKnown: 'Welcome back, {name}',
  expiredDescription: 'For your security, your session ended. Sign in again to continue where you left off; nothing on this page is lost.',
  emailLabel: 'Email',
  phoneLabel: 'Phone number',
  phoneHint: 'With the country code, for example +44 20 7946 0958.',
  phoneInvalid: 'Enter a phone number with its country code, for example +44 20 7946 0958.',
  phoneHintWithCode: 'With or without the country code ({code}).',
  phoneInvalidWithCode: 'Enter a phone number, with or without the country code ({code}).',
  emailInvalid: 'Enter your email address, for example name@example.com.',
  usePhone: 'Use a phone number instead',
  useEmail: 'Use an email address instead',
  useAnotherAccount: 'Use another account',
  continueWithEmail: 'Continue with email',
  continueWithPhone: 'Continue with phone',
  continueWithProvider: 'Continue with {provider}',
  continueWithRefresh: 'Sign in again',
  refreshUnavailable: 'This session can no longer be renewed. Sign in with your account instead.',
  orDivider: 'or',
  cancel: 'Cancel',
  progressTitle: 'Finish signing in',
  progressDescription: 'Complete the sign-in in the window that opened. This page will continue when you are done.',
  confirmingDescription: 'Signed in. Para is confirming your session; this page will continue in a moment.',
  confirmingOffline: 'Signed in, but Para cannot be reached to confirm it. This page will continue once you are back online.',
  retry: 'Try again',
  errorPopupBlocked: 'Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.',
  errorPopupClosed: 'The sign-in window was closed before you finished. Try again when you are ready.',
  errorNetwork: 'Para could not be reached. Check your connection, then try again.',
  errorFailed: 'Signing in did not finish. Try again, or use another way to sign in.',
  errorUnsupported: 'This way of signing in is not available here. Use another way to sign in.',
  switchedTitle: 'You signed in with another account',
  switchedDescription: 'You are now signed in as {current}, but the session that ended belonged to {previous}.',
  continueAs: 'Continue as {current}',
  signInAs: 'Sign in as {previous}',
  signInWithPrevious: 'Sign in with your previous account',
  unknownAccount: 'another account',
  unknownCurrentAccount: 'another account',
  resumeMessage: 'You are signed out. Your work on this page is kept.',
  resumeAction: 'Sign in again',
};

export const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
