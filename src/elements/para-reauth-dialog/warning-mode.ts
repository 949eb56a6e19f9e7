import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { secondsLeft } from '../../core/state.js';
import { CountdownController } from '../shared/countdown-controller.js';
import { CountdownSeconds } from '../shared/countdown-seconds.js';
import { announcementMark, type TimeFormatContext } from '../shared/format-time.js';
import type { SessionConsumer } from '../shared/session-consumer.js';
import { fill, type ParaReauthDialogStrings } from './dialog-strings.js';
import { warningView, type WarningFailureKind } from './dialog-views.js';

export interface WarningModeOptions {
  /** Whether the warning is what the dialog shows now: the countdown ticks only then. */
  active(): boolean;
  strings(): ParaReauthDialogStrings;
  time(seconds: number, kind: TimeFormatContext['kind']): string;
  /** An extension attempt ended: the host follows the session again (success closes the warning). */
  settled(): void;
}

/** A spoken mark as the live regions hold it. */
interface Said {
  at: number;
  urgent: boolean;
  /** The seconds spoken: the mark's, or fewer when the time left fell past it (a tab shown again late). */
  seconds: number;
  text: string;
}

/**
 * What last failed of the user's choices in the warning: extending, or a sign-out that could not be done at all.
 * A sign-out Para could not be reached for is not kept here: it is owed (`engine.logoutPending`), in every tab.
 */
type WarningFailure = 'extend' | 'sign-out-failed' | null;

/** Warning mode: the live countdown, its spoken marks, and "Stay signed in" and "Sign out" with their failure messages. */
export class WarningMode implements ReactiveController {
  #extending = false;
  #signingOut = false;
  #failure: WarningFailure = null;
  /** Seconds left when the warning opened: spoken marks count from there. */
  #openedAt = 0;
  /** The mark last spoken, in the words it was spoken in; emptied, not spoken again, when only its words change. */
  #said: Said | null = null;
  /** What the countdown shows: never up again from 0:00 for a re-check. */
  readonly #countdown = new CountdownSeconds();

  readonly #host: ReactiveControllerHost;
  readonly #session: SessionConsumer;
  readonly #options: WarningModeOptions;

  constructor(host: ReactiveControllerHost, session: SessionConsumer, options: WarningModeOptions) {
    this.#host = host;
    this.#session = session;
    this.#options = options;
    host.addController(this);
    new CountdownController(host, {
      clock: () => session.clock,
      environment: () => session.environment,
      expiresAt: () => (options.active() ? session.state.expiresAt : null),
      granularity: () => 'second',
      probe: () => session.engine?.probeClock(),
      holding: () => this.#countdown.holding,
    });
  }

  /** The dialog enters a mode: a new warning counts its spoken marks from now; old failures are gone. */
  entered(warning: boolean): void {
    if (warning) this.#openedAt = secondsLeft(this.#session.state, this.#session.clock.now()) ?? 0;
    this.#countdown.reset();
    this.#said = null;
    this.#setFailure(null);
  }

  /** Before each render: a mark just reached is put into words; a language change alone says nothing. */
  hostUpdate(): void {
    if (!this.#options.active()) return;
    const left = this.#secondsLeft();
    const mark = announcementMark(left, this.#openedAt);
    if (!mark) {
      this.#said = null;
      return;
    }
    // The time left as it is when the mark is reached, never a number it has already passed; nothing at 0:00,
    // which the server has yet to confirm (the session's end, or a re-check, comes next).
    const seconds = this.#said?.at === mark.at ? this.#said.seconds : Math.min(mark.at, left);
    const text = seconds > 0 ? fill(this.#options.strings().warningAnnouncement, { time: this.#options.time(seconds, 'spoken') }) : '';
    if (this.#said?.at !== mark.at) this.#said = { ...mark, seconds, text };
    else if (this.#said.text !== text) this.#said.text = '';
  }

  /** "Stay signed in": asks the engine to extend; success shows as the status leaving `expiring`. */
  async staySignedIn(): Promise<void> {
    const engine = this.#session.engine;
    // The user asked to sign out and it is owed (Para could not be reached): it goes through, whatever is pressed
    // now; extending would only show a success the owed sign-out then takes back.
    if (!engine || this.#extending || engine.logoutPending) return;
    this.#extending = true;
    this.#setFailure(null);
    this.#host.requestUpdate();
    const extended = await engine.extend();
    this.#extending = false;
    this.#host.requestUpdate();
    if (!extended) this.#setFailure('extend');
    this.#options.settled();
  }

  /**
   * "Sign out": success shows as the status leaving for `signed-out`. A logout that cannot reach Para leaves the
   * session as it is (the engine retries it until it goes through): the user is told so, in the warning.
   */
  async signOut(): Promise<void> {
    const engine = this.#session.engine;
    if (!engine || this.#signingOut) return;
    this.#signingOut = true;
    this.#setFailure(null);
    try {
      await engine.logout();
    } catch {
      // Reported as para-session-error too; here, in words the user reads (an owed one as owed, see render).
      if (this.#session.state.status !== 'signed-out' && !engine.logoutPending) this.#setFailure('sign-out-failed');
    } finally {
      this.#signingOut = false;
      this.#host.requestUpdate();
      this.#options.settled();
    }
  }

  render(): TemplateResult {
    const session = this.#session;
    const t = this.#options.strings();
    const time = this.#options.time;
    const seconds = this.#secondsLeft();
    const said = this.#said;
    const offline = session.state.status === 'offline';
    // Owed by any tab's "Sign out": every tab's warning says so.
    const owed = session.engine?.logoutPending ?? false;
    return warningView({
      strings: t,
      announcement: said?.text ? { text: said.text, urgent: said.urgent } : null,
      countdown: time(seconds, 'countdown'),
      spokenTime: time(seconds, 'spoken'),
      failure: this.#failureShown(t, offline, owed),
      extending: this.#extending || owed,
      onStaySignedIn: () => void this.staySignedIn(),
      onSignOut: () => void this.signOut(),
    });
  }

  #secondsLeft(): number {
    return this.#countdown.read(this.#session.state, this.#session.clock, this.#session.engine?.expiryProvisional ?? false) ?? 0;
  }

  #failureShown(t: ParaReauthDialogStrings, offline: boolean, owed: boolean): { kind: WarningFailureKind; text: string } | null {
    if (owed) return { kind: 'sign-out-pending', text: t.signOutPending };
    switch (this.#failure) {
      case 'extend':
        return { kind: offline ? 'offline' : 'failed', text: offline ? t.extendOffline : t.extendFailed };
      case 'sign-out-failed':
        return { kind: 'sign-out-failed', text: t.signOutFailed };
      default:
        return null;
    }
  }

  #setFailure(failure: WarningFailure): void {
    if (this.#failure === failure) return;
    this.#failure = failure;
    this.#host.requestUpdate();
  }
}
