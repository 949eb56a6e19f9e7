/** `para-session-kit/para-session-guard`: registers `<para-session>` and `<para-session-guard>`, nothing else. */
import { ParaSession } from './para-session.js';
import { ParaSessionGuard } from '../elements/para-session-guard/para-session-guard.js';

export { ParaSession, ParaSessionGuard };

if (typeof customElements !== 'undefined') ParaSessionGuard.define('para-session-guard');
