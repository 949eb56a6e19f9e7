import type { SessionEnvironment } from '../../../src/core/environment.js';

type Listener = EventListenerOrEventListenerObject;

/**
 * An EventTarget that counts its listeners, so tests can prove nothing is left behind, and can deliver
 * an event as the browser does for a person's input (`isTrusted: true`), which no script can forge.
 */
export class CountingTarget extends EventTarget {
  listeners = 0;
  private readonly byType = new Map<string, Set<Listener>>();

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    const [type, listener] = args;
    if (listener) {
      this.listeners += 1;
      if (!this.byType.has(type)) this.byType.set(type, new Set());
      this.byType.get(type)!.add(listener);
    }
    super.addEventListener(...args);
  }

  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    const [type, listener] = args;
    if (listener) {
      this.listeners -= 1;
      this.byType.get(type)?.delete(listener);
    }
    super.removeEventListener(...args);
  }

  /** What a listener sees when a person acts: the browser's own event, trusted. */
  dispatchTrusted(type: string): void {
    const event = { type, isTrusted: true, target: this, currentTarget: this } as unknown as Event;
    for (const listener of [...(this.byType.get(type) ?? [])]) {
      if (typeof listener === 'function') listener.call(this, event);
      else listener.handleEvent(event);
    }
  }
}

export class FakeDocument extends CountingTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';

  setVisible(visible: boolean): void {
    this.visibilityState = visible ? 'visible' : 'hidden';
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

export interface FakeEnvironment extends SessionEnvironment {
  window: CountingTarget;
  document: FakeDocument;
}

export function fakeEnvironment(): FakeEnvironment {
  return { window: new CountingTarget(), document: new FakeDocument() };
}

/** A person does something on the page (a trusted event, as the browser delivers input). */
export function userActs(environment: FakeEnvironment, type = 'pointerdown'): void {
  environment.document.dispatchTrusted(type);
}
