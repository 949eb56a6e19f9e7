import { ParaReauthDialog } from './para-reauth-dialog/para-reauth-dialog.js';
import { ParaSessionGuard } from './para-session-guard/para-session-guard.js';
import { ParaSessionStatus } from './para-session-status/para-session-status.js';
import { ParaSession } from './para-session/para-session.js';

/** Registers the four tags (the provider first, so consumers find it as they upgrade); safe to call twice. */
export function defineParaSessionElements(registry: CustomElementRegistry = customElements): void {
  ParaSession.define('para-session', registry);
  ParaSessionStatus.define('para-session-status', registry);
  ParaReauthDialog.define('para-reauth-dialog', registry);
  ParaSessionGuard.define('para-session-guard', registry);
}
