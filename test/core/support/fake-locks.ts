import type { LockManagerLike, LockRequestOptions } from '../../../src/core/tabs/lock-election.js';

interface LockRequest {
  owner: string;
  name: string;
  callback: (lock: unknown) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const abortError = (message: string) => new DOMException(message, 'AbortError');

/**
 * The Web Locks API for several tabs in one test page: FIFO queues, `ifAvailable`, `steal`, `signal`,
 * and `kill(tab)` releasing a crashed tab's locks as the browser does.
 */
export class FakeLockHub {
  private readonly held = new Map<string, LockRequest>();
  private readonly queues = new Map<string, LockRequest[]>();
  /** Every grant, in order: `${owner} ${name}`. */
  readonly grants: string[] = [];

  manager(owner: string): LockManagerLike {
    return { request: (name, options, callback) => this.request(owner, name, options, callback) as Promise<never> };
  }

  get heldCount(): number {
    return this.held.size;
  }

  get queuedCount(): number {
    return [...this.queues.values()].reduce((sum, queue) => sum + queue.length, 0);
  }

  holder(name: string): string | null {
    return this.held.get(name)?.owner ?? null;
  }

  private request(owner: string, name: string, options: LockRequestOptions, callback: (lock: unknown) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const request: LockRequest = { owner, name, callback, resolve, reject };
      if (options.steal) {
        const current = this.held.get(name);
        this.held.delete(name);
        current?.reject(abortError('The lock was stolen'));
        this.grant(request);
        return;
      }
      const queue = this.queues.get(name) ?? [];
      const busy = this.held.has(name) || queue.length > 0;
      if (options.ifAvailable && busy) {
        Promise.resolve()
          .then(() => callback(null))
          .then(resolve, reject);
        return;
      }
      if (options.signal?.aborted) return reject(abortError('Aborted'));
      options.signal?.addEventListener(
        'abort',
        () => {
          const index = queue.indexOf(request);
          if (index === -1) return;
          queue.splice(index, 1);
          reject(abortError('Aborted'));
        },
        { once: true },
      );
      if (!busy) return this.grant(request);
      queue.push(request);
      this.queues.set(name, queue);
    });
  }

  private grant(request: LockRequest): void {
    this.held.set(request.name, request);
    this.grants.push(`${request.owner} ${request.name}`);
    Promise.resolve()
      .then(() => request.callback({ name: request.name }))
      .then(
        (value) => this.release(request, () => request.resolve(value)),
        (error) => this.release(request, () => request.reject(error)),
      );
  }

  private release(request: LockRequest, settle: () => void): void {
    if (this.held.get(request.name) === request) {
      this.held.delete(request.name);
      this.grantNext(request.name);
    }
    settle();
  }

  private grantNext(name: string): void {
    const next = this.queues.get(name)?.shift();
    if (next) this.grant(next);
  }

  /** The tab crashed or was closed: its locks go to the next in line, its queued requests vanish. */
  kill(owner: string): void {
    for (const queue of this.queues.values()) {
      for (let i = queue.length - 1; i >= 0; i -= 1) if (queue[i].owner === owner) queue.splice(i, 1);
    }
    for (const [name, request] of [...this.held]) {
      if (request.owner !== owner) continue;
      this.held.delete(name);
      this.grantNext(name);
    }
  }
}
