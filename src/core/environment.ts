import { outsideAppZone } from './app-zone.js';

/** The browser surfaces the engine listens to, injected so it imports and runs anywhere. */
export interface SessionEnvironment {
  /** Para's events, activity, `focus`, `online`, `pageshow`. */
  window: EventTarget | null;
  /** `visibilitychange` and activity. */
  document: (EventTarget & { readonly visibilityState?: string }) | null;
}

export function browserEnvironment(): SessionEnvironment {
  return {
    window: typeof window !== 'undefined' ? window : null,
    document: typeof document !== 'undefined' ? document : null,
  };
}

export function isVisible(environment: SessionEnvironment): boolean {
  return environment.document?.visibilityState !== 'hidden';
}

/** Adds listeners (outside an app's zone) and returns one function that removes exactly those. */
export function listen(
  target: EventTarget | null,
  types: readonly string[],
  listener: (event: Event) => void,
  options?: AddEventListenerOptions,
): () => void {
  if (!target) return () => {};
  outsideAppZone(() => {
    for (const type of types) target.addEventListener(type, listener, options);
  });
  return () => {
    for (const type of types) target.removeEventListener(type, listener, options);
  };
}
