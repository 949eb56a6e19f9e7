/**
 * `para-session-kit/para-session`: registers `<para-session>` alone — the provider and its engine, for an app
 * that draws its own session UI from `$paraSession` or the context. The other element entries import this one
 * first, so the provider is defined before anything that asks it for the session.
 */
import { ParaSession } from '../elements/para-session/para-session.js';

export { ParaSession };
export type { ParaSessionEngineOptions } from '../elements/para-session/para-session.js';
export { paraSessionContext } from '../elements/context.js';
export type { ParaSessionContext, ReauthRequest } from '../elements/context.js';
export * from '../elements/events.js';

// Registering only where custom elements exist keeps the entry importable in Node (SSR, tests).
if (typeof customElements !== 'undefined') ParaSession.define('para-session');
