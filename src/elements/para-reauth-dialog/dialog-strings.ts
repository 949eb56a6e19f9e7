/**
 * Every text `<para-reauth-dialog>` shows. Set `strings` with any subset to translate or rephrase;
 * `{time}`, `{email}`, `{provider}`, `{current}`, `{previous}` and `{message}` are filled in.
 */
export interface ParaReauthDialogStrings {
  warningTitle: string;
  /** Shown with a live countdown: `{time}` is `1:52`. */
  warningDescription: string;
  /** Announced to screen readers at 60, 30 and 10 seconds: `{time}` is spoken ("30 seconds"). */
  warningAnnouncement: string;
  staySignedIn: string;
  signOut: string;
  extendFailed: string;
  expiredTitle: string;
  expiredDescription: string;
  emailLabel: string;
  continueWithEmail: string;
  continueWithProvider: string;
  orDivider: string;
  cancel: string;
  progressTitle: string;
  progressDescription: string;
  retry: string;
  errorPopupBlocked: string;
  errorNetwork: string;
  errorFailed: string;
  errorUnsupported: string;
  switchedTitle: string;
  switchedDescription: string;
  continueAs: string;
  signInAs: string;
  unknownAccount: string;
}

export const defaultDialogStrings: ParaReauthDialogStrings = {
  warningTitle: 'Are you still there?',
  warningDescription: 'Your session ends in {time}.',
  warningAnnouncement: 'Your session ends in {time}.',
  staySignedIn: 'Stay signed in',
  signOut: 'Sign out',
  extendFailed: 'Your session could not be extended. Try again.',
  expiredTitle: 'Your session has ended',
  expiredDescription: 'For your security, your session ended. Sign in again to continue where you left off; nothing on this page is lost.',
  emailLabel: 'Email',
  continueWithEmail: 'Continue with email',
  continueWithProvider: 'Continue with {provider}',
  orDivider: 'or',
  cancel: 'Cancel',
  progressTitle: 'Finish signing in',
  progressDescription: 'Complete the sign-in in the window that opened. This page will continue when you are done.',
  retry: 'Try again',
  errorPopupBlocked: 'Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.',
  errorNetwork: 'Para could not be reached. Check your connection, then try again.',
  errorFailed: 'Signing in did not finish: {message}',
  errorUnsupported: 'This sign-in method is not available: {message}',
  switchedTitle: 'You signed in with another account',
  switchedDescription: 'You are now signed in as {current}, but the session that ended belonged to {previous}.',
  continueAs: 'Continue as {current}',
  signInAs: 'Sign in as {previous}',
  unknownAccount: 'another account',
};

export const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
