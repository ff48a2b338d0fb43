import type { Presence } from '../../ports/presence.port.js';

/** Presence and typing marks for one process. */
export class MemoryPresence implements Presence {
  readonly #connections = new Map<string, Set<string>>();
  readonly #typing = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  connect(userId: string, connectionId: string): Promise<boolean> {
    let set = this.#connections.get(userId);
    const first = !set || set.size === 0;
    if (!set) {
      set = new Set();
      this.#connections.set(userId, set);
    }
    set.add(connectionId);
    return Promise.resolve(first);
  }

  disconnect(userId: string, connectionId: string): Promise<boolean> {
    const set = this.#connections.get(userId);
    if (!set?.delete(connectionId)) return Promise.resolve(false);
    if (set.size > 0) return Promise.resolve(false);
    this.#connections.delete(userId);
    return Promise.resolve(true);
  }

  online(userIds: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(userIds.filter((id) => (this.#connections.get(id)?.size ?? 0) > 0)));
  }

  startTyping(channelId: string, userId: string, ttlMs: number): Promise<boolean> {
    const key = `${channelId}:${userId}`;
    const until = this.#typing.get(key);
    const fresh = until === undefined || until <= this.#now();
    this.#typing.set(key, this.#now() + ttlMs);
    return Promise.resolve(fresh);
  }

  stopTyping(channelId: string, userId: string): Promise<boolean> {
    const key = `${channelId}:${userId}`;
    const until = this.#typing.get(key);
    this.#typing.delete(key);
    // A mark that just expired still counts: its expiry is what ends the indicator.
    return Promise.resolve(until !== undefined);
  }

  close(): Promise<void> {
    this.#connections.clear();
    this.#typing.clear();
    return Promise.resolve();
  }
}
