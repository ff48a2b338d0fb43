import type { EventBus } from '../ports/event-bus.port.js';
import type { Presence } from '../ports/presence.port.js';

export interface RealtimeServiceDeps {
  presence: Presence;
  bus: EventBus;
  /** How long a typing indicator lasts without a new `typing` frame. */
  typingTtlMs?: number;
}

/**
 * Presence and typing. Typing marks expire on the server: when no new `typing` frame arrives
 * within the TTL (or the user sends), subscribers get `typing:false`.
 */
export class RealtimeService {
  readonly #deps: RealtimeServiceDeps;
  readonly #typingTtlMs: number;
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(deps: RealtimeServiceDeps) {
    this.#deps = deps;
    this.#typingTtlMs = deps.typingTtlMs ?? 5000;
  }

  /** Registers a connection; announces the user online in `channelIds` when it is their first. */
  async connect(userId: string, connectionId: string, channelIds: readonly string[]): Promise<void> {
    if (!(await this.#deps.presence.connect(userId, connectionId))) return;
    await Promise.all(
      channelIds.map((channelId) => this.#deps.bus.publish({ kind: 'presence', channelId, userId, online: true })),
    );
  }

  async disconnect(userId: string, connectionId: string, channelIds: readonly string[]): Promise<void> {
    if (!(await this.#deps.presence.disconnect(userId, connectionId))) return;
    await Promise.all(
      channelIds.map((channelId) => this.#deps.bus.publish({ kind: 'presence', channelId, userId, online: false })),
    );
  }

  online(userIds: readonly string[]): Promise<Set<string>> {
    return this.#deps.presence.online(userIds);
  }

  /** The caller must already be a member of the channel. */
  async typing(channelId: string, userId: string): Promise<void> {
    const key = `${channelId}:${userId}`;
    const fresh = await this.#deps.presence.startTyping(channelId, userId, this.#typingTtlMs);
    clearTimeout(this.#timers.get(key));
    const timer = setTimeout(() => this.stopTyping(channelId, userId).catch(() => undefined), this.#typingTtlMs);
    timer.unref();
    this.#timers.set(key, timer);
    if (fresh) await this.#deps.bus.publish({ kind: 'typing', channelId, userId, typing: true });
  }

  async stopTyping(channelId: string, userId: string): Promise<void> {
    const key = `${channelId}:${userId}`;
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    if (await this.#deps.presence.stopTyping(channelId, userId)) {
      await this.#deps.bus.publish({ kind: 'typing', channelId, userId, typing: false });
    }
  }

  close(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
