/**
 * The SDK dispatches `CustomEvent`s on `window`. The kit listens to the few that move the session.
 */
export const PARA_LOGIN_EVENT = 'paraLogin';
export const PARA_LOGOUT_EVENT = 'paraLogout';
/** Signing extends the session by its full length on Para's side. */
export const PARA_SIGNING_EVENTS = ['paraSignMessage', 'paraSignTransaction'] as const;

export interface ParaEventHandlers {
  onLogin(): void;
  onLogout(): void;
  onSigned(): void;
}

/** Subscribes to the SDK's window events; returns the unsubscribe. */
export function listenToParaEvents(target: EventTarget, handlers: ParaEventHandlers): () => void {
  const onSigned = (event: Event) => {
    const detail = (event as CustomEvent<{ error?: unknown } | undefined>).detail;
    if (!detail?.error) handlers.onSigned();
  };
  const onLogin = () => handlers.onLogin();
  const onLogout = () => handlers.onLogout();
  target.addEventListener(PARA_LOGIN_EVENT, onLogin);
  target.addEventListener(PARA_LOGOUT_EVENT, onLogout);
  for (const type of PARA_SIGNING_EVENTS) target.addEventListener(type, onSigned);
  return () => {
    target.removeEventListener(PARA_LOGIN_EVENT, onLogin);
    target.removeEventListener(PARA_LOGOUT_EVENT, onLogout);
    for (const type of PARA_SIGNING_EVENTS) target.removeEventListener(type, onSigned);
  };
}
