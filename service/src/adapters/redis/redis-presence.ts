import type { Redis } from 'ioredis';
import type { Presence } from '../../ports/presence.port.js';
import { degrade, KEY_PREFIX } from './redis-client.js';

/** Redis's own clock (ms), so instances with skewed clocks agree on what has expired. */
const NOW = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)";

const CONNECT = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local before = redis.call('ZCARD', KEYS[1])
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if before == 0 then return 1 end
return 0`;

const DISCONNECT = `${NOW}
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if removed == 1 and redis.call('ZCARD', KEYS[1]) == 0 then return 1 end
return 0`;

const ONLINE = `${NOW}
local out = {}
for i, key in ipairs(KEYS) do out[i] = redis.call('ZCOUNT', key, '(' .. now, '+inf') end
return out`;

const HEARTBEAT = `${NOW}
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + tonumber(ARGV[1]), ARGV[i + 1])
  redis.call('PEXPIRE', key, ARGV[1])
end
return #KEYS`;

export interface RedisPresenceOptions {
  /** How long a connection counts as online without a heartbeat (a dead instance's expire after it). */
  connectionTtlMs?: number;
  heartbeatMs?: number;
  prefix?: string;
}

/**
 * Presence across instances: `parley:presence:<user>` is a sorted set of connection ids scored by
 * when they expire. Each instance refreshes its own connections every heartbeat, so a crashed
 * instance's connections lapse by themselves. Typing marks are `parley:typing:<channel>:<user>`
 * holding their end time. When Redis is down every call answers "nothing changed / offline".
 */
export class RedisPresence implements Presence {
  readonly #redis: Redis;
  readonly #ttl: number;
  readonly #prefix: string;
  /** This instance's live connections, refreshed by the heartbeat. */
  readonly #mine = new Map<string, Set<string>>();
  readonly #timer: NodeJS.Timeout;

  constructor(redis: Redis, options: RedisPresenceOptions = {}) {
    this.#redis = redis;
    this.#ttl = options.connectionTtlMs ?? 30_000;
    this.#prefix = options.prefix ?? KEY_PREFIX;
    this.#timer = setInterval(() => void this.#heartbeat(), options.heartbeatMs ?? Math.floor(this.#ttl / 3));
    this.#timer.unref();
  }

  #key(userId: string): string {
    return `${this.#prefix}presence:${userId}`;
  }

  async connect(userId: string, connectionId: string): Promise<boolean> {
    const set = this.#mine.get(userId) ?? new Set<string>();
    this.#mine.set(userId, set.add(connectionId));
    return degrade(
      false,
      async () => (await this.#redis.eval(CONNECT, 1, this.#key(userId), connectionId, this.#ttl)) === 1,
    );
  }

  async disconnect(userId: string, connectionId: string): Promise<boolean> {
    const set = this.#mine.get(userId);
    set?.delete(connectionId);
    if (set?.size === 0) this.#mine.delete(userId);
    return degrade(false, async () => (await this.#redis.eval(DISCONNECT, 1, this.#key(userId), connectionId)) === 1);
  }

  async online(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    return degrade(new Set<string>(), async () => {
      const counts = (await this.#redis.eval(
        ONLINE,
        userIds.length,
        ...userIds.map((id) => this.#key(id)),
      )) as number[];
      return new Set(userIds.filter((_, i) => (counts[i] ?? 0) > 0));
    });
  }

  async startTyping(channelId: string, userId: string, ttlMs: number): Promise<boolean> {
    return degrade(false, async () => {
      const now = Date.now();
      // Kept past its end (until stopTyping clears it) so that the end itself is reported.
      const previous = await this.#redis.set(
        this.#typingKey(channelId, userId),
        String(now + ttlMs),
        'PX',
        2 * ttlMs + 1000,
        'GET',
      );
      return previous === null || Number(previous) <= now;
    });
  }

  async stopTyping(channelId: string, userId: string): Promise<boolean> {
    return degrade(false, async () => (await this.#redis.del(this.#typingKey(channelId, userId))) > 0);
  }

  #typingKey(channelId: string, userId: string): string {
    return `${this.#prefix}typing:${channelId}:${userId}`;
  }

  /** Refreshes this instance's connections (re-adding any that lapsed while Redis was away). */
  async #heartbeat(): Promise<void> {
    const keys: string[] = [];
    const ids: string[] = [];
    for (const [userId, connections] of this.#mine) {
      for (const id of connections) {
        keys.push(this.#key(userId));
        ids.push(id);
      }
    }
    for (let i = 0; i < keys.length; i += 500) {
      const k = keys.slice(i, i + 500);
      await degrade(undefined, () => this.#redis.eval(HEARTBEAT, k.length, ...k, this.#ttl, ...ids.slice(i, i + 500)));
    }
  }

  close(): Promise<void> {
    clearInterval(this.#timer);
    this.#mine.clear();
    return Promise.resolve();
  }
}
