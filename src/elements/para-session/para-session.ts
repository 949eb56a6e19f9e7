import { provide } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReadableAtom } from 'nanostores';
import { ParaSessionEngine } from '../../core/engine.js';
import { SessionUnavailableError } from '../../core/errors.js';
import { splitCreateOptions } from '../../core/engine-setup.js';
import { releasePlace, runsFor } from '../../core/registry.js';
import {
  ATTRIBUTE_OPTION_KEYS,
  attributeProblem,
  OPTION_KEYS,
  OPTION_TABLE,
  resolveOptions,
  toSeconds,
  type AttributeOptionKey,
  type OptionKey,
  type OptionWarnings,
} from '../../core/options.js';
import type { CreateSessionOptions, ExportOptions, KeepAlivePolicy, LogoutOptions, SessionOptions, SessionState } from '../../core/types.js';
import type { ParaSessionClient } from '../../para/client.js';
import { ParaElement } from '../base/para-element.js';
import { paraSessionContext, type ParaSessionContext } from '../context.js';
import {
  ParaReauthCancelEvent,
  ParaReauthCompleteEvent,
  ParaReauthRequestEvent,
  ParaSessionChangeEvent,
  ParaSessionErrorEvent,
  ParaSessionExpiredEvent,
  ParaSessionExtendedEvent,
  ParaSessionWarningEvent,
} from '../events.js';
import { sameEngineOptions } from './same-engine-options.js';
import { SessionHandle } from './session-handle.js';

/** Advanced engine settings: the options without an attribute, injected time, environment and tab coordination. */
export type ParaSessionEngineOptions = Omit<CreateSessionOptions, AttributeOptionKey>;

/** How warnings name an option: its attribute, or where the advanced ones are set. */
const silentWarnings: OptionWarnings = { source: '', name: String, warn: () => {} };
const optionName = (key: OptionKey): string => OPTION_TABLE[key].attribute ?? `engineOptions.${key}`;

/** Unreadable text becomes `undefined` (the default applies); `attributeChangedCallback` warns about it. */
/**
 * A boolean attribute that frameworks may write as text: Svelte and Vue set `disable-auto-keep-alive="false"`
 * for `false`, which as a plain boolean attribute would turn keep-alive off. Present and not "false": on.
 */
const flagConverter = {
  fromAttribute: (value: string | null): boolean => value !== null && value.trim().toLowerCase() !== 'false',
  toAttribute: (value: boolean): string | null => (value ? '' : null),
};

const optionConverter = (key: OptionKey) => ({
  fromAttribute: (value: string | null): unknown => {
    if (value === null || attributeProblem(key, value) !== null) return undefined;
    return OPTION_TABLE[key].unit === 's' ? toSeconds(value) : value;
  },
  toAttribute: (value: unknown): string | null => (value === undefined || value === null ? null : String(value)),
});

/**
 * @tag para-session
 * @summary Runs one Para session (keep-alive, warning, expiry, re-authentication) and provides it to the
 * elements inside it. Renders nothing of its own.
 *
 * @slot - The app, or the part of it that uses the session.
 *
 * @fires {ParaSessionChangeEvent} para-session-change - The state changed. `detail: { state: SessionState, previous: SessionState }`
 * @fires {ParaSessionExtendedEvent} para-session-extended - The server extended the session. `detail: { expiresAt: number | null }`
 * @fires {ParaSessionWarningEvent} para-session-warning - The warning window began. `detail: { expiresAt: number | null, secondsLeft: number }`
 * @fires {ParaSessionExpiredEvent} para-session-expired - The server confirmed the expiry. `detail: { identity: ParaIdentity }`
 * @fires {ParaReauthRequestEvent} para-reauth-request - A sign-in is needed; cancelable: `preventDefault()` to run your own. `detail: { identity: ParaIdentity }`
 * @fires {ParaReauthCompleteEvent} para-reauth-complete - Signed in again. `detail: { identity: ParaIdentity, previous: ParaIdentity, switchedAccount: boolean, account: 'same' | 'switched' | 'unconfirmed' }`
 * @fires {ParaReauthCancelEvent} para-reauth-cancel - The user gave up signing in. `detail: { reason: string }`
 * @fires {ParaSessionErrorEvent} para-session-error - A request failed or the setup is wrong. `detail: { error: SessionError }`
 */
export class ParaSession extends ParaElement {
  static override styles = [ParaElement.styles, css`:host { display: contents; }`];

  /** The Para client (a `ParaWeb` instance, or anything with the same methods). */
  @property({ attribute: false }) client: ParaSessionClient | null = null;

  /** Para's configured session length in seconds, 60 … 2592000 (30 days). Default 7200. */
  @property({ attribute: 'session-length', type: Number, reflect: true, converter: optionConverter('sessionLength') }) sessionLength?: number;

  /** `activity` (default): extend only after user activity · `always` · `off`. */
  @property({ attribute: 'keep-alive', reflect: true, converter: optionConverter('keepAlive') }) keepAlive?: KeepAlivePolicy;

  /** Same as `keep-alive="off"`; mirrors ParaProvider's `disableAutoSessionKeepAlive`. */
  @property({ attribute: 'disable-auto-keep-alive', reflect: true, converter: flagConverter }) disableAutoKeepAlive = false;

  /** Extend this many seconds before expiry, at least 10. Default 300 (less for short sessions); a busy user's session is extended by the time of the warning at the latest. */
  @property({ attribute: 'refresh-before', type: Number, reflect: true, converter: optionConverter('refreshBefore') }) refreshBefore?: number;

  /** Warn an idle user this many seconds before expiry, at least 20 (WCAG 2.2.1). Default 120. */
  @property({ attribute: 'warn-before', type: Number, reflect: true, converter: optionConverter('warnBefore') }) warnBefore?: number;

  /**
   * Advanced: the engine's clock, environment, tab coordinator, fetch. Setting it restarts the engine, unless
   * each value is the one set before (a framework passes a new, equal object on every render).
   */
  @property({ attribute: false, hasChanged: (next: unknown, before: unknown) => !sameEngineOptions(next ?? {}, before ?? {}) })
  engineOptions: ParaSessionEngineOptions = {};
  /** Attributes that could not be read, by option, until the next update says them (see `attributeChangedCallback`). */
  readonly #badAttributes = new Map<AttributeOptionKey, string>();
  /** The last `engineOptions` that was not an object, said once. */
  #badOptions: unknown = undefined;

  /** The tab channel this session coordinates under; default: derived from the client's environment and API key. */
  @property({ attribute: 'channel', reflect: true }) channel?: string;

  @provide({ context: paraSessionContext })
  protected readonly handle = new SessionHandle(() => this.#engineOptions) as ParaSessionContext;

  #engine: ParaSessionEngine | null = null;
  #unlisten: Array<() => void> = [];

  /**
   * `engineOptions` as an object: a framework that unsets the prop writes `undefined` (React 19, Vue's `.prop`,
   * Angular's unset input), which is no options, not a session left stopped. Any other value is said and ignored.
   */
  get #engineOptions(): ParaSessionEngineOptions {
    const options: unknown = this.engineOptions;
    if (typeof options === 'object' && options !== null && !Array.isArray(options)) return options as ParaSessionEngineOptions;
    if (options !== undefined && options !== null && this.#badOptions !== options) {
      this.#badOptions = options;
      console.warn(`<para-session>: engineOptions must be an object, not ${Array.isArray(options) ? 'an array' : `a ${typeof options}`}; the defaults are used.`);
    }
    return {};
  }

  get state(): SessionState {
    return this.handle.$state.get();
  }

  /** A nanostores atom of the state (the current engine's, `idle` without a client). */
  get $state(): ReadableAtom<SessionState> {
    return this.handle.$state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#engine?.start();
  }

  /** The element's notices (a client written as an attribute) go where the engine's do. */
  protected override say(message: string): void {
    this.#warnings().warn(message);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move (a framework reordering, a portal) takes the element out and puts it back in one task: the
    // session goes on, with its sign-in and the app's waits. Only an element that stayed out stops.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#engine?.stop();
      releasePlace(this);
    });
  }

  /**
   * A bad attribute is noted here, where its text is known (the property keeps its type), and said at the next
   * update, once every attribute is read: a fallback that depends on another option (`warn-before` on
   * `session-length`) is then the one the engine uses, whichever attribute the markup wrote first.
   */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    const key = ATTRIBUTE_OPTION_KEYS.find((option) => OPTION_TABLE[option].attribute === name);
    const problem = key && value !== null ? attributeProblem(key, value) : null;
    if (key) this.#badAttributes.delete(key);
    super.attributeChangedCallback(name, old, value);
    if (!key || !problem) return;
    this.#badAttributes.set(key, `${name}=${JSON.stringify(value)} ${problem}`);
    // Said by an update even when the property stays as it was (one unreadable text after another).
    this.requestUpdate();
  }

  #sayBadAttributes(): void {
    for (const [key, said] of this.#badAttributes) {
      const fallback = resolveOptions({ ...this.#sessionOptions(), [key]: undefined }, silentWarnings)[key];
      this.#warnings().warn(`<para-session>: ${said}; using ${JSON.stringify(fallback)}.`);
    }
    this.#badAttributes.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#sayBadAttributes();
    if (changed.has('client') || changed.has('engineOptions') || changed.has('channel')) {
      this.#replaceEngine();
    } else if (this.#engine && ATTRIBUTE_OPTION_KEYS.some((key) => changed.has(key))) {
      this.#engine.setOptions(this.#sessionOptions());
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  check(): Promise<SessionState> {
    return this.#withEngine((engine) => engine.check(), () => Promise.resolve(this.state));
  }

  extend(): Promise<boolean> {
    return this.#withEngine((engine) => engine.extend(), () => Promise.resolve(false));
  }

  /** Resolves when the session is usable; after an expiry it opens the re-authentication first. */
  requireActive(): Promise<void> {
    return this.#withEngine((engine) => engine.requireActive(), () => Promise.reject(this.#noClientError()));
  }

  reauthenticate(): Promise<void> {
    return this.#withEngine((engine) => engine.reauthenticate(), () => Promise.reject(this.#noClientError()));
  }

  exportSession(options?: ExportOptions): Promise<string> {
    return this.#withEngine((engine) => engine.exportSession(options), () => Promise.reject(this.#noClientError()));
  }

  /** POSTs the exported session to your server; the kit never stores it. */
  sendSessionTo(url: string | URL, init?: RequestInit, options?: ExportOptions): Promise<Response> {
    return this.#withEngine((engine) => engine.sendSessionTo(url, init, options), () => Promise.reject(this.#noClientError()));
  }

  /** Signs out; `{ clearPregenWallets: true }` also removes the pregenerated wallets the SDK keeps (see `LogoutOptions`). */
  logout(options?: LogoutOptions): Promise<void> {
    return this.#withEngine((engine) => engine.logout(options), () => Promise.resolve());
  }

  /**
   * A call made right after `client` (or `engineOptions`, `channel`) was set, as app code writes it, goes to the
   * engine the pending update starts, not to the one before it (or to none).
   */
  #withEngine<T>(call: (engine: ParaSessionEngine) => Promise<T>, none: () => Promise<T>): Promise<T> {
    const run = () => (this.#engine ? call(this.#engine) : none());
    return this.isConnected && this.isUpdatePending ? this.updateComplete.then(run) : run();
  }

  #replaceEngine(): void {
    for (const stop of this.#unlisten.splice(0)) stop();
    this.#engine?.stop();
    const { setup } = splitCreateOptions(this.#engineOptions);
    if (this.channel !== undefined && this.channel !== null) setup.channel = this.channel;
    this.#engine = this.client ? new ParaSessionEngine(this.client, this.#sessionOptions(), setup, this.#warnings()) : null;
    // A new engine for this element keeps the element's place in `$paraSession`'s order.
    if (this.#engine) runsFor(this.#engine, this);
    const handle = this.handle as SessionHandle;
    handle.follow(this.#engine);
    if (!this.#engine) return;
    this.#unlisten = this.#forwardEvents(this.#engine);
    if (this.isConnected) this.#engine.start();
  }

  /** Engine events become DOM events; a sign-in request first asks the page whether it runs its own. */
  #forwardEvents(engine: ParaSessionEngine): Array<() => void> {
    return [
      engine.on('change', (detail) => this.emit(new ParaSessionChangeEvent(detail))),
      engine.on('extended', (detail) => this.emit(new ParaSessionExtendedEvent(detail))),
      engine.on('warning', (detail) => this.emit(new ParaSessionWarningEvent(detail))),
      engine.on('expired', (detail) => this.emit(new ParaSessionExpiredEvent(detail))),
      engine.on('error', (detail) => this.emit(new ParaSessionErrorEvent(detail))),
      engine.on('reauth-request', ({ identity }) => {
        if (this.emit(new ParaReauthRequestEvent({ identity })).defaultPrevented) engine.leaveReauthToApp();
      }),
      engine.on('reauth-complete', (detail) => this.emit(new ParaReauthCompleteEvent(detail))),
      engine.on('reauth-cancel', (detail) => this.emit(new ParaReauthCancelEvent(detail))),
    ];
  }

  /** Only what the page set: attribute options from the properties, the others from `engineOptions`. */
  #sessionOptions(): Partial<SessionOptions> {
    const options: Partial<Record<OptionKey, unknown>> = {};
    for (const key of OPTION_KEYS) {
      options[key] = OPTION_TABLE[key].attribute === null ? this.#engineOptions[key as keyof ParaSessionEngineOptions] : this[key as AttributeOptionKey];
    }
    return options as Partial<SessionOptions>;
  }

  #warnings(): OptionWarnings {
    const warn = this.#engineOptions.warn ?? ((message: string) => console.warn(message));
    return { source: '<para-session>', name: optionName, warn };
  }

  #noClientError(): SessionUnavailableError {
    return new SessionUnavailableError('stopped', '<para-session> has no client: set its `client` property first.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'para-session': ParaSession;
  }
}
