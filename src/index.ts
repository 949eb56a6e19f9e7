/**
 * The package entry: the headless engine, the elements, and — as a side effect of importing it —
 * the four tags registered. `para-session-kit/core` is the same engine without any element.
 */
import { defineParaSessionElements } from './elements/define.js';

export * from './core/index.js';
export * from './elements/index.js';
export { defineParaSessionElements };
export { isSwitchedAccount, openAuthPopup, ReauthAttempt, OAUTH_METHODS } from './para/reauth.js';
export type { OAuthMethod, ReauthMethod, ReauthOutcome, ReauthFailure, ReauthSession } from './para/reauth.js';
export type { ParaStateSnapshot } from './para/client.js';

// Registering only where custom elements exist keeps the entry importable in Node (SSR, tests).
if (typeof customElements !== 'undefined') defineParaSessionElements();
