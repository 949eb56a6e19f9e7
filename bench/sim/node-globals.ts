/** Node has EventTarget, CustomEvent, MessageEvent and DOMException, but no StorageEvent (the fakes dispatch it). */
export function installNodeGlobals(): void {
  if (typeof globalThis.StorageEvent !== 'undefined') return;
  class NodeStorageEvent extends Event {
    readonly key: string | null;
    readonly newValue: string | null;
    constructor(type: string, init: { key?: string | null; newValue?: string | null } = {}) {
      super(type);
      this.key = init.key ?? null;
      this.newValue = init.newValue ?? null;
    }
  }
  (globalThis as { StorageEvent?: unknown }).StorageEvent = NodeStorageEvent;
}
