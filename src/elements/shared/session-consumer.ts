import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { systemClock, type Clock } from '../../core/clock.js';
import type { ParaSessionEngine } from '../../core/engine.js';
import { browserEnvironment, type SessionEnvironment } from '../../core/environment.js';
import { initialState } from '../../core/state.js';
import type { SessionState } from '../../core/types.js';
import { paraSessionContext, type ParaSessionContext, type ReauthRequest } from '../context.js';

const warnedTags = new Set<string>();
const fallbackEnvironment = browserEnvironment();

/**
 * Binds an element to the nearest `<para-session>` above it and re-renders it when that session's
 * atoms change. Without a provider it reports `idle` and warns once per tag.
 */
export class SessionConsumer implements ReactiveController {
  #session: ParaSessionContext | undefined;
  #unsubscribe: Array<() => void> = [];

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onBind: ((session: ParaSessionContext) => () => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, onBind?: (session: ParaSessionContext) => () => void) {
    this.#host = host;
    this.#onBind = onBind;
    host.addController(this);
    new ContextConsumer(host, {
      context: paraSessionContext,
      subscribe: true,
      callback: (session) => this.#bind(session),
    });
  }

  get context(): ParaSessionContext | undefined {
    return this.#session;
  }

  get state(): SessionState {
    return this.#session?.$state.get() ?? initialState();
  }

  get engine(): ParaSessionEngine | null {
    return this.#session?.$engine.get() ?? null;
  }

  get reauth(): ReauthRequest | null {
    return this.#session?.$reauth.get() ?? null;
  }

  get clock(): Clock {
    return this.#session?.clock ?? systemClock;
  }

  get environment(): SessionEnvironment {
    return this.#session?.environment ?? fallbackEnvironment;
  }

  hostConnected(): void {
    // The context request is answered synchronously; by the next microtask a missing provider is certain.
    queueMicrotask(() => {
      const tag = this.#host.localName;
      if (!this.#host.isConnected || this.#session) return;
      // Moved out of its provider: show "no session" now, not what the old one last said.
      this.#host.requestUpdate();
      if (!warnedTags.has(tag)) {
        warnedTags.add(tag);
        console.warn(`<${tag}>: no <para-session> above it; it shows "no session". Put it inside a <para-session>.`);
      }
    });
  }

  /** Disconnected, the element follows no session: connected again, it binds to whichever provider is above it then. */
  hostDisconnected(): void {
    this.#unsubscribeAll();
    this.#session = undefined;
  }

  #bind(session: ParaSessionContext | undefined): void {
    if (session === this.#session && this.#unsubscribe.length) return;
    this.#unsubscribeAll();
    this.#session = session;
    if (session) this.#subscribe(session);
    this.#host.requestUpdate();
  }

  #subscribe(session: ParaSessionContext): void {
    this.#unsubscribeAll();
    const update = () => this.#host.requestUpdate();
    this.#unsubscribe = [session.$state.listen(update), session.$engine.listen(update), session.$reauth.listen(update)];
    if (this.#onBind) this.#unsubscribe.push(this.#onBind(session));
  }

  #unsubscribeAll(): void {
    for (const stop of this.#unsubscribe.splice(0)) stop();
  }
}
