/** `para-session-kit/para-session-status`: registers `<para-session>` and `<para-session-status>`, nothing else. */
import { ParaSession } from './para-session.js';
import { ParaSessionStatus } from '../elements/para-session-status/para-session-status.js';

export { ParaSession, ParaSessionStatus };
export type { ParaSessionStatusStrings } from '../elements/para-session-status/para-session-status.js';
export { registerTranslation } from '../elements/shared/translations.js';
export type { ParaTranslation, PartialTranslation } from '../elements/shared/translations.js';
export type { TimeFormat, FormatTimeHook, TimeFormatContext } from '../elements/shared/format-time.js';

if (typeof customElements !== 'undefined') ParaSessionStatus.define('para-session-status');
