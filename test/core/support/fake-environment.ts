import type { SessionEnvironment } from '../../../src/core/environment.js';

/** An EventTarget that counts its listeners, so tests can prove nothing is left behind. */
export class CountingTarget extends EventTarget {
  listeners = 0;

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    if (args[1]) this.listeners += 1;
    super.addEventListener(...args);
  }

  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    if (args[1]) this.listeners -= 1;
    super.removeEventListener(...args);
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

/** A user does something on the page. */
export function userActs(environment: FakeEnvironment): void {
  environment.document.dispatchEvent(new Event('pointerdown'));
}
