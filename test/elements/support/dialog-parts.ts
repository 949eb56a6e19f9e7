import type { ParaReauthDialog } from '../../../src/elements/para-reauth-dialog/para-reauth-dialog.js';

/** The parts of a `<para-reauth-dialog>` tests read: its shadow root, the native dialog, a button by its text. */
export const shadow = (el: ParaReauthDialog): ShadowRoot => el.shadowRoot!;
export const nativeDialog = (el: ParaReauthDialog): HTMLDialogElement => shadow(el).querySelector('dialog')!;
export const buttonNamed = (el: ParaReauthDialog, name: string): HTMLButtonElement =>
  [...shadow(el).querySelectorAll('button')].find((button) => button.textContent!.trim() === name)!;
