import type { Redis } from 'ioredis';
import type { Cache } from '../../ports/cache.port.js';
import { degrade, KEY_PREFIX } from './redis-client.js';

/**
 * The shared cache: `parley:cache:<key>` with a PX TTL. When Redis is down a read is a miss and a
 * write or delete is skipped: callers fall back to the store (the TTLs bound any staleness).
 */
export class RedisCache implements Cache {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix = `${KEY_PREFIX}cache:`) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  get(key: string): Promise<string | undefined> {
    return degrade(undefined, async () => (await this.#redis.get(this.#prefix + key)) ?? undefined);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return degrade(undefined, async () => {
      await this.#redis.set(this.#prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)));
    });
  }

  delete(key: string): Promise<void> {
    return degrade(undefined, async () => {
      await this.#redis.del(this.#prefix + key);
    });
  }

  /** The client belongs to the composition root, which quits it. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
