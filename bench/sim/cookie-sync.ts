/**
 * The SDK's cross-tab cookie sync [R7]: each tab's SDK keeps its own copy of the session cookie and
 * persists it to localStorage (`persistSessionCookie`, core-sdk ParaCore.js); the `storage` listener in the
 * other tabs reloads it (core-sdk utils/listeners.js → `updateSessionCookieFromStorage`). Kit and baseline
 * both run on it.
 */
type StorageLike = Pick<Storage, 'setItem'>;

export const COOKIE_KEY = '@CAPSULE/sessionCookie';

/** A cookie jar for `FakeParaClient`: writes persist to storage, other tabs' writes arrive as `storage` events. */
export function syncedCookieJar(storage: StorageLike, storageEvents: EventTarget, stored: string | undefined): { cookie?: string } {
  let cookie = stored || undefined;
  storageEvents.addEventListener('storage', (event) => {
    const { key, newValue } = event as StorageEvent;
    if (key === COOKIE_KEY) cookie = newValue || undefined;
  });
  return {
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
      // Logout clears the key; the fake storage hub signals a removal as an empty value.
      storage.setItem(COOKIE_KEY, value ?? '');
    },
  };
}
