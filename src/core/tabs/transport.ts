import { outsideAppZone } from '../app-zone.js';
import { listen } from '../environment.js';

/** The part of `BroadcastChannel` the coordinator uses; tests pass an in-memory one. */
export interface ChannelPort {
  postMessage(message: unknown): void;
  close(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export type ChannelConstructor = new (name: string) => ChannelPort;

/** The part of `localStorage` the storage fallback uses. */
export interface StorageLike {
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Carries raw messages to the other tabs of this origin; delivers theirs to `onMessage`. */
export interface Transport {
  readonly kind: 'broadcast-channel' | 'storage';
  post(data: unknown): void;
  close(): void;
}

/** Nothing is sent after `close()`, which releases once; a send the browser refuses is a lost message. */
function guardedTransport(kind: Transport['kind'], send: (data: unknown) => void, release: () => void): Transport {
  let open = true;
  return {
    kind,
    post(data) {
      if (!open) return;
      try {
        send(data);
      } catch {
        // A channel closed at page teardown, storage full or denied (private mode): lost, as on a lossy channel.
      }
    },
    close() {
      if (!open) return;
      open = false;
      release();
    },
  };
}

export function openBroadcastTransport(Channel: ChannelConstructor, name: string, onMessage: (data: unknown) => void): Transport {
  const channel = new Channel(name);
  const listener = (event: MessageEvent) => onMessage(event.data);
  outsideAppZone(() => channel.addEventListener('message', listener));
  return guardedTransport(
    'broadcast-channel',
    (data) => channel.postMessage(data),
    () => {
      channel.removeEventListener('message', listener);
      channel.close();
    },
  );
}

/**
 * Where `BroadcastChannel` is missing: a write to `localStorage` fires `storage` in every other tab.
 * The key is removed right after, so nothing stays in storage; a counter makes repeats distinct.
 */
export function openStorageTransport(
  storage: StorageLike,
  window: EventTarget,
  name: string,
  onMessage: (data: unknown) => void,
): Transport {
  const key = `${name}:message`;
  let sequence = 0;
  const stopListening = listen(window, ['storage'], (event) => {
    const { key: changed, newValue } = event as StorageEvent;
    if (changed !== key || !newValue) return;
    try {
      onMessage((JSON.parse(newValue) as { data: unknown }).data);
    } catch {
      // Not ours, or corrupted: ignored like any malformed message.
    }
  });
  const send = (data: unknown) => {
    storage.setItem(key, JSON.stringify({ n: (sequence += 1), data }));
    storage.removeItem(key);
  };
  return guardedTransport('storage', send, stopListening);
}
