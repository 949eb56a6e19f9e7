import { expect } from '@open-wc/testing';
import { systemClock } from '../../src/core/clock.js';
import { Emitter } from '../../src/core/emitter.js';
import { listen } from '../../src/core/environment.js';

/** A stand-in for zone.js's `Zone` global (the real one runs in test/frameworks/zone/): it records which zone ran what. */
function installZones() {
  let current = 'app';
  const zone = (name: string) => ({
    name,
    run<T>(callback: () => T): T {
      const before = current;
      current = name;
      try {
        return callback();
      } finally {
        current = before;
      }
    },
  });
  const root = zone('root');
  const app = zone('app');
  Object.defineProperty(globalThis, 'Zone', {
    configurable: true,
    value: {
      root,
      get current() {
        return current === 'root' ? root : app;
      },
    },
  });
  return { inZone: () => current, uninstall: () => delete (globalThis as { Zone?: unknown }).Zone };
}

describe('zone.js: the kit adds its timers and listeners outside the app\'s zone, and tells the app inside it', () => {
  it('listen() adds listeners in the root zone', () => {
    const zones = installZones();
    const target = new EventTarget();
    const original = target.addEventListener.bind(target);
    const addedIn: string[] = [];
    target.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => (addedIn.push(zones.inZone()), original(...args));
    const stop = listen(target, ['pointermove', 'keydown'], () => undefined);
    stop();
    zones.uninstall();
    expect(addedIn).to.deep.equal(['root', 'root']);
  });

  it("the system clock's timers are set in the root zone", () => {
    const zones = installZones();
    const original = globalThis.setTimeout;
    const setIn: string[] = [];
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => (setIn.push(zones.inZone()), original(...args))) as typeof setTimeout;
    try {
      systemClock.clearTimeout(systemClock.setTimeout(() => undefined, 1000));
    } finally {
      globalThis.setTimeout = original;
      zones.uninstall();
    }
    expect(setIn).to.deep.equal(['root']);
  });

  it('an emitter made in the app\'s zone delivers there, whichever zone emits', () => {
    const zones = installZones();
    const emitter = new Emitter<{ change: number }>();
    const heardIn: string[] = [];
    emitter.on('change', () => heardIn.push(zones.inZone()));
    (globalThis as unknown as { Zone: { root: { run(callback: () => void): void } } }).Zone.root.run(() => emitter.emit('change', 1));
    zones.uninstall();
    expect(heardIn).to.deep.equal(['app']);
  });

  it('without zone.js, all of it is plain calls', () => {
    const target = new EventTarget();
    let heard = 0;
    const stop = listen(target, ['ping'], () => (heard += 1));
    target.dispatchEvent(new Event('ping'));
    stop();
    const emitter = new Emitter<{ change: number }>();
    emitter.on('change', (n) => (heard += n));
    emitter.emit('change', 2);
    expect(heard).to.equal(3);
  });
});
