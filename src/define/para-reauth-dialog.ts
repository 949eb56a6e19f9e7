/** `para-session-kit/para-reauth-dialog`: registers `<para-session>` and `<para-reauth-dialog>`, nothing else. */
import { ParaSession } from './para-session.js';
import { ParaReauthDialog } from '../elements/para-reauth-dialog/para-reauth-dialog.js';

export { ParaSession, ParaReauthDialog };
export type { ParaReauthDialogStrings } from '../elements/para-reauth-dialog/para-reauth-dialog.js';
export { registerTranslation } from '../elements/shared/translations.js';
export type { ParaTranslation, PartialTranslation } from '../elements/shared/translations.js';

if (typeof customElements !== 'undefined') ParaReauthDialog.define('para-reauth-dialog');
